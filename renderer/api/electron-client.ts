import type { WizardBridge } from '../../shared/contract';
import { problem } from '../../shared/problem';
import type { WizardClient } from './client';

export function createElectronClient(bridge: WizardBridge): WizardClient {
  return {
    async invoke(method, params) {
      try {
        const verb = bridge[method] as (p: typeof params) => ReturnType<WizardClient['invoke']>;
        return await verb(params);
      } catch {
        return { ok: false, problem: problem('main-unreachable') };
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
