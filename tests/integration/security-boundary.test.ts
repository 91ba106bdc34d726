/**
 * Issue 11, findings 2, 3, 6 and 7: the secrets boundary of the browser shell and the link
 * allow-list, each tried the way an attacker would on loopback.
 */
import http from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWizardHost, type WizardHost } from '../../electron/host';
import type { SecretStore } from '../../electron/services/keychain';
import { createProgressStore } from '../../electron/services/progress-store';
import {
  maxConnections,
  maxEventSockets,
  startBrowserShell,
  type BrowserShell,
} from '../../electron/shell-browser/server';
import { initialProgress } from '../../shared/model';

const memoryStore: SecretStore = {
  backend: 'memory',
  get: async () => null,
  set: async () => {},
  delete: async () => true,
};

const phishingPage = 'https://login-microsoftonline.evil.example/common/oauth2/v2.0/authorize';

async function plainHost(configDir: string): Promise<WizardHost> {
  // Not practice: nothing is announced or browsed until discovery is started (it is not here).
  return createWizardHost({
    shell: 'browser',
    practice: false,
    version: '1.0.0',
    configDir,
    openExternal: async () => 'page',
    secretStore: memoryStore,
    env: {},
  });
}

describe('the link allow-list after a restart (finding 2)', () => {
  it('admits nothing the progress file (which the renderer writes) says', async () => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'allow-list-'));
    await createProgressStore(configDir, false).save({
      ...initialProgress,
      printers: [
        {
          id: 'uuid:00000000-0000-4000-8000-000000000001',
          name: 'Office printer',
          model: null,
          vendor: 'other',
          addresses: ['192.0.2.10'],
          webConfigUrl: phishingPage,
          firmwareVersion: null,
        },
      ],
    });
    const host = await plainHost(configDir);
    try {
      expect(host.links.isAllowed(phishingPage)).toBe(false);
      expect(await host.dispatch('openExternal', { url: phishingPage })).toMatchObject({
        ok: false,
        problem: { id: 'link-not-allowed' },
      });
    } finally {
      await host.close();
    }
  });
});

describe('the browser shell on a shared loopback', () => {
  let host: WizardHost;
  let shell: BrowserShell;
  let port: number;

  beforeAll(async () => {
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'shell-static-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await plainHost(mkdtempSync(path.join(os.tmpdir(), 'shell-config-')));
    shell = await startBrowserShell({ host, staticDir, port: 0 });
    port = Number(new URL(shell.origin).port);
  });

  afterAll(async () => {
    await shell.close();
    await host.close();
  });

  const rawGet = (target: string, headers: Record<string, string> = {}) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: target, headers }, (response) => {
          response.resume();
          resolve(response);
        })
        .on('error', reject);
    });

  const openSocket = (options: { headers?: Record<string, string>; protocols?: string[] }) =>
    new Promise<{ status: number; socket: WebSocket; body: string }>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/events`, options.protocols ?? [], {
        headers: { Origin: shell.origin, ...options.headers },
      });
      socket.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, socket, body }));
      });
      socket.on('open', () => resolve({ status: 101, socket, body: '' }));
      socket.on('error', () => resolve({ status: 0, socket, body: '' }));
    });

  it('a 127.0.0.1 cookie alone opens nothing, and none is ever set (finding 3)', async () => {
    // Any other server on 127.0.0.1 the browser visits receives every 127.0.0.1 cookie.
    const cookie = `wizard_token_${port}=${shell.token}`;
    const call = await fetch(`${shell.origin}/api/getAppInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    expect(call.status).toBe(403);
    expect((await openSocket({ headers: { Cookie: cookie } })).status).toBe(403);
    const start = await rawGet(`/?token=${shell.token}`);
    expect(start.headers['set-cookie']).toBeUndefined();
    // The printed address carries the token in the fragment, which browsers never send.
    expect(new URL(shell.url).search).toBe('');
    expect(new URL(shell.url).hash).toBe(`#token=${shell.token}`);
  });

  it('the page presents the token itself: Bearer header, and a subprotocol on the socket', async () => {
    const call = await fetch(`${shell.origin}/api/getAppInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shell.token}` },
      body: '{}',
    });
    expect(await call.json()).toMatchObject({ ok: true, value: { version: '1.0.0' } });
    const wrong = await openSocket({ protocols: ['wizard-events', 'wizard-token.nope'] });
    expect(wrong.status).toBe(403);
    const opened = await openSocket({
      protocols: ['wizard-events', `wizard-token.${shell.token}`],
    });
    expect(opened.status).toBe(101);
    // The server answers with its own protocol name and never echoes the token.
    expect(opened.socket.protocol).toBe('wizard-events');
    opened.socket.close();
  });

  it('caps event sockets and answers the rest with a clear 503 (finding 6)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    const attempts = await Promise.all(
      Array.from({ length: 60 }, () =>
        openSocket({ headers: { Authorization: `Bearer ${shell.token}` } }),
      ),
    );
    try {
      const opened = attempts.filter((attempt) => attempt.status === 101);
      const refused = attempts.filter((attempt) => attempt.status === 503);
      expect(opened.length).toBeLessThanOrEqual(maxEventSockets);
      expect(opened.length).toBeGreaterThan(0);
      expect(refused.length).toBe(60 - opened.length);
      expect(refused[0]?.body).toMatch(/Too many wizard tabs/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      for (const attempt of attempts) attempt.socket.terminate();
    }
    // Closed sockets free their places.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await openSocket({ headers: { Authorization: `Bearer ${shell.token}` } });
    expect(again.status).toBe(101);
    again.socket.close();
  });

  it('caps open connections and answers the rest with a clear 503 (finding 6)', async () => {
    const held = await Promise.all(
      Array.from(
        { length: maxConnections + 8 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
            socket.on('error', reject);
          }),
      ),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const last = held.at(-1) as net.Socket;
      const answer = new Promise<string>((resolve) => {
        let text = '';
        last.on('data', (chunk: Buffer) => (text += chunk.toString()));
        last.on('close', () => resolve(text));
      });
      last.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const text = await answer;
      expect(text).toMatch(/^HTTP\/1\.1 503/);
      expect(text).toMatch(/Too many connections/);
    } finally {
      for (const socket of held) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rawGet('/')).statusCode).toBe(200);
  });

  it.each([
    '/.//evil.example/',
    '//evil.example/',
    '/%2F%2Fevil.example/',
    '/\\evil.example/',
    '/api/..//evil.example/',
  ])('%s?token=… redirects only to / (finding 7)', async (target) => {
    const response = await rawGet(`${target}?token=${shell.token}`);
    expect(response.statusCode).toBe(303);
    const location = response.headers.location ?? '';
    const resolved = new URL(location, shell.origin);
    expect(resolved.origin).toBe(shell.origin);
    expect(resolved.pathname).toBe('/');
    expect(location.startsWith('/')).toBe(true);
    expect(location.startsWith('//')).toBe(false);
  });
});
