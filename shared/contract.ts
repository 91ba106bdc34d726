/**
 * WizardApi: every request, reply and pushed event between the renderer and the main process.
 * Both shells (Electron IPC and the loopback browser shell) carry exactly this contract; the
 * handler table in electron/handlers.ts implements it, renderer/api/ calls it.
 */
import type { ExchangeApi, ExchangeEvents } from './contract/exchange';
import type { JourneyApi, JourneyEvents } from './contract/journey';
import type { AppInfo, KeychainStatus, Progress } from './model';
import type { PracticeSettings, PracticeSwitchId, PracticeSwitchValue } from './practice';
import type { Problem } from './problem';
import type { DiscoveryApi, DiscoveryEvents } from './contract/discovery';
import type { SigninApi, SigninEvents } from './contract/signin';
import type { PrinterApi } from './contract/printer';
import type { DeliveryApi, DeliveryEvents } from './contract/delivery';
import type { WaysApi } from './contract/ways';

type NoParams = Record<string, never>;

/**
 * The whole contract. Each capability declares its own part in `shared/contract/<area>.ts`
 * and adds it to the `extends` list below, so capabilities don't edit each other's lines.
 */
export interface WizardApi
  extends
    AppApi,
    JourneyApi,
    DiscoveryApi,
    SigninApi,
    ExchangeApi,
    PrinterApi,
    DeliveryApi,
    WaysApi {}

/** The app itself: info, progress, links out, practice switches. */
export interface AppApi {
  getAppInfo: { params: NoParams; result: AppInfo };
  /** Runs the keychain probe again (set, read and delete a probe item). */
  checkKeychain: { params: NoParams; result: KeychainStatus };
  getProgress: { params: NoParams; result: Progress };
  /**
   * Practice mode only: replaces the whole progress, to put the wizard at a given point (tests,
   * the bench, a demonstration). Outside practice mode main refuses it: the journey changes only
   * through the intents of shared/contract/journey.ts, which the renderer sends.
   */
  setPracticeProgress: { params: Progress; result: Progress };
  /**
   * Opens an allow-listed address outside the app. The Electron shell opens the system browser
   * itself (`via: 'system'`); the browser shell answers `via: 'page'` and the page opens it.
   */
  openExternal: { params: { url: string }; result: { via: 'system' | 'page' } };
  getPracticeSettings: { params: NoParams; result: PracticeSettings };
  setPracticeSwitch: {
    params: { id: PracticeSwitchId; value: PracticeSwitchValue };
    result: PracticeSettings;
  };
}

export type WizardMethod = keyof WizardApi;
export type ParamsOf<M extends WizardMethod> = WizardApi[M]['params'];
export type ResultOf<M extends WizardMethod> = WizardApi[M]['result'];

/** Every reply is either a value or a problem; exceptions never cross the contract. */
export type Reply<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Events the main process pushes to the renderer (each capability extends it likewise). */
export interface WizardEvents
  extends AppEvents, JourneyEvents, DiscoveryEvents, SigninEvents, ExchangeEvents, DeliveryEvents {}

export interface AppEvents {
  'practice-changed': PracticeSettings;
}
export type WizardEventName = keyof WizardEvents;
export type WizardEvent = {
  [E in WizardEventName]: { name: E; data: WizardEvents[E] };
}[WizardEventName];

/** The method names as data, checked complete against the interface. */
const methodFlags: { [M in WizardMethod]: true } = {
  getAppInfo: true,
  checkKeychain: true,
  getProgress: true,
  setPracticeProgress: true,
  getProgressState: true,
  goToStep: true,
  setChoices: true,
  setPrinterRecord: true,
  getCheckRuns: true,
  checkPrinterReach: true,
  openExternal: true,
  getPracticeSettings: true,
  setPracticeSwitch: true,
  startDiscovery: true,
  searchAgain: true,
  addPrinterByAddress: true,
  probePrinter: true,
  choosePrinters: true,
  getSignInStatus: true,
  startSignIn: true,
  cancelSignIn: true,
  signOut: true,
  setClientId: true,
  checkConsentRole: true,
  startBrowserSignIn: true,
  getExchangeSetup: true,
  runMailCheck: true,
  runTenantChecks: true,
  readMailboxSmtpAuth: true,
  turnOnMailboxSmtpAuth: true,
  undoAdminChange: true,
  allowExchangeChanges: true,
  readSecurityDefaults: true,
  turnOffSecurityDefaults: true,
  allowEntraChange: true,
  planDeviceCodeExclusion: true,
  readSmtpConsent: true,
  excludeFromDeviceCodeBlocks: true,
  readStatusSheet: true,
  buildSetupReport: true,
  saveSetupReport: true,
  buildSignInReminder: true,
  saveSignInReminder: true,
  startTestWatch: true,
  stopTestWatch: true,
  getTestWatches: true,
  allowMailReading: true,
  confirmTestMessage: true,
  proveSendingWay: true,
};
export const wizardMethods = Object.keys(methodFlags) as WizardMethod[];

export function isWizardMethod(value: unknown): value is WizardMethod {
  return typeof value === 'string' && Object.hasOwn(methodFlags, value);
}

/** The largest request either shell accepts, in bytes of JSON. */
export const maxRequestBytes = 64 * 1024;

/** IPC channel names (Electron shell only). */
export const ipcChannels = { invoke: 'wizard:invoke', event: 'wizard:event' } as const;

/** What the Electron preload exposes as `window.wizard`: one named verb per method. */
export type WizardBridge = {
  [M in WizardMethod]: (params: ParamsOf<M>) => Promise<Reply<ResultOf<M>>>;
} & {
  onEvent(listener: (event: WizardEvent) => void): () => void;
};
