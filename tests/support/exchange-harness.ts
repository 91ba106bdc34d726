/**
 * Starts the practice tenant and the practice Exchange (the parts of the practice world the
 * Exchange checks talk to: SMTP, the tenant's one Graph, the admin center) and builds the
 * wizard's real mail check and tenant check services against them, with tokens from the
 * practice token authority for practice accounts: the sending mailbox for SMTP, the Global
 * Administrator for Graph unless a test picks another. Also renders a problem in English from
 * the locale files, as the UI does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { createMailCheckService } from '../../electron/services/mail-check';
import { createTenantCheckService } from '../../electron/services/tenant-checks';
import type { TokenSource } from '../../electron/services/token-source';
import {
  createPracticeExchange,
  type PracticeExchange,
} from '../../electron/simulator/practice-exchange';
import { createPracticeTenant, practiceDomain } from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';
import type { Problem } from '../../shared/problem';
import { problemWordValues } from '../../shared/problems/index';
import type { PracticeSettings } from '../../shared/practice';
import { createPracticeTokenSource, type PracticeTokenSource } from './practice-token-source';
import { repoRoot } from './wizard-process';

export const mailbox = `scanner@${practiceDomain}`;
export const globalAdmin = `admin@${practiceDomain}`;

export interface ExchangeHarness {
  world: PracticeWorld;
  exchange: PracticeExchange;
  /** The sending mailbox's tokens (SMTP). */
  tokens: PracticeTokenSource;
  /** The Global Administrator's tokens (the tenant checks' default). */
  adminTokens: PracticeTokenSource;
  profile(): CloudProfile;
  mailCheck(tokens?: TokenSource, timeLimitMs?: number): ReturnType<typeof createMailCheckService>;
  tenantChecks(
    options?: Partial<Parameters<typeof createTenantCheckService>[0]>,
  ): ReturnType<typeof createTenantCheckService>;
  stop(): Promise<void>;
}

export async function startExchangeHarness(
  initial: Partial<PracticeSettings> = {},
): Promise<ExchangeHarness> {
  const world = await startPracticeWorld({
    parts: [() => createPracticeTenant(), createPracticeExchange],
    initial,
  });
  const exchange = world.part<PracticeExchange>('exchange');
  if (!exchange) throw new Error('practice Exchange did not start');
  const tokens = createPracticeTokenSource(world.tokens, mailbox);
  const adminTokens = createPracticeTokenSource(world.tokens, globalAdmin);
  const profile = (): CloudProfile => ({ ...cloudProfiles.global, ...world.cloudProfile() });
  return {
    world,
    exchange,
    tokens,
    adminTokens,
    profile,
    mailCheck: (source = tokens, timeLimitMs) =>
      createMailCheckService({
        tokens: source,
        profile: async () => profile(),
        trustedCa: () => world.certificate.cert,
        productName: 'Printer Mail Setup Wizard',
        ...(timeLimitMs ? { timeLimitMs } : {}),
      }),
    tenantChecks: (options = {}) =>
      createTenantCheckService({
        tokens: adminTokens,
        profile: async () => profile(),
        trustedCa: () => world.certificate.cert,
        personal: async () => false,
        ...options,
      }),
    stop: () => world.stop(),
  };
}

let english: TFunction | null = null;

/** The title and fix the user sees for a problem, in English, from the locale files. */
export async function wordsFor(
  found: Problem | null | undefined,
): Promise<{ title: string; fix: string }> {
  if (!found) throw new Error('Expected a problem, got none');
  if (!english) {
    const load = (name: string): unknown =>
      JSON.parse(
        readFileSync(path.join(repoRoot, 'renderer', 'locales', 'en', `${name}.json`), 'utf8'),
      );
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'en',
      resources: {
        en: {
          exchange: load('exchange') as never,
          app: load('app') as never,
          signin: load('signin') as never,
        },
      },
      ns: ['exchange', 'app', 'signin'],
      defaultNS: 'exchange',
      interpolation: { escapeValue: false },
    });
    english = instance.t;
  }
  const t = english;
  const namespace = found.id.startsWith('request-')
    ? 'app'
    : found.id.startsWith('signin-')
      ? 'signin'
      : 'exchange';
  // As the app does: a problem that counts something passes its number as `count`.
  const values = problemWordValues(found.id, found.data);
  const title = t(`problems.${found.id}.title`, { ns: namespace, ...values });
  const fix = t(`problems.${found.id}.fix`, { ns: namespace, ...values });
  if (title.startsWith('problems.') || fix.startsWith('problems.')) {
    throw new Error(`No English words for ${found.id}`);
  }
  if (/\{\{/.test(title + fix))
    throw new Error(`Unfilled placeholder in ${found.id}: ${title} ${fix}`);
  return { title, fix };
}
