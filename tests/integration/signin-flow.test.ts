/**
 * The sign-in service against the practice tenant over real HTTPS (throw-away CA trusted only
 * by the wizard's network client): happy path, pending then success, slow_down, every
 * classified error, cancel mid-poll, expiry, untrusted certificate, no keychain.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { KeychainError, type SecretStore } from '../../electron/services/keychain';
import { createSignInService } from '../../electron/services/signin/signin-service';
import { createClientIdStore } from '../../electron/services/signin/client-id';
import { resolveCloud } from '../../electron/services/signin/cloud';
import { ProblemError } from '../../electron/common/problem-error';
import { createPracticeKeychain } from '../../electron/simulator/practice-keychain';
import {
  practiceAccounts,
  practiceClientIds,
  practiceGroups,
} from '../../electron/simulator/practice-tenant';
import type { PracticeSwitchValue } from '../../shared/practice';
import {
  approveOnPage,
  memoryStore,
  startSignInRig,
  type SignInRig,
} from '../support/practice-signin';

const configDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'signin-flow-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let rig: SignInRig | null = null;

afterEach(async () => {
  await rig?.stop();
  rig = null;
});

async function waitForPolls(current: SignInRig, userCode: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((current.tenant.stats(userCode)?.polls.length ?? 0) < count) {
    if (Date.now() > deadline) throw new Error('not enough polls');
    await sleep(20);
  }
}

describe('device code sign-in', () => {
  test('happy path: signed in, role checked, tokens for SMTP and Graph, cache in the keychain', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const started = await rig.service.start();
    expect(started.phase).toBe('waiting');
    expect(started.prompt?.userCode).toMatch(/^[A-Z0-9]{9}$/);
    expect(started.prompt?.verificationUri).toBe(`${rig.tenant.pageOrigin}/devicelogin`);
    await approveOnPage(rig.tenant.pageOrigin, started.prompt?.userCode ?? '');
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.account).toMatchObject({
      username: 'admin@contoso.example',
      name: 'Alex Admin',
      tenantName: 'Contoso (practice)',
      role: { state: 'can-consent', roles: ['global-administrator'] },
    });
    expect(done.storage).toEqual({ kind: 'keychain' });
    expect(rig.tenant.hasTenantWideConsent(practiceClientIds.wizard)).toBe(true);

    const smtp = await rig.service.getAccessToken(['https://outlook.office.com/SMTP.Send']);
    expect(smtp.account).toBe('admin@contoso.example');
    expect(rig.world.tokens.verify(smtp.token)).toMatchObject({
      aud: 'https://outlook.office.com',
      scp: 'SMTP.Send',
      upn: 'admin@contoso.example',
      appid: practiceClientIds.wizard,
    });
    const graph = await rig.service.getAccessToken(['https://graph.microsoft.com/Policy.Read.All']);
    expect(rig.world.tokens.verify(graph.token)?.aud).toBe('https://graph.microsoft.com');
    const items = (rig.store as ReturnType<typeof memoryStore>).items;
    expect([...items.keys()]).toHaveLength(1);
    expect([...items.values()][0]).toContain('RefreshToken');
  });

  test('pending, then success once the person approves', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const code = (await rig.service.start()).prompt?.userCode ?? '';
    await waitForPolls(rig, code, 3);
    expect(rig.tenant.stats(code)?.state).toBe('pending');
    expect(rig.statuses.at(-1)?.phase).toBe('waiting');
    await approveOnPage(rig.tenant.pageOrigin, code);
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.polls).toBeGreaterThanOrEqual(4);
    expect(done.polls).toBe(rig.tenant.stats(code)?.polls.length);
  });

  test('slow_down: the same code keeps working, the wizard waits 5 s more, no spin', async () => {
    rig = await startSignInRig({
      configDir: configDir(),
      tenant: { interval: 0.2 },
      initial: { tenant: 'slow-down' },
    });
    const code = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, code);
    const done = await rig.waitFor((status) => status.phase === 'signed-in', 15_000);
    const stats = rig.tenant.stats(code);
    expect(stats?.slowDownsSent).toBe(1);
    expect(done.slowDowns).toBe(1);
    const polls = stats?.polls ?? [];
    expect(polls).toHaveLength(2);
    expect((polls[1] ?? 0) - (polls[0] ?? 0)).toBeGreaterThanOrEqual(5000);
  }, 20_000);

  const afterPage: [PracticeSwitchValue<'tenant'>, string, string][] = [
    ['mfa-required', 'signin-mfa-required', 'AADSTS50076'],
    ['mfa-registration', 'signin-mfa-registration', 'AADSTS50079'],
    // Microsoft's 53003 is one text for every policy: refused on the code sign-in, the wizard
    // offers the browser sign-in either way (the browser-sign-in tests tell the two apart).
    ['conditional-access', 'signin-device-code-blocked', 'AADSTS53003'],
    ['device-code-blocked', 'signin-device-code-blocked', 'AADSTS53003'],
    ['security-defaults', 'signin-security-defaults', 'AADSTS530035'],
    ['consent-missing', 'signin-consent-missing', 'AADSTS65001'],
    ['consent-declined', 'signin-consent-declined', 'AADSTS65004'],
    ['admin-consent-required', 'signin-admin-consent-required', 'AADSTS90094'],
    ['admin-approval-requested', 'signin-admin-approval-requested', 'AADSTS90095'],
    ['wrong-password', 'signin-wrong-password', 'AADSTS50126'],
    ['account-not-found', 'signin-account-not-found', 'AADSTS50034'],
    ['external-account', 'signin-external-account', 'AADSTS50020'],
  ];
  test.each(afterPage)('%s after the page → %s', async (scenario, problemId, code) => {
    rig = await startSignInRig({ configDir: configDir(), initial: { tenant: scenario } });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    const html = await approveOnPage(rig.tenant.pageOrigin, userCode);
    expect(html).toContain(code);
    const ended = await rig.waitFor((status) => status.phase === 'signed-out');
    expect(ended.problem?.id).toBe(problemId);
    expect(ended.problem?.data?.['code']).toBe(code);
    expect(String(ended.problem?.data?.['correlationId'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(ended.account).toBeNull();
  });

  const immediate: [PracticeSwitchValue<'tenant'>, string][] = [
    ['app-not-in-tenant', 'signin-app-not-in-tenant'],
    ['not-public-client', 'signin-not-public-client'],
    ['bad-verification-code', 'signin-bad-code'],
    ['unexpected-error', 'signin-failed'],
    ['network-down', 'signin-network'],
  ];
  test.each(immediate)('%s → %s', async (scenario, problemId) => {
    rig = await startSignInRig({ configDir: configDir(), initial: { tenant: scenario } });
    await rig.service.start();
    await rig.service.settled();
    const status = await rig.service.status();
    expect(status.phase).toBe('signed-out');
    expect(status.problem?.id).toBe(problemId);
    if (problemId === 'signin-failed') {
      // The catch-all still carries the code and correlation ID for support.
      expect(status.problem?.data).toMatchObject({ code: 'AADSTS90033' });
      expect(String(status.problem?.data?.['correlationId'])).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('expired_token from the server → code expired (no renewal left)', async () => {
    rig = await startSignInRig({
      configDir: configDir(),
      initial: { tenant: 'code-expired' },
      maxRenewals: 0,
    });
    await rig.service.start();
    await rig.service.settled();
    const status = await rig.service.status();
    expect(status.problem).toMatchObject({
      id: 'signin-code-expired',
      data: { code: 'AADSTS70020' },
    });
  });

  test('a server that does not answer → timeout problem', async () => {
    rig = await startSignInRig({
      configDir: configDir(),
      initial: { tenant: 'not-answering' },
      networkTimeoutMs: 400,
    });
    const status = await rig.service.start();
    await rig.service.settled();
    expect((await rig.service.status()).problem?.id ?? status.problem?.id).toBe(
      'signin-network-timeout',
    );
  });

  test('declined on the page → signin-declined', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode, { cancelAt: 'confirm' });
    const ended = await rig.waitFor((status) => status.phase === 'signed-out');
    expect(ended.problem?.id).toBe('signin-declined');
  });

  test('a plain user without the organization’s consent → admin consent problem; after an admin consented, the user signs in', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    let userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode, { account: 'megan@contoso.example' });
    const refused = await rig.waitFor((status) => status.phase === 'signed-out');
    expect(refused.problem?.id).toBe('signin-admin-consent-required');

    userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode, { account: 'admin@contoso.example' });
    await rig.waitFor((status) => status.phase === 'signed-in');

    userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode, { account: 'megan@contoso.example' });
    const megan = await rig.waitFor(
      (status) =>
        status.phase === 'signed-in' && status.account?.username === 'megan@contoso.example',
    );
    expect(megan.account?.role).toEqual({ state: 'cannot-consent', roles: [] });
  });

  test('a Cloud Application Administrator may consent, but does not see the checkbox', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode, { account: 'apps@contoso.example' });
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.account?.role).toEqual({
      state: 'may-consent',
      roles: ['cloud-application-administrator'],
    });
    expect(rig.tenant.hasTenantWideConsent(practiceClientIds.wizard)).toBe(false);
  });

  test('cancel mid-poll: returns at once, at most one more poll, nothing stored', async () => {
    rig = await startSignInRig({ configDir: configDir(), tenant: { interval: 0.3 } });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await waitForPolls(rig, userCode, 2);
    const cancelled = await rig.service.cancel();
    expect(cancelled.phase).toBe('signed-out');
    expect(cancelled.prompt).toBeNull();
    const pollsAtCancel = rig.tenant.stats(userCode)?.polls.length ?? 0;
    // The person finishes on the page anyway: the wizard must not pick it up.
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    await sleep(1200);
    const after = rig.tenant.stats(userCode)?.polls.length ?? 0;
    expect(after - pollsAtCancel).toBeLessThanOrEqual(1);
    expect((await rig.service.status()).phase).toBe('signed-out');
    expect((rig.store as ReturnType<typeof memoryStore>).items.size).toBe(0);
    await expect(
      rig.service.getAccessToken(['https://outlook.office.com/SMTP.Send']),
    ).rejects.toThrow(ProblemError);
  });

  test('cancel after approval but before the next poll: the tokens are never used or stored', async () => {
    rig = await startSignInRig({ configDir: configDir(), tenant: { interval: 1 } });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await waitForPolls(rig, userCode, 1);
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    await rig.service.cancel();
    await sleep(1500);
    expect((await rig.service.status()).phase).toBe('signed-out');
    expect((rig.store as ReturnType<typeof memoryStore>).items.size).toBe(0);
    expect(rig.statuses.some((status) => status.phase === 'signed-in')).toBe(false);
  });

  test('expiry: a new code replaces an expired one, then the expiry problem', async () => {
    rig = await startSignInRig({
      configDir: configDir(),
      tenant: { interval: 0.2, expiresIn: 1 },
      maxRenewals: 1,
    });
    const first = (await rig.service.start()).prompt?.userCode ?? '';
    const renewed = await rig.waitFor((status) => status.prompt?.renewed === true, 5000);
    expect(renewed.prompt?.userCode).not.toBe(first);
    const ended = await rig.waitFor((status) => status.phase === 'signed-out', 5000);
    expect(ended.problem?.id).toBe('signin-code-expired');
  });

  test('an untrusted certificate (the practice CA not trusted) → certificate problem', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const world = rig.world;
    const untrusting = createSignInService({
      cloud: async () => ({
        ...resolveCloud(
          {
            practice: { overrides: world.cloudProfile(), ca: world.certificate.cert },
            custom: null,
          },
          { accountKind: 'work', cloud: 'global' },
        ),
        ca: null,
      }),
      clientIds: createClientIdStore({
        configDir: configDir(),
        practice: practiceClientIds.wizard,
      }),
      secretStore: () => memoryStore(),
      onChange: () => {},
      log: () => {},
    });
    await untrusting.start();
    await untrusting.settled();
    expect((await untrusting.status()).problem?.id).toBe('signin-certificate-untrusted');
  });
});

describe('remembering the sign-in', () => {
  test('a fresh service refreshes silently from the store; refresh errors are classified and forgotten', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    await rig.waitFor((status) => status.phase === 'signed-in');

    const again = rig.newService(rig.store);
    const restored = await again.status();
    expect(restored.phase).toBe('signed-in');
    expect(restored.account?.username).toBe('admin@contoso.example');

    for (const [scenario, problemId] of [
      ['refresh-expired', 'signin-refresh-expired'],
      ['tokens-revoked', 'signin-revoked'],
      ['sign-in-frequency', 'signin-sign-in-frequency'],
    ] as const) {
      const store = memoryStore();
      for (const [key, value] of (rig.store as ReturnType<typeof memoryStore>).items) {
        store.items.set(key, value);
      }
      rig.world.set('tenant', scenario);
      const fresh = rig.newService(store);
      const status = await fresh.status();
      expect(status.phase).toBe('signed-out');
      expect(status.problem?.id).toBe(problemId);
      expect(store.items.size).toBe(0);
      rig.world.set('tenant', 'normal');
    }
  });

  test('signing in again clears an expired sign-in, with the switch still set', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    await approveOnPage(rig.tenant.pageOrigin, (await rig.service.start()).prompt?.userCode ?? '');
    await rig.waitFor((status) => status.phase === 'signed-in');
    for (const scenario of ['refresh-expired', 'tokens-revoked', 'sign-in-frequency'] as const) {
      rig.world.set('tenant', scenario);
      const lapsed = rig.newService(rig.store);
      expect((await lapsed.status()).phase).toBe('signed-out');
      // The person signs in again, as the wizard says: the new sign-in's refresh works.
      await approveOnPage(rig.tenant.pageOrigin, (await lapsed.start()).prompt?.userCode ?? '');
      await expect.poll(async () => (await lapsed.status()).phase).toBe('signed-in');
      const later = rig.newService(rig.store);
      expect((await later.status()).phase).toBe('signed-in');
      await expect(
        later.getAccessToken(['https://outlook.office.com/SMTP.Send']),
      ).resolves.toBeTruthy();
    }
    rig.world.set('tenant', 'normal');
  });

  test('an account excluded from the policy (itself or by group) signs in with a code', async () => {
    for (const member of ['user', 'group'] as const) {
      rig = await startSignInRig({
        configDir: configDir(),
        initial: { tenant: 'device-code-blocked' },
      });
      const blocked = await approveOnPage(
        rig.tenant.pageOrigin,
        (await rig.service.start()).prompt?.userCode ?? '',
      );
      expect(blocked).toContain('AADSTS53003');
      await rig.waitFor((status) => status.phase === 'signed-out');
      const policy = rig.tenant.deviceCodePolicy();
      expect(policy?.displayName).toBe('Block device code flow');
      const admin = practiceAccounts.find((account) => account.upn === 'admin@contoso.example');
      rig.tenant.setPolicyExclusion(
        policy?.id ?? '',
        member === 'user'
          ? { kind: 'user', id: admin?.oid ?? '' }
          : { kind: 'group', id: practiceGroups['Device code flow exceptions'] },
        true,
      );
      await approveOnPage(
        rig.tenant.pageOrigin,
        (await rig.service.start()).prompt?.userCode ?? '',
      );
      const done = await rig.waitFor((status) => status.phase === 'signed-in');
      expect(done.account?.username).toBe('admin@contoso.example');
      await rig.stop();
      rig = null;
    }
  });

  test('sign out and forget removes the account and the stored cache', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    await rig.waitFor((status) => status.phase === 'signed-in');
    const items = (rig.store as ReturnType<typeof memoryStore>).items;
    expect(items.size).toBe(1);
    const out = await rig.service.signOut();
    expect(out.phase).toBe('signed-out');
    expect(items.size).toBe(0);
    await expect(
      rig.service.getAccessToken(['https://outlook.office.com/SMTP.Send']),
    ).rejects.toMatchObject({
      problem: { id: 'signin-not-signed-in' },
    });
  });

  test('no keychain: the user is told, the sign-in works in memory, nothing survives', async () => {
    const missing: SecretStore = {
      backend: 'none',
      get: () =>
        Promise.reject(new KeychainError('no-service', 'org.freedesktop.secrets was not provided')),
      set: () =>
        Promise.reject(new KeychainError('no-service', 'org.freedesktop.secrets was not provided')),
      delete: () =>
        Promise.reject(new KeychainError('no-service', 'org.freedesktop.secrets was not provided')),
    };
    rig = await startSignInRig({ configDir: configDir(), store: missing });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.storage).toEqual({ kind: 'memory', reason: 'no-service' });
    await expect(
      rig.service.getAccessToken(['https://outlook.office.com/SMTP.Send']),
    ).resolves.toMatchObject({
      account: 'admin@contoso.example',
    });
    const fresh = rig.newService(missing);
    expect((await fresh.status()).phase).toBe('signed-out');
  });

  test('a keychain that hangs times out and the sign-in goes on in memory', async () => {
    const hanging = createPracticeKeychain(
      () => 'hangs',
      () => memoryStore(),
      300,
    );
    rig = await startSignInRig({ configDir: configDir(), store: hanging });
    const userCode = (await rig.service.start()).prompt?.userCode ?? '';
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.storage).toEqual({ kind: 'memory', reason: 'timed-out' });
  });
});
