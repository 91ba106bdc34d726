/**
 * Nothing secret leaves the main process: the real host (practice world) behind the real
 * browser shell, driven over HTTP and WebSocket like the page does. Every reply, every pushed
 * event, every log line, everything written to stdout/stderr and every persisted file is
 * searched for the actual access tokens, refresh tokens, id tokens and the device code.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createWizardHost, type WizardHost } from '../../electron/host';
import { startBrowserShell, type BrowserShell } from '../../electron/shell-browser/server';
import {
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import type { SignInStatus } from '../../shared/contract/signin';
import { approveOnPage, memoryStore } from '../support/practice-signin';

const configDir = mkdtempSync(path.join(os.tmpdir(), 'signin-security-'));
const staticDir = mkdtempSync(path.join(os.tmpdir(), 'signin-static-'));
const store = memoryStore();
const logLines: string[] = [];
const seen: string[] = [];
const written: string[] = [];
let host: WizardHost;
let shell: BrowserShell;
let socket: WebSocket;
const originalStdout = process.stdout.write.bind(process.stdout);
const originalStderr = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'test',
    configDir,
    secretStore: store,
    openExternal: async () => 'page',
    log: (line) => logLines.push(line),
  });
  shell = await startBrowserShell({ host, staticDir, port: 0 });
  socket = new WebSocket(`ws://127.0.0.1:${new URL(shell.origin).port}/events`, {
    headers: { Origin: shell.origin, Authorization: `Bearer ${shell.token}` },
  });
  socket.on('message', (data) => seen.push(String(data)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const capture =
    (original: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      written.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(originalStdout) as typeof process.stdout.write;
  process.stderr.write = capture(originalStderr) as typeof process.stderr.write;
});

afterAll(async () => {
  process.stdout.write = originalStdout;
  process.stderr.write = originalStderr;
  socket.close();
  await shell.close();
  await host.close();
});

async function call(
  method: string,
  params: unknown = {},
): Promise<{ ok: boolean; value?: unknown }> {
  const response = await fetch(`${shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  seen.push(text);
  return JSON.parse(text) as { ok: boolean; value?: unknown };
}

test('no token, refresh token, id token or device code reaches the page, the logs or the disk', async () => {
  const started = (await call('startSignIn')).value as SignInStatus;
  const userCode = started.prompt?.userCode ?? '';
  expect(userCode).toMatch(/^[A-Z0-9]{9}$/);
  const tenant = host.practice?.part<PracticeTenant>(practiceTenantPartName);
  await approveOnPage(tenant?.pageOrigin ?? '', userCode);
  for (let tries = 0; tries < 200; tries += 1) {
    const status = (await call('getSignInStatus')).value as SignInStatus;
    if (status.phase === 'signed-in') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await call('checkConsentRole');
  await call('getProgress');
  await call('getAppInfo');
  await call('setPracticeProgress', {
    step: 'sign-in',
    visited: ['welcome', 'sign-in'],
    language: 'en',
    accountKind: 'work',
    cloud: 'global',
    checks: {},
  });

  // The secrets, as the main process holds them.
  const secrets: string[] = [];
  secrets.push(
    (await host.tokenSource.getAccessToken(['https://outlook.office.com/SMTP.Send'])).token,
  );
  secrets.push(
    (await host.tokenSource.getAccessToken(['https://graph.microsoft.com/User.Read'])).token,
  );
  for (const blob of store.items.values()) {
    const cache = JSON.parse(blob) as Record<string, Record<string, { secret?: string }>>;
    for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
      for (const entry of Object.values(cache[section] ?? {}))
        if (entry.secret) secrets.push(entry.secret);
    }
  }
  const deviceCode = tenant?.stats(userCode)?.deviceCode ?? '';
  secrets.push(deviceCode);
  expect(secrets.length).toBeGreaterThanOrEqual(5);
  expect(deviceCode.length).toBeGreaterThan(40);

  await call('signOut');
  const persisted = readdirSync(configDir).map((file) =>
    readFileSync(path.join(configDir, file), 'utf8'),
  );
  const everything = [...seen, ...logLines, ...written, ...persisted];
  // The capture really saw the conversation (the user code is meant to be shown).
  expect(seen.join('\n')).toContain(userCode);
  expect(seen.some((message) => message.includes('"signin-changed"'))).toBe(true);
  for (const text of everything) {
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    expect(text).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}\./);
  }
}, 30_000);
