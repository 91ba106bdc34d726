/**
 * Builds everything behind the contract for one run: services, the practice world when asked
 * for, the handler table, the dispatcher and the event stream. Both shells call this.
 */
import { EventEmitter } from 'node:events';
import type { WizardEvent } from '../shared/contract';
import type { ShellKind } from '../shared/model';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlers';
import { createAppInfoService } from './services/app-info';
import { createExchangeSetup, notSignedInTokenSource } from './services/exchange-setup';
import { createKeytarStore, type SecretStore } from './services/keychain';
import { createLinkPolicy, type LinkPolicy } from './services/link-policy';
import { createMailCheckService } from './services/mail-check';
import { createProgressStore } from './services/progress-store';
import { createTenantCheckService } from './services/tenant-checks';
import type { TokenSource } from './services/token-source';
import { startPracticeWorld, type PracticeWorld } from './simulator/practice-world';

export interface HostOptions {
  shell: ShellKind;
  practice: boolean;
  version: string;
  configDir: string;
  openExternal(url: string): Promise<'system' | 'page'>;
  versions?: NodeJS.ProcessVersions;
  /** Replaces the OS keychain (tests of the no-keychain path). */
  secretStore?: SecretStore;
  log?: (line: string) => void;
  /** Tokens for the signed-in account; until sign-in exists, one that says "not signed in". */
  tokens?: TokenSource;
}

export interface WizardHost {
  dispatch: Dispatch;
  onEvent(listener: (event: WizardEvent) => void): () => void;
  links: LinkPolicy;
  practice: PracticeWorld | null;
  close(): Promise<void>;
}

export const productName = 'Printer Mail Setup Wizard';

export async function createWizardHost(options: HostOptions): Promise<WizardHost> {
  const events = new EventEmitter();
  const emit = (event: WizardEvent): void => {
    events.emit('event', event);
  };
  const practice = options.practice ? await startPracticeWorld() : null;
  practice?.onChange((settings) => emit({ name: 'practice-changed', data: settings }));

  let osKeychain: SecretStore | null = options.secretStore ?? null;
  const realKeychain = (): SecretStore => (osKeychain ??= createKeytarStore());
  const keychain = practice ? practice.secretStore(realKeychain) : null;
  const secretStore = (): SecretStore => keychain ?? realKeychain();

  const links = createLinkPolicy();
  const progress = createProgressStore(options.configDir, options.practice);
  const tokens = options.tokens ?? notSignedInTokenSource;
  const exchangeSetup = createExchangeSetup({
    progress,
    practiceProfile: practice ? () => practice.cloudProfile() : null,
  });
  const trustedCa = practice ? () => practice.certificate.cert : undefined;
  for (const page of Object.values(practice ? (await exchangeSetup.profile()).adminPages : {})) {
    if (page) links.allowOrigin(new URL(page).origin);
  }
  const table = createHandlerTable({
    appInfo: createAppInfoService({
      name: productName,
      version: options.version,
      shell: options.shell,
      practice: options.practice,
      secretStore,
      ...(options.versions ? { versions: options.versions } : {}),
    }),
    progress,
    links,
    openExternal: options.openExternal,
    practice,
    exchange: {
      setup: exchangeSetup,
      mailCheck: createMailCheckService({
        tokens,
        profile: exchangeSetup.profile,
        ...(trustedCa ? { trustedCa } : {}),
        productName,
      }),
      tenantChecks: createTenantCheckService({
        tokens,
        profile: exchangeSetup.profile,
        personal: exchangeSetup.personal,
        ...(trustedCa ? { trustedCa } : {}),
      }),
    },
  });
  return {
    dispatch: createDispatcher(table, options.log ? { log: options.log } : {}),
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    links,
    practice,
    async close() {
      events.removeAllListeners();
      await practice?.stop();
    },
  };
}
