/**
 * The sign-in in the real OS keychain (run under scripts/with-keyring.sh): remembered across a
 * fresh process through the MSAL cache plugin and refreshed silently there; "Sign out and
 * forget" removes the keychain item. The wizard reaches the practice tenant through a custom
 * cloud profile file (WIZARD_CLOUD_FILE) whose CA only the wizard's own client trusts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createWizardHost, type WizardHost } from '../../electron/host';
import { keychainServiceName } from '../../electron/services/keychain';
import {
  createPracticeTenant,
  practiceClientIds,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import type { SignInStatus } from '../../shared/contract/signin';
import { repoRoot } from '../support/wizard-process';
import { approveOnPage } from '../support/practice-signin';

const run = promisify(execFile);
const haveKeyring = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);

interface Keytar {
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const keytar = (): Keytar => require('keytar') as Keytar;

let world: PracticeWorld;
let tenant: PracticeTenant;
let env: NodeJS.ProcessEnv;
const configDir = mkdtempSync(path.join(os.tmpdir(), 'signin-keychain-'));

beforeAll(async () => {
  tenant = createPracticeTenant({ interval: 0.1 });
  world = await startPracticeWorld({ parts: [() => tenant] });
  const caFile = path.join(configDir, 'practice-ca.pem');
  writeFileSync(caFile, world.certificate.cert);
  const cloudFile = path.join(configDir, 'cloud.json');
  writeFileSync(
    cloudFile,
    JSON.stringify({
      authorityHost: tenant.identityOrigin,
      graphBaseUrl: tenant.graphBaseUrl,
      deviceLoginUrl: `${tenant.pageOrigin}/devicelogin`,
      smtpHost: '127.0.0.1',
      smtpPort: 2587,
      caFile: 'practice-ca.pem',
    }),
  );
  env = { WIZARD_CLOUD_FILE: cloudFile, WIZARD_CLIENT_ID: practiceClientIds.wizard };
});

afterAll(async () => {
  await world.stop();
});

async function host(): Promise<WizardHost> {
  return createWizardHost({
    shell: 'browser',
    practice: false,
    version: 'test',
    configDir,
    env,
    openExternal: async () => 'page',
    log: () => {},
  });
}

async function until(wizard: WizardHost, phase: SignInStatus['phase']): Promise<SignInStatus> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const reply = await wizard.dispatch('getSignInStatus', {});
    if (reply.ok && (reply.value as SignInStatus).phase === phase)
      return reply.value as SignInStatus;
    if (Date.now() > deadline) throw new Error(`never reached ${phase}: ${JSON.stringify(reply)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test.skipIf(!haveKeyring)(
  'signed in once, remembered in the keychain, refreshed silently in a fresh process, then forgotten',
  async () => {
    const first = await host();
    const started = await first.dispatch('startSignIn', {});
    expect(started.ok).toBe(true);
    const status = (started as { value: SignInStatus }).value;
    expect(status.cloud).toBe('custom');
    await approveOnPage(tenant.pageOrigin, status.prompt?.userCode ?? '');
    const signedIn = await until(first, 'signed-in');
    expect(signedIn.storage).toEqual({ kind: 'keychain' });
    await first.close();

    const items = await keytar().findCredentials(keychainServiceName);
    const cacheItems = items.filter((item) => item.account.startsWith('msal-cache:custom|'));
    expect(cacheItems).toHaveLength(1);
    expect(cacheItems[0]?.password).toContain('RefreshToken');

    // A fresh process: nothing in memory, only the keychain.
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'tests', 'support', 'signin-child.ts')],
      { env: { ...process.env, ...env, CHILD_CONFIG_DIR: configDir }, cwd: repoRoot },
    );
    const child = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      reply: { ok: boolean; value: SignInStatus };
      claims?: Record<string, string>;
    };
    expect(child.reply.value.phase).toBe('signed-in');
    expect(child.reply.value.account?.username).toBe('admin@contoso.example');
    expect(child.claims).toEqual({
      aud: 'https://outlook.office.com',
      scp: 'SMTP.Send',
      upn: 'admin@contoso.example',
      appid: practiceClientIds.wizard,
    });

    // Sign out and forget: gone from MSAL and from the keychain.
    const second = await host();
    await until(second, 'signed-in');
    const out = await second.dispatch('signOut', {});
    expect(out.ok && (out.value as SignInStatus).phase).toBe('signed-out');
    await second.close();
    const after = await keytar().findCredentials(keychainServiceName);
    expect(after.filter((item) => item.account.startsWith('msal-cache:'))).toHaveLength(0);
    const third = await host();
    expect((await until(third, 'signed-out')).account).toBeNull();
    await third.close();
  },
  30_000,
);

test('no keychain at all (no D-Bus session): the wizard says so and keeps sign-ins in memory', async () => {
  const withoutBus: NodeJS.ProcessEnv = { ...process.env, ...env, CHILD_CONFIG_DIR: configDir };
  delete withoutBus['DBUS_SESSION_BUS_ADDRESS'];
  delete withoutBus['DISPLAY'];
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests', 'support', 'signin-child.ts')],
    { env: withoutBus, cwd: repoRoot },
  );
  const child = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    reply: { ok: boolean; value: SignInStatus };
  };
  expect(child.reply.value.phase).toBe('signed-out');
  expect(child.reply.value.storage.kind).toBe('memory');
}, 30_000);
