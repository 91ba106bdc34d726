/**
 * The host wiring of the sign-in: a broken WIZARD_CLOUD_FILE is a problem the step shows (and
 * nothing falls back to Microsoft's endpoints); practice mode brings its own client ID and
 * allows its verification page through the link allow-list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { createWizardHost } from '../../electron/host';
import { practiceClientIds } from '../../electron/simulator/practice-tenant';
import type { SignInStatus } from '../../shared/contract/signin';
import { memoryStore } from '../support/practice-signin';

const folder = (): string => mkdtempSync(path.join(os.tmpdir(), 'signin-host-'));

test('a broken custom cloud file is shown as its problem and blocks sign-in and tokens', async () => {
  const dir = folder();
  const file = path.join(dir, 'cloud.json');
  writeFileSync(file, JSON.stringify({ authorityHost: 'http://insecure.example' }));
  const host = await createWizardHost({
    shell: 'browser',
    practice: false,
    version: 'test',
    configDir: dir,
    secretStore: memoryStore(),
    env: { WIZARD_CLOUD_FILE: file, WIZARD_CLIENT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
    openExternal: async () => 'page',
    log: () => {},
  });
  try {
    const status = await host.dispatch('getSignInStatus', {});
    expect(status.ok && (status.value as SignInStatus).problem?.id).toBe(
      'signin-cloud-file-invalid',
    );
    const start = await host.dispatch('startSignIn', {});
    expect(start).toMatchObject({ ok: false, problem: { id: 'signin-cloud-file-invalid' } });
    await expect(
      host.tokenSource.getAccessToken(['https://outlook.office.com/SMTP.Send']),
    ).rejects.toMatchObject({
      problem: { id: 'signin-cloud-file-invalid' },
    });
  } finally {
    await host.close();
  }
});

test('practice mode: its own client ID, its cloud, its verification page allowed', async () => {
  const host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'test',
    configDir: folder(),
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'page',
    log: () => {},
  });
  try {
    const reply = await host.dispatch('startSignIn', {});
    const status = (reply as { value: SignInStatus }).value;
    expect(status.clientId).toMatchObject({ value: practiceClientIds.wizard, source: 'practice' });
    expect(status.cloud).toBe('practice');
    const open = await host.dispatch('openExternal', { url: status.prompt?.verificationUri ?? '' });
    expect(open).toEqual({ ok: true, value: { via: 'page' } });
    expect((await host.cloud()).ca).toContain('BEGIN CERTIFICATE');
    await host.dispatch('cancelSignIn', {});
  } finally {
    await host.close();
  }
});
