/**
 * The browser shell as an attacker and a confused client see it: token on every request and
 * socket, loopback only, malformed requests answered with problems while it keeps serving.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWizardHost, type WizardHost } from '../../electron/host';
import { startBrowserShell, type BrowserShell } from '../../electron/shell-browser/server';
import { maxRequestBytes } from '../../shared/contract';
import { initialProgress } from '../../shared/model';
import type { SecretStore } from '../../electron/services/keychain';

const memoryStore: SecretStore = {
  backend: 'memory',
  get: async () => 'x',
  set: async () => {},
  delete: async () => true,
};

let host: WizardHost;
let shell: BrowserShell;
const api = (method: string, body: string | object, headers: Record<string, string> = {}) =>
  fetch(`${shell.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${shell.token}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'shell-static-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: '9.9.9',
    configDir: mkdtempSync(path.join(os.tmpdir(), 'shell-config-')),
    openExternal: async () => 'page',
    secretStore: memoryStore,
  });
  shell = await startBrowserShell({ host, staticDir, port: 0 });
});

afterAll(async () => {
  await shell.close();
  await host.close();
});

describe('browser shell', () => {
  it('listens on 127.0.0.1 only and prints the token in the fragment, which no server sees', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('refuses API calls and sockets without the right token with 403', async () => {
    expect((await fetch(`${shell.origin}/?token=nope`)).status).toBe(403);
    expect((await api('getAppInfo', {}, { Authorization: 'Bearer nope' })).status).toBe(403);
    expect((await api('getAppInfo', {}, { Authorization: '' })).status).toBe(403);
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(shell.origin).port}/events`, {
      headers: { Origin: shell.origin, Authorization: 'Bearer nope' },
    });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('refuses another Host header (DNS rebinding) even with the token', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: new URL(shell.origin).port,
            path: `/?token=${shell.token}`,
            headers: { Host: 'evil.example' },
          },
          (response) => resolve(response.statusCode ?? 0),
        )
        .on('error', () => resolve(0));
    });
    expect(status).toBe(403);
  });

  it('serves the page itself (public build, nothing secret) with its CSP', async () => {
    const page = await fetch(shell.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('answers malformed requests with problems and keeps serving', async () => {
    const cases: [Response, number, string][] = [
      [await api('getAppInfo', '{not json'), 400, 'request-malformed'],
      [await api('noSuchMethod', {}), 200, 'request-unknown-method'],
      [
        await api('setPracticeProgress', { ...initialProgress, step: 42 }),
        200,
        'request-malformed',
      ],
      [await api('getAppInfo', {}, { 'Content-Type': 'text/plain' }), 415, 'request-malformed'],
      [await api('getAppInfo', 'x'.repeat(maxRequestBytes + 1)), 413, 'request-too-large'],
    ];
    for (const [response, status, problem] of cases) {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ ok: false, problem: { id: problem } });
    }
    const get = await fetch(`${shell.origin}/api/getAppInfo`, {
      headers: { Authorization: `Bearer ${shell.token}` },
    });
    expect(get.status).toBe(405);
    const info = await api('getAppInfo', {});
    expect(await info.json()).toMatchObject({
      ok: true,
      value: { version: '9.9.9', shell: 'browser', practice: true },
    });
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const target of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x']) {
      const response = await fetch(`${shell.origin}${target}`, {
        headers: { Authorization: `Bearer ${shell.token}` },
      });
      expect(response.status).toBe(404);
    }
  });

  it('pushes events to an authorised socket, and only listens', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(shell.origin).port}/events`, {
      headers: { Origin: shell.origin, Authorization: `Bearer ${shell.token}` },
    });
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const event = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    expect(
      await (await api('setPracticeSwitch', { id: 'keychain', value: 'locked' })).json(),
    ).toMatchObject({ ok: true });
    expect(await event).toMatchObject({ name: 'practice-changed', data: { keychain: 'locked' } });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('hello');
    expect(await closed).toBe(1008);
  });
});
