/**
 * The only way the UI talks to the main process. Same interface in both shells: the Electron
 * preload's `window.wizard` or the browser shell's HTTP + WebSocket endpoints.
 */
import type {
  ParamsOf,
  Reply,
  ResultOf,
  WizardBridge,
  WizardEvent,
  WizardMethod,
} from '../../shared/contract';
import { createElectronClient } from './electron-client';
import { createHttpClient } from './http-client';

export interface WizardClient {
  invoke<M extends WizardMethod>(method: M, params: ParamsOf<M>): Promise<Reply<ResultOf<M>>>;
  onEvent(listener: (event: WizardEvent) => void): () => void;
}

declare global {
  interface Window {
    wizard?: WizardBridge;
  }
}

export function connectClient(): WizardClient {
  return window.wizard ? createElectronClient(window.wizard) : createHttpClient(window.location);
}
