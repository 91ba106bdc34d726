/**
 * Browser shell client: requests are POST /api/<method> with JSON, events arrive on a
 * WebSocket at /events. The token travels in an HttpOnly cookie the page never sees.
 */
import type { Reply, WizardEvent } from '../../shared/contract';
import { problem } from '../../shared/problem';
import type { WizardClient } from './client';

export function createHttpClient(location: Location): WizardClient {
  const listeners = new Set<(event: WizardEvent) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const connect = (): void => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`;
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryMs = 500;
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      let event: WizardEvent;
      try {
        event = JSON.parse(message.data) as WizardEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    });
    socket.addEventListener('close', () => {
      socket = null;
      if (listeners.size === 0) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    });
  };

  return {
    async invoke(method, params) {
      try {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(params),
        });
        if (response.status === 403) return { ok: false, problem: problem('main-unreachable') };
        return (await response.json()) as Reply<never>;
      } catch {
        return { ok: false, problem: problem('main-unreachable') };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}
