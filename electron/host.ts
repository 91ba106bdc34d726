/**
 * Builds everything behind the contract for one run: services, the practice world when asked
 * for, the handler table, the dispatcher and the event stream. Both shells call this.
 */
import { EventEmitter } from 'node:events';
import type { WizardEvent } from '../shared/contract';
import { cloudProfiles } from '../shared/cloud-profiles';
import { matchLanguage, type Language, type Progress, type ShellKind } from '../shared/model';
import { createDispatcher, type Dispatch } from './handlers/dispatcher';
import { createHandlerTable } from './handlers/table';
import { admitPrinterOrigin } from './handlers/discovery';
import type { SaveCalendar, SaveReport } from './handlers/printer';
import { ProblemError } from './common/problem-error';
import { createAppInfoService, type AppInfoService } from './services/app-info';
import { loadCloudFile, type CustomCloud } from './services/cloud-profile-file';
import {
  activeIpv4Interfaces,
  createDiscoveryService,
  type DiscoveryService,
} from './services/discovery/discovery-service';
import { createEntraAdmin } from './services/entra-admin';
import { createExchangeAdmin } from './services/exchange-admin';
import { createExchangeSetup, type ExchangeSetupService } from './services/exchange-setup';
import { createKeytarStore, type SecretStore } from './services/keychain';
import { createLinkPolicy, type LinkPolicy } from './services/link-policy';
import { createMailCheckService } from './services/mail-check';
import { createProgressStore } from './services/progress-store';
import { openProgress } from './services/progress-service';
import { createJourney, type Journey } from './services/journey';
import { createClientIdStore } from './services/signin/client-id';
import { resolveCloud, type ResolvedCloud } from './services/signin/cloud';
import { createSignInService, type SignInService } from './services/signin/signin-service';
import { createTenantCheckService } from './services/tenant-checks';
import { createTestMailWatcher } from './services/delivery/test-mail-watcher';
import type { TokenSource } from './services/token-source';
import { practicePrintersPartName, type PracticePrintersPart } from './simulator/practice-printers';
import {
  practiceClientIds,
  practiceTenantPartName,
  type PracticeTenant,
} from './simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from './simulator/practice-world';
import { practiceExchangePartName, type PracticeExchange } from './simulator/practice-exchange';
import { panelPaths } from './simulator/practice-printer-panel';
import { practicePrinterAdminPassword, practiceWebConfigOf } from './simulator/practice-web-config';
import { createStatusSheetReader } from './services/status-sheet';
import { createWayProofService } from './services/sending-way-proof';

export interface HostOptions {
  shell: ShellKind;
  practice: boolean;
  version: string;
  configDir: string;
  openExternal(url: string): Promise<'system' | 'page'>;
  versions?: NodeJS.ProcessVersions;
  /** The OS's preferred languages, so the wizard starts in one of them (Electron shell). */
  preferredLanguages?: () => readonly string[];
  /** Replaces the OS keychain (tests of the no-keychain path). */
  secretStore?: SecretStore;
  log?: (line: string) => void;
  /** Environment to read WIZARD_CLIENT_ID, WIZARD_CLOUD_FILE and WIZARD_DISCOVERY_INTERFACES from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** The client ID baked in at packaging (package.json `wizardClientId`), if any. */
  packagedClientId?: string;
  /** How this shell saves the setup report (Electron: save dialog, HTML or PDF). */
  saveReport?: SaveReport;
  /** How this shell saves a calendar reminder (Electron: save dialog). */
  saveCalendar?: SaveCalendar;
  /**
   * Timing knobs for test runs, never read from the environment: a shorter test-message watch
   * (default ten minutes, polled every few seconds) and a sooner "late" practice message.
   */
  timing?: { testWatchLimitMs?: number; testWatchPollMs?: number; practiceLateMs?: number };
}

export interface WizardHost {
  dispatch: Dispatch;
  onEvent(listener: (event: WizardEvent) => void): () => void;
  links: LinkPolicy;
  practice: PracticeWorld | null;
  discovery: DiscoveryService;
  /** Access tokens of the signed-in account, for services that call Microsoft. */
  tokenSource: TokenSource;
  signIn: SignInService;
  /** The Microsoft endpoints in use now (practice, custom file or the chosen cloud) and their CA. */
  cloud(): Promise<ResolvedCloud>;
  close(): Promise<void>;
}

/**
 * Interfaces to browse: every active IPv4 one; in practice mode loopback only (the practice
 * printers live there, and a rehearsal never queries the user's network).
 * WIZARD_DISCOVERY_INTERFACES (comma-separated IPv4 addresses) overrides both.
 */
function discoveryInterfaces(practice: boolean, env: NodeJS.ProcessEnv): () => string[] {
  const override = env['WIZARD_DISCOVERY_INTERFACES'];
  if (override) {
    const list = override
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return () => list;
  }
  return practice ? () => ['127.0.0.1'] : activeIpv4Interfaces;
}

export const productName = 'Printer Mail Setup Wizard';

/** A `WIZARD_CLOUD_FILE`'s profile, or the problem that says why it cannot be used. */
function customCloudOf(env: NodeJS.ProcessEnv): CustomCloud | ProblemError | null {
  const file = env['WIZARD_CLOUD_FILE'];
  if (!file) return null;
  try {
    return loadCloudFile(file);
  } catch (error) {
    return error instanceof ProblemError
      ? error
      : new ProblemError('signin-cloud-file-invalid', { file, detail: '-' });
  }
}

/**
 * The other ways of sending: the extra CA counts only for hosts the practice world or the
 * custom file names itself (mxHost, hveHost), never for Microsoft's own.
 */
function hostsNamedBy(
  practice: PracticeWorld | null,
  custom: CustomCloud | ProblemError | null,
): () => { mxHost: boolean; hveHost: boolean; smtpHost: boolean } {
  if (practice) {
    return () => ({
      mxHost: practice.cloudProfile().mxHost !== undefined,
      hveHost: practice.cloudProfile().hveHost !== undefined,
      smtpHost: practice.cloudProfile().smtpHost !== undefined,
    });
  }
  const overrides = custom && !(custom instanceof ProblemError) ? custom.overrides : null;
  return () => ({
    mxHost: !!overrides?.mxHost,
    hveHost: !!overrides?.hveHost,
    smtpHost: !!overrides?.smtpHost,
  });
}

/** The Exchange setup and the sign-in follow the chosen cloud and account kind. */
function followCloudChoice(
  now: Progress,
  before: Progress,
  parts: {
    exchangeSetup: ExchangeSetupService;
    signIn: SignInService;
    emit(event: WizardEvent): void;
  },
): void {
  if (now.cloud !== before.cloud || now.accountKind !== before.accountKind) {
    void parts.exchangeSetup.describe().then(
      (setup) => parts.emit({ name: 'exchange-setup-changed', data: setup }),
      () => undefined,
    );
  }
  if (now.cloud !== before.cloud) {
    void parts.signIn.status().then(
      (status) => parts.emit({ name: 'signin-changed', data: status }),
      () => undefined,
    );
  }
}

/** What the About dialog and the first screen learn of this run (practice addresses included). */
function appInfoService(
  options: HostOptions,
  practice: PracticeWorld | null,
  secretStore: () => SecretStore,
): AppInfoService {
  const practiceExchange = practice?.part<PracticeExchange>(practiceExchangePartName);
  return createAppInfoService({
    name: productName,
    version: options.version,
    shell: options.shell,
    practice: options.practice,
    ...(practiceExchange
      ? {
          practiceWorld: {
            mailboxUrl: practiceExchange.mailboxUrl,
            changesUrl: practiceExchange.changesUrl,
            printerPanelPath: panelPaths.scanToEmail,
            printerAdminPassword: practicePrinterAdminPassword,
            webConfigOf: practiceWebConfigOf,
          },
        }
      : {}),
    secretStore,
    ...(options.versions ? { versions: options.versions } : {}),
    ...(options.preferredLanguages ? { preferredLanguages: options.preferredLanguages } : {}),
  });
}

export async function createWizardHost(options: HostOptions): Promise<WizardHost> {
  const events = new EventEmitter();
  const emit = (event: WizardEvent): void => {
    events.emit('event', event);
  };
  // The practice world is composed here and only here (lint: nothing else in electron/ imports
  // electron/simulator/); the rest of the wizard sees services and plain values.
  const timing = options.timing ?? {};
  // The practice pages speak the wizard's saved language (progress opens after the world).
  let savedLanguage = (): Language => 'en';
  const practice = options.practice
    ? await startPracticeWorld({
        timing: timing.practiceLateMs ? { lateMs: timing.practiceLateMs } : {},
        language: () => savedLanguage(),
      })
    : null;
  practice?.onChange((settings) => emit({ name: 'practice-changed', data: settings }));

  let osKeychain: SecretStore | null = options.secretStore ?? null;
  const realKeychain = (): SecretStore => (osKeychain ??= createKeytarStore());
  const keychain = practice ? practice.secretStore(realKeychain) : null;
  const secretStore = (): SecretStore => keychain ?? realKeychain();

  const env = options.env ?? process.env;
  const custom = practice ? null : customCloudOf(env);
  // Every cloud's pages, and a custom or the practice profile's exactly like Microsoft's own.
  const links = createLinkPolicy([
    ...Object.values(cloudProfiles),
    ...(practice ? [practice.cloudProfile()] : []),
    ...(custom && !(custom instanceof ProblemError) ? [custom.overrides] : []),
  ]);
  const practicePrinters = practice?.part<PracticePrintersPart>(practicePrintersPartName);
  const discovery = createDiscoveryService({
    interfaces: discoveryInterfaces(options.practice, env),
    ...(practicePrinters ? { accept: (item) => practicePrinters.accepts(item) } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  discovery.onChange((snapshot) => emit({ name: 'printers-changed', data: snapshot }));
  // Loaded once; from here on progress lives in memory and each change is written once.
  const progress = await openProgress(createProgressStore(options.configDir, options.practice));
  // Following the system: the system's locale, as the renderer matches it.
  savedLanguage = () =>
    progress.current().language ?? matchLanguage([Intl.DateTimeFormat().resolvedOptions().locale]);
  // Printers chosen in an earlier run get their "Open Web Config" link back once discovery finds
  // them again. Progress only says which printer ids were chosen; the origin admitted is always
  // the one the main process itself found.
  discovery.onChange((snapshot) => {
    const chosen = new Set(progress.current().printers.map((printer) => printer.id));
    for (const entry of snapshot.printers) {
      if (chosen.has(entry.id)) admitPrinterOrigin(links, entry.webConfigUrl);
    }
  });
  const tenant = practice?.part<PracticeTenant>(practiceTenantPartName) ?? null;
  const cloud = async (): Promise<ResolvedCloud> => {
    const { accountKind, cloud: chosen } = progress.current();
    return resolveCloud(
      {
        practice: practice
          ? { overrides: practice.cloudProfile(), ca: practice.certificate.cert }
          : null,
        custom,
      },
      { accountKind, cloud: chosen },
    );
  };
  // Built once the checks it runs exist (below); the sign-in and the watches tell it before.
  let journey: Journey | null = null;
  const signIn = createSignInService({
    cloud,
    clientIds: createClientIdStore({
      configDir: options.configDir,
      environment: env['WIZARD_CLIENT_ID'],
      packaged: options.packagedClientId,
      practice: tenant ? practiceClientIds.wizard : undefined,
    }),
    secretStore,
    onChange: (status) => {
      emit({ name: 'signin-changed', data: status });
      void journey?.recordSignIn(status);
    },
    ...(options.log ? { log: options.log } : {}),
  });
  const tokens: TokenSource = signIn;
  const exchangeSetup = createExchangeSetup({ progress, cloud });
  // The practice or custom-profile CA, trusted for the SMTP and Graph endpoints of that profile.
  const extraCa =
    practice?.certificate.cert ?? (custom instanceof ProblemError ? null : custom?.ca);
  const trustedCa = extraCa ? () => extraCa : undefined;
  const testMail = createTestMailWatcher({
    tokens,
    profile: exchangeSetup.profile,
    ...(trustedCa ? { trustedCa } : {}),
    onChange: (watches) => {
      emit({ name: 'test-watches-changed', data: watches });
      void journey?.recordTestWatches();
    },
    ...(timing.testWatchLimitMs ? { limitMs: timing.testWatchLimitMs } : {}),
    ...(timing.testWatchPollMs ? { pollMs: timing.testWatchPollMs } : {}),
  });
  const mailCheck = createMailCheckService({
    tokens,
    profile: exchangeSetup.profile,
    ...(trustedCa ? { trustedCa } : {}),
    productName,
  });
  const tenantChecks = createTenantCheckService({
    tokens,
    profile: exchangeSetup.profile,
    personal: exchangeSetup.personal,
    ...(trustedCa ? { trustedCa } : {}),
  });
  const wayProof = createWayProofService({
    profile: exchangeSetup.profile,
    ...(trustedCa ? { trustedCa } : {}),
    overridden: hostsNamedBy(practice, custom),
    productName,
    watchCode: (printerId) => {
      const watch = testMail.list()[printerId];
      return watch && watch.outcome.state === 'watching' ? watch.code : null;
    },
  });
  const checks = createJourney({
    progress,
    mailCheck,
    tenantChecks,
    wayProof,
    discovery,
    testWatches: () => testMail.list(),
    onRuns: (runs) => emit({ name: 'check-runs-changed', data: runs }),
    admit: (url) => admitPrinterOrigin(links, url),
  });
  journey = checks;
  const exchangeAdmin = createExchangeAdmin({
    tokens,
    profile: exchangeSetup.profile,
    ...(trustedCa ? { trustedCa } : {}),
    progress,
    checkMail: () => checks.runMailCheck({ sendTest: false }),
  });
  const entraAdmin = createEntraAdmin({
    tokens,
    profile: exchangeSetup.profile,
    ...(trustedCa ? { trustedCa } : {}),
    progress,
    runTenantChecks: (ids) => checks.runTenantChecks(ids),
  });
  progress.onChange((state, before) => {
    emit({ name: 'progress-changed', data: state });
    followCloudChoice(state.progress, before, { exchangeSetup, signIn, emit });
  });
  const statusSheets = createStatusSheetReader();
  const table = createHandlerTable({
    appInfo: appInfoService(options, practice, secretStore),
    progress,
    links,
    openExternal: options.openExternal,
    practice,
    discovery,
    signIn,
    journey: checks,
    exchange: {
      setup: exchangeSetup,
      mailCheck,
      tenantChecks,
      admin: exchangeAdmin,
      entra: entraAdmin,
    },
    printer: {
      progress,
      signIn,
      exchange: exchangeSetup,
      statusSheets,
      product: productName,
      testMail,
      ...(options.saveReport ? { saveReport: options.saveReport } : {}),
      ...(options.saveCalendar ? { saveCalendar: options.saveCalendar } : {}),
      version: options.version,
    },
    testMail,
  });
  // The board's sign-in lines as the sign-in stands at start (restored from the keychain).
  void signIn.status().then(
    (status) => journey?.recordSignIn(status),
    () => undefined,
  );
  return {
    dispatch: createDispatcher(table, options.log ? { log: options.log } : {}),
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    links,
    practice,
    discovery,
    tokenSource: signIn,
    signIn,
    cloud,
    async close() {
      testMail.close();
      await progress.settled();
      await signIn.close();
      events.removeAllListeners();
      await discovery.stop();
      await practice?.stop();
    },
  };
}
