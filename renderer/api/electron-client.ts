import type { WizardBridge } from '../../shared/contract';
import type { WizardClient } from './client';
import { mainUnreachable } from './unreachable';

export function createElectronClient(bridge: WizardBridge): WizardClient {
  return {
    async invoke(method, params) {
      try {
        const verb = bridge[method] as (p: typeof params) => ReturnType<WizardClient['invoke']>;
        return await verb(params);
      } catch {
        return mainUnreachable;
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
