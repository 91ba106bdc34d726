/**
 * Runs sandboxed in the renderer before the page: exposes one named verb per WizardApi method
 * as `window.wizard`, and nothing of Electron. A sandboxed preload can require only `electron`,
 * so the build bundles this file with what it imports from shared/ into one file
 * (scripts/build-preload.mjs): the method list is the contract's own (`wizardMethods`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  ipcChannels,
  wizardMethods,
  type WizardBridge,
  type WizardEvent,
} from '../../shared/contract';

const verbs = Object.fromEntries(
  wizardMethods.map((method) => [
    method,
    (params: unknown) => ipcRenderer.invoke(ipcChannels.invoke, method, params),
  ]),
) as unknown as Omit<WizardBridge, 'onEvent'>;

/** Listeners get the event's payload only, never Electron's IpcRendererEvent (or its sender). */
const onEvent: WizardBridge['onEvent'] = (listener) => {
  const forward = (_event: IpcRendererEvent, payload: WizardEvent): void => listener(payload);
  ipcRenderer.on(ipcChannels.event, forward);
  return () => {
    ipcRenderer.removeListener(ipcChannels.event, forward);
  };
};

contextBridge.exposeInMainWorld('wizard', { ...verbs, onEvent } satisfies WizardBridge);
