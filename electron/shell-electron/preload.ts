/**
 * Runs sandboxed in the renderer before the page: exposes one named verb per WizardApi method
 * as `window.wizard`, and nothing of Electron. A sandboxed preload cannot load other files, so
 * the channel names and verbs are written here, checked against the contract by type.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WizardBridge, WizardEvent, WizardMethod, ipcChannels } from '../../shared/contract';

const invokeChannel: (typeof ipcChannels)['invoke'] = 'wizard:invoke';
const eventChannel: (typeof ipcChannels)['event'] = 'wizard:event';

const verbs: { [M in WizardMethod]: true } = {
  getAppInfo: true,
  checkKeychain: true,
  getProgress: true,
  saveProgress: true,
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
  getExchangeSetup: true,
  runMailCheck: true,
  runTenantChecks: true,
  readPracticeStatusSheet: true,
  buildSetupReport: true,
  saveSetupReport: true,
  startBrowserSignIn: true,
};

const bridge = Object.fromEntries(
  Object.keys(verbs).map((method) => [
    method,
    (params: unknown) => ipcRenderer.invoke(invokeChannel, method, params),
  ]),
) as unknown as Omit<WizardBridge, 'onEvent'>;

const onEvent: WizardBridge['onEvent'] = (listener) => {
  const forward = (_event: IpcRendererEvent, payload: WizardEvent): void => listener(payload);
  ipcRenderer.on(eventChannel, forward);
  return () => {
    ipcRenderer.removeListener(eventChannel, forward);
  };
};

contextBridge.exposeInMainWorld('wizard', { ...bridge, onEvent } satisfies WizardBridge);
