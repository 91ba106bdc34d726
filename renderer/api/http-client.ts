/**
 * Browser shell client: requests are POST /api/<method> with JSON, events arrive on a
 * WebSocket at /events. The one-time token comes in the fragment of the printed address
 * (`/#token=…`, never sent to any server); it is kept in this tab's sessionStorage, dropped
 * from the address bar, and presented by this page only: as `Authorization: Bearer` on each
 * request and as a WebSocket subprotocol on the event socket. No cookie, which every other
 * server on 127.0.0.1 would receive too.
 */
import type { Reply, WizardEvent } from '../../shared/contract';
import type { WizardClient } from './client';
import { mainUnreachable } from './unreachable';

const tokenKey = 'wizard-token';
// Must match electron/shell-browser/server.ts.
const eventsProtocol = 'wizard-events';
const tokenProtocolPrefix = 'wizard-token.';

/** Takes the token out of the address (keeping it for reloads of this tab). */
export function takeToken(location: Location, storage: Storage, history: History): string {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fresh = fragment.get('token');
  if (fresh) {
    storage.setItem(tokenKey, fresh);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  return fresh ?? storage.getItem(tokenKey) ?? '';
}

export function createHttpClient(location: Location): WizardClient {
  const token = takeToken(location, window.sessionStorage, window.history);
  const listeners = new Set<(event: WizardEvent) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const connect = (): void => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`;
    socket = new WebSocket(url, [eventsProtocol, `${tokenProtocolPrefix}${token}`]);
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
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          credentials: 'omit',
          body: JSON.stringify(params),
        });
        if (response.status === 403) return mainUnreachable;
        return (await response.json()) as Reply<never>;
      } catch {
        return mainUnreachable;
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
