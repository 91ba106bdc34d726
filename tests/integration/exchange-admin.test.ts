/**
 * "Do it for me" for SMTP AUTH on the mailbox, through the host against the practice world:
 * the permission asked for at the moment of the change, the setting read, changed, read back,
 * recorded and proven by the real SMTP AUTH check, then undone; a plain user is told the role.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createWizardHost, type WizardHost } from '../../electron/host';
import {
  practiceExchangeAdminPartName,
  type PracticeExchangeAdmin,
} from '../../electron/simulator/practice-exchange-admin';
import {
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import type { MailboxSmtpAuth, MailboxSmtpAuthFix } from '../../shared/contract/exchange';
import type { SignInStatus } from '../../shared/contract/signin';
import type { AdminChange, Progress } from '../../shared/model';
import { approveOnPage, memoryStore, signInInBrowser } from '../support/practice-signin';

let host: WizardHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function signedIn(account: string): Promise<WizardHost> {
  const started = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'test',
    configDir: mkdtempSync(path.join(os.tmpdir(), 'exchange-admin-')),
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'page',
    log: () => {},
  });
  host = started;
  const tenant = started.practice?.part<PracticeTenant>(practiceTenantPartName);
  const signIn = async (upn: string): Promise<void> => {
    const reply = (await started.dispatch('startSignIn', {})) as { value: SignInStatus };
    await approveOnPage(tenant?.pageOrigin ?? '', reply.value.prompt?.userCode ?? '', {
      account: upn,
      organization: upn.startsWith('admin@'),
    });
    // The practice tenant's polling interval is Microsoft's: the code sign-in takes seconds.
    await expect
      .poll(
        async () =>
          ((await started.dispatch('getSignInStatus', {})) as { value: SignInStatus }).value.phase,
        { timeout: 15_000, interval: 200 },
      )
      .toBe('signed-in');
  };
  // An administrator consents for the organization first, as the guide has it.
  await signIn('admin@contoso.example');
  if (account !== 'admin@contoso.example') {
    await started.dispatch('signOut', {});
    await signIn(account);
  }
  return started;
}

async function allow(running: WizardHost, account: string): Promise<void> {
  const asked = (await running.dispatch('allowExchangeChanges', {})) as {
    ok: true;
    value: { url: string };
  };
  expect(new URL(asked.value.url).searchParams.get('scope')).toContain(
    'https://outlook.office365.com/Exchange.Manage',
  );
  await signInInBrowser(asked.value.url, { account });
  await expect.poll(async () => (await running.dispatch('readMailboxSmtpAuth', {})).ok).toBe(true);
}

test('asked at the moment, read, turned on for the mailbox only, proven, recorded, undone', async () => {
  const running = await signedIn('admin@contoso.example');
  const commands = () =>
    running.practice?.part<PracticeExchangeAdmin>(practiceExchangeAdminPartName)?.commands() ?? [];
  // Not asked at sign-in: the first read says the permission is missing, and nothing ran.
  expect(await running.dispatch('readMailboxSmtpAuth', {})).toMatchObject({
    ok: false,
    problem: { id: 'exchange-admin-consent-missing', data: { permission: 'Exchange.Manage' } },
  });
  expect(commands()).toEqual([]);
  await allow(running, 'admin@contoso.example');

  // The practice organization has SMTP AUTH off and the mailbox follows it.
  const before = (await running.dispatch('readMailboxSmtpAuth', {})) as { value: MailboxSmtpAuth };
  expect(before.value).toEqual({ mailbox: 'admin@contoso.example', setting: 'organization' });
  expect(await running.dispatch('runMailCheck', { sendTest: false })).toMatchObject({
    value: { passed: false, problem: { id: 'smtp-auth-disabled-tenant' } },
  });

  const fixed = (await running.dispatch('turnOnMailboxSmtpAuth', {})) as {
    value: MailboxSmtpAuthFix;
  };
  expect(fixed.value.change).toMatchObject({
    kind: 'mailbox-smtp-auth',
    target: 'admin@contoso.example',
    before: 'organization',
    after: 'on',
    by: 'admin@contoso.example',
  });
  expect(fixed.value.check?.passed).toBe(true);
  // The organization's switch is left as it was: only the mailbox changed.
  expect(running.practice?.settings()).toMatchObject({
    smtpAuthOrganization: 'off',
    smtpAuthMailbox: 'on',
  });
  expect(commands().map((command) => command.cmdlet)).toEqual([
    'Get-CASMailbox',
    'Get-CASMailbox',
    'Get-CASMailbox',
    'Set-CASMailbox',
    'Get-CASMailbox',
  ]);
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.adminChanges).toEqual([fixed.value.change]);
  expect(progress.value.checks['smtp-login']?.state).toBe('passed');

  // Undo puts back what was read before, and the check fails again as it did.
  const change = fixed.value.change as AdminChange;
  const undone = (await running.dispatch('undoAdminChange', { id: change.id })) as {
    value: AdminChange;
  };
  expect(undone.value.undoneAt).toBeTruthy();
  expect(running.practice?.settings().smtpAuthMailbox).toBe('organization-setting');
  expect(await running.dispatch('runMailCheck', { sendTest: false })).toMatchObject({
    value: { passed: false, problem: { id: 'smtp-auth-disabled-tenant' } },
  });
  expect(await running.dispatch('undoAdminChange', { id: change.id })).toMatchObject({
    ok: false,
    problem: { id: 'admin-change-unknown' },
  });
  // The practice admin center's list: the change and its undo, as Exchange saw them.
  expect(
    running.practice?.part<PracticeExchangeAdmin>(practiceExchangeAdminPartName)?.changes(),
  ).toEqual([
    expect.objectContaining({
      by: 'admin@contoso.example',
      through: 'Exchange admin API',
      object: 'Mailbox admin@contoso.example',
      setting: 'SmtpClientAuthenticationDisabled',
      before: '(not set: follows the organization)',
      after: 'False',
    }),
    expect.objectContaining({ before: 'False', after: '(not set: follows the organization)' }),
  ]);
});

test('already on: nothing is changed or recorded', async () => {
  const running = await signedIn('admin@contoso.example');
  running.practice?.set('smtpAuthMailbox', 'on');
  await allow(running, 'admin@contoso.example');
  const fixed = (await running.dispatch('turnOnMailboxSmtpAuth', {})) as {
    value: MailboxSmtpAuthFix;
  };
  expect(fixed.value.change).toBeNull();
  expect(fixed.value.check?.passed).toBe(true);
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.adminChanges).toEqual([]);
});

test('a user without an Exchange role is told so, and nothing changes', async () => {
  const running = await signedIn('megan@contoso.example');
  await running.dispatch('allowExchangeChanges', {}).then(async (reply) => {
    const url = (reply as { value: { url: string } }).value.url;
    await signInInBrowser(url, { account: 'megan@contoso.example' });
  });
  await expect
    .poll(
      async () =>
        ((await running.dispatch('readMailboxSmtpAuth', {})) as { problem?: { id: string } })
          .problem?.id,
    )
    .toBe('exchange-admin-role-missing');
  expect(await running.dispatch('turnOnMailboxSmtpAuth', {})).toMatchObject({
    ok: false,
    problem: { id: 'exchange-admin-role-missing' },
  });
  expect(running.practice?.settings().smtpAuthMailbox).toBe('organization-setting');
});

test.each([
  ['throttled', { id: 'exchange-admin-busy', data: { status: 429, seconds: 60 } }],
  ['server-error', { id: 'exchange-admin-busy', data: { status: 503, seconds: 60 } }],
  ['unexpected', { id: 'exchange-admin-unexpected' }],
] as const)(
  'Exchange %s on Set-CASMailbox: said, nothing changed or recorded',
  async (answer, problem) => {
    const running = await signedIn('admin@contoso.example');
    await allow(running, 'admin@contoso.example');
    running.practice?.set('exchangeAdmin', answer);
    expect(await running.dispatch('readMailboxSmtpAuth', {})).toMatchObject({ ok: true });
    // 429 with Retry-After: 60 is longer than the wizard waits; 503 is tried three times.
    expect(await running.dispatch('turnOnMailboxSmtpAuth', {})).toMatchObject({
      ok: false,
      problem,
    });
    expect(running.practice?.settings().smtpAuthMailbox).toBe('organization-setting');
    expect(
      running.practice?.part<PracticeExchangeAdmin>(practiceExchangeAdminPartName)?.changes(),
    ).toEqual([]);
    const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
    expect(progress.value.adminChanges).toEqual([]);
  },
);

test('Exchange asks to wait 2 seconds once: the wizard waits as told, sends Set-CASMailbox again, and the change is made', async () => {
  const running = await signedIn('admin@contoso.example');
  await allow(running, 'admin@contoso.example');
  running.practice?.set('exchangeAdmin', 'throttled-once');
  const fixed = (await running.dispatch('turnOnMailboxSmtpAuth', {})) as {
    value: MailboxSmtpAuthFix;
  };
  expect(fixed.value.change).toMatchObject({ before: 'organization', after: 'on' });
  expect(fixed.value.check?.passed).toBe(true);
  const commands =
    running.practice?.part<PracticeExchangeAdmin>(practiceExchangeAdminPartName)?.commands() ?? [];
  expect(commands.filter((command) => command.cmdlet === 'Set-CASMailbox')).toHaveLength(2);
});
