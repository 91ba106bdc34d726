/**
 * The practice world: simulated Microsoft and printers for `--demo` and for the tests. It is
 * only ever started on request (never silently in place of the real thing) and only listens on
 * loopback. Each scenario switch (shared/practice.ts) puts one simulated part into one of the
 * situations the wizard handles.
 *
 * The world is made of parts (practice tenant, practice Exchange, practice printers…), each in
 * its own module, started together and sharing one context: the switches, a throw-away
 * certificate and the practice token authority. A part may publish endpoints into the
 * practice cloud profile, which is how the wizard's services find it.
 */
import { EventEmitter } from 'node:events';
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { Language } from '../../shared/model';
import {
  defaultPracticeSettings,
  practiceSwitches,
  type PracticeSettings,
  type PracticeSwitchId,
  type PracticeSwitchValue,
} from '../../shared/practice';
import type { SecretStore } from '../services/keychain';
import { createPracticeCertificate, type PracticeCertificate } from './practice-certificate';
import { createPracticeExchangeAdmin } from './practice-exchange-admin';
import { createPracticeExchange } from './practice-exchange';
import { createPracticeKeychain } from './practice-keychain';
import { createPracticeMailbox } from './practice-mailbox';
import { createPracticeMx } from './practice-mx';
import { createPracticePrinters } from './practice-printers';
import { createPracticeTenant } from './practice-tenant';
import { createPracticeTokenAuthority, type PracticeTokenAuthority } from './practice-tokens';

export interface PracticeContext {
  settings(): PracticeSettings;
  onChange(listener: (settings: PracticeSettings) => void): () => void;
  certificate: PracticeCertificate;
  tokens: PracticeTokenAuthority;
  /** Flips a switch from inside the world (e.g. the practice admin center page). */
  set<S extends PracticeSwitchId>(id: S, value: PracticeSwitchValue<S>): PracticeSettings;
  /** A part started before this one (e.g. the practice Exchange adds routes to the tenant's Graph). */
  part<T extends PracticePart>(name: string): T | undefined;
  /** The practice cloud profile as the started parts publish it (looked up when used). */
  cloudProfile(): Partial<CloudProfile>;
  /** The wizard's language now: the practice pages show their labels in it, English beside. */
  language(): Language;
}

export interface PracticePart {
  readonly name: string;
  start(context: PracticeContext): Promise<void>;
  /** Endpoints this part serves, merged into the practice cloud profile. */
  profile?(): Partial<CloudProfile>;
  stop(): Promise<void>;
}

/** Builds the parts of the practice world; each capability adds its part here. */
function partFactories(timing: PracticeTiming): (() => PracticePart)[] {
  return [
    createPracticePrinters,
    // Before the Exchange: its Graph is the one Graph, where the Exchange adds its routes.
    () => createPracticeTenant(),
    createPracticeExchange,
    createPracticeExchangeAdmin,
    // After the Exchange: it files what the Exchange delivers and serves it on the tenant's Graph.
    () => createPracticeMailbox(timing),
    // After the Exchange: it files what it accepts through the Exchange's mailbox.
    createPracticeMx,
  ];
}

/** Timing knobs of the practice world (the e2e run shortens them through the host's options). */
export interface PracticeTiming {
  /** How late an "arrives late" test message is (default 45 s). */
  lateMs?: number;
}

export interface PracticeWorld {
  settings(): PracticeSettings;
  set<S extends PracticeSwitchId>(id: S, value: PracticeSwitchValue<S>): PracticeSettings;
  onChange(listener: (settings: PracticeSettings) => void): () => void;
  /** The keychain as the practice scenario wants it: the real one, or a failing stand-in. */
  secretStore(real: () => SecretStore): SecretStore;
  /** Practice endpoints for the wizard's services, plus the certificate they must trust. */
  cloudProfile(): Partial<CloudProfile>;
  readonly certificate: PracticeCertificate;
  readonly tokens: PracticeTokenAuthority;
  part<T extends PracticePart>(name: string): T | undefined;
  stop(): Promise<void>;
}

/** What Microsoft sets up in a tenant made after 1 July 2026 (shared/practice.ts `tenantAge`). */
export const brandNewTenant: Partial<PracticeSettings> = {
  tenantAge: 'brand-new',
  securityDefaults: 'on',
  conditionalAccess: 'managed-on',
  smtpAuthMailbox: 'off',
};

/** Switches changed, with what choosing a brand-new tenant brings along (what is named wins). */
function withPreset(
  settings: PracticeSettings,
  changed: Partial<PracticeSettings>,
): PracticeSettings {
  return changed.tenantAge === 'brand-new'
    ? { ...settings, ...brandNewTenant, ...changed }
    : { ...settings, ...changed };
}

export function isValidSwitch(id: string, value: string): boolean {
  const options: readonly string[] | undefined = (
    practiceSwitches as Record<string, readonly string[]>
  )[id];
  return options !== undefined && options.includes(value);
}

export interface PracticeWorldOptions {
  initial?: Partial<PracticeSettings>;
  /** Parts to start; by default every registered part. Tests may start only what they need. */
  parts?: (() => PracticePart)[];
  timing?: PracticeTiming;
  /** The wizard's saved language, read each time a practice page is drawn (default English). */
  language?: () => Language;
}

export async function startPracticeWorld(
  options: PracticeWorldOptions = {},
): Promise<PracticeWorld> {
  let settings: PracticeSettings = withPreset(defaultPracticeSettings(), options.initial ?? {});
  const events = new EventEmitter();
  const onChange = (listener: (settings: PracticeSettings) => void): (() => void) => {
    events.on('change', listener);
    return () => events.off('change', listener);
  };
  const set = <S extends PracticeSwitchId>(
    id: S,
    value: PracticeSwitchValue<S>,
  ): PracticeSettings => {
    if (!isValidSwitch(id, value)) throw new Error(`Unknown practice switch ${id}=${value}`);
    settings = withPreset(settings, { [id]: value });
    events.emit('change', { ...settings });
    return { ...settings };
  };
  const started: PracticePart[] = [];
  const part = <T extends PracticePart>(name: string) =>
    started.find((candidate) => candidate.name === name) as T | undefined;
  const cloudProfile = (): Partial<CloudProfile> =>
    Object.assign({}, ...started.map((candidate) => candidate.profile?.() ?? {}));
  const context: PracticeContext = {
    settings: () => ({ ...settings }),
    onChange,
    certificate: await createPracticeCertificate(),
    tokens: createPracticeTokenAuthority(),
    set,
    part,
    cloudProfile,
    language: () => options.language?.() ?? 'en',
  };
  const parts = (options.parts ?? partFactories(options.timing ?? {})).map((factory) => factory());
  try {
    for (const next of parts) {
      await next.start(context);
      started.push(next);
    }
  } catch (error) {
    await Promise.allSettled(started.map((stopping) => stopping.stop()));
    throw error;
  }
  return {
    settings: context.settings,
    set,
    onChange,
    secretStore: (real) => createPracticeKeychain(() => settings.keychain, real),
    cloudProfile,
    certificate: context.certificate,
    tokens: context.tokens,
    part,
    async stop() {
      events.removeAllListeners();
      await Promise.allSettled(started.map((stopping) => stopping.stop()));
    },
  };
}
