/**
 * The network of one sign-in (device code or browser), over the session's network client: it
 * counts polls, turns slow_down into "pending" and waits longer (RFC 8628 §3.5: MSAL would end
 * the flow on it), and obeys Cancel: no request after it, and an answer still on its way is
 * dropped, tokens and all.
 */
import type { INetworkModule } from '@azure/msal-node';
import type { FlowGate } from './session';

export interface FlowNetworkHooks {
  slowDownMs: number;
  /** A slow_down was honoured: the prompt's interval grows by this many seconds. */
  onSlowDown(addedSeconds: number): void;
  /** A poll was answered (the status shows the count). */
  onPoll(): void;
}

const devicePollBody =
  /grant_type=(device_code|urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code)/;

export function flowNetwork(
  base: INetworkModule,
  gate: FlowGate,
  hooks: FlowNetworkHooks,
): INetworkModule {
  const refuse = (): never => {
    throw new Error('This sign-in was cancelled.');
  };
  return {
    async sendGetRequestAsync(url, requestOptions, timeout) {
      if (gate.cancelled) refuse();
      const response = await base.sendGetRequestAsync<never>(url, requestOptions, timeout);
      if (gate.cancelled) refuse();
      return response;
    },
    async sendPostRequestAsync<T>(
      url: string,
      requestOptions?: Parameters<INetworkModule['sendPostRequestAsync']>[1],
    ) {
      if (gate.cancelled) refuse();
      const isPoll = devicePollBody.test(requestOptions?.body ?? '');
      if (isPoll && gate.extraDelayMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, gate.extraDelayMs);
          gate.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        gate.wake = null;
        if (gate.cancelled) refuse();
      }
      if (isPoll) gate.polls += 1;
      const response = await base.sendPostRequestAsync<T>(url, requestOptions);
      // An answer that arrives after Cancel is dropped here, tokens and all.
      if (gate.cancelled) refuse();
      const body = response.body as { error?: unknown } | undefined;
      if (isPoll && body?.error === 'slow_down') {
        gate.slowDowns += 1;
        gate.extraDelayMs += hooks.slowDownMs;
        hooks.onSlowDown(hooks.slowDownMs / 1000);
        return { ...response, body: { ...body, error: 'authorization_pending' } as T };
      }
      if (isPoll) hooks.onPoll();
      return response;
    },
  };
}
