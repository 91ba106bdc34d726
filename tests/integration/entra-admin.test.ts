/**
 * "Do it for me" in Microsoft Entra, through the host against a brand-new practice tenant
 * (security defaults on, the Microsoft-managed device-code policy on, SMTP AUTH off for the
 * mailbox): the device code flow is refused as Entra refuses it (AADSTS530035), the wizard signs
 * in through the browser, asks for Policy.ReadWrite.SecurityDefaults at the moment of the
 * change, turns security defaults off, reads them back, records it, lists the managed policies
 * that appeared and proves with What If; Undo brings them back. A plain user is told the role;
 * 429 and 5xx change nothing.
 */
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createWizardHost, type WizardHost } from '../../electron/host';
import {
  practiceExchangePartName,
  type PracticeExchange,
} from '../../electron/simulator/practice-exchange';
import {
  practiceClientIds,
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import type {
  DeviceCodeExclusionFix,
  DeviceCodeExclusionPlan,
  SecurityDefaultsFix,
  SecurityDefaultsState,
  SmtpConsentProof,
} from '../../shared/contract/exchange';
import type { SignInStatus } from '../../shared/contract/signin';
import type { AdminChange, Progress } from '../../shared/model';
import { approveOnPage, memoryStore, signInInBrowser } from '../support/practice-signin';

let host: WizardHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function brandNewTenant(): Promise<WizardHost> {
  host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'test',
    configDir: mkdtempSync(path.join(os.tmpdir(), 'entra-admin-')),
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'page',
    log: () => {},
  });
  host.practice?.set('tenantAge', 'brand-new');
  return host;
}

const tenantOf = (running: WizardHost) =>
  running.practice?.part<PracticeTenant>(practiceTenantPartName);

/** A device-code sign-in as a person makes it; answers the page Entra ends on. */
async function deviceCodeSignIn(running: WizardHost, account: string): Promise<string> {
  const reply = (await running.dispatch('startSignIn', {})) as { value: SignInStatus };
  const page = await approveOnPage(
    tenantOf(running)?.pageOrigin ?? '',
    reply.value.prompt?.userCode ?? '',
    { account },
  );
  await running.dispatch('cancelSignIn', {});
  return page;
}

async function browserSignIn(running: WizardHost, account: string): Promise<void> {
  const started = (await running.dispatch('startBrowserSignIn', {})) as { value: { url: string } };
  await signInInBrowser(started.value.url, { account });
  await expect
    .poll(
      async () =>
        ((await running.dispatch('getSignInStatus', {})) as { value: SignInStatus }).value.phase,
    )
    .toBe('signed-in');
}

async function allowSecurityDefaults(running: WizardHost, account: string): Promise<void> {
  const asked = (await running.dispatch('allowEntraChange', {
    permission: 'Policy.ReadWrite.SecurityDefaults',
  })) as { ok: true; value: { url: string } };
  expect(new URL(asked.value.url).searchParams.get('scope')).toContain(
    'https://graph.microsoft.com/Policy.ReadWrite.SecurityDefaults',
  );
  await signInInBrowser(asked.value.url, { account });
  await settled(running);
}

/**
 * The browser's answer is taken in the background (the code redeemed, the account described):
 * wait until a read goes through, as the screen waits for the sign-in to say so.
 */
async function settled(running: WizardHost): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await running.dispatch('readSecurityDefaults', {})) as { problem?: { id: string } })
          .problem?.id,
    )
    .not.toBe('signin-failed');
}

test('a brand-new tenant refuses the device code flow: security defaults first, then the managed policy', async () => {
  const running = await brandNewTenant();
  expect(running.practice?.settings()).toMatchObject({
    securityDefaults: 'on',
    conditionalAccess: 'managed-on',
    smtpAuthMailbox: 'off',
  });
  expect(await deviceCodeSignIn(running, 'admin@contoso.example')).toContain('AADSTS530035');
  running.practice?.set('securityDefaults', 'off');
  expect(await deviceCodeSignIn(running, 'admin@contoso.example')).toContain('AADSTS53003:');
  // The browser sign-in (authorization code) is not the device code flow: it works.
  await browserSignIn(running, 'admin@contoso.example');
});

test('turned off with the permission asked then, read back, recorded, policies listed, proven, undone', async () => {
  const running = await brandNewTenant();
  await browserSignIn(running, 'admin@contoso.example');
  // Not asked at sign-in: opening the change says the permission is missing.
  expect(await running.dispatch('readSecurityDefaults', {})).toMatchObject({
    ok: false,
    problem: {
      id: 'entra-admin-consent-missing',
      data: { permission: 'Policy.ReadWrite.SecurityDefaults' },
    },
  });
  await allowSecurityDefaults(running, 'admin@contoso.example');
  const read = (await running.dispatch('readSecurityDefaults', {})) as {
    value: SecurityDefaultsState;
  };
  expect(read.value).toEqual({ enabled: true, tenant: 'Contoso (practice)' });

  const fixed = (await running.dispatch('turnOffSecurityDefaults', {})) as {
    value: SecurityDefaultsFix;
  };
  expect(fixed.value.change).toMatchObject({
    kind: 'security-defaults',
    target: 'Contoso (practice)',
    before: 'on',
    after: 'off',
    by: 'admin@contoso.example',
  });
  expect(running.practice?.settings().securityDefaults).toBe('off');
  // Microsoft's managed policies appeared; none of them is the device-code one, which was there.
  expect(fixed.value.appeared.map((policy) => policy.name)).toEqual([
    'Microsoft-managed: Block legacy authentication',
    'Microsoft-managed: Multifactor authentication for Azure management',
    'Microsoft-managed: Multifactor authentication for admins',
    'Microsoft-managed: Multifactor authentication for all users',
  ]);
  expect(fixed.value.appeared.every((policy) => policy.managed)).toBe(true);
  expect(fixed.value.securityDefaults?.state).toBe('passed');
  // The proof: What If still finds the managed device-code policy blocking the printer.
  expect(fixed.value.conditionalAccess).toMatchObject({
    state: 'failed',
    method: 'what-if',
    problem: {
      id: 'ca-blocks-device-code',
      data: { policy: 'Microsoft-managed: Block device code flow', managed: true },
    },
  });
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.adminChanges).toEqual([fixed.value.change]);
  expect(progress.value.checks['security-defaults']?.state).toBe('passed');
  expect(await deviceCodeSignIn(running, 'admin@contoso.example')).toContain('AADSTS53003:');

  const change = fixed.value.change as AdminChange;
  const undone = (await running.dispatch('undoAdminChange', { id: change.id })) as {
    value: AdminChange;
  };
  expect(undone.value.undoneAt).toBeTruthy();
  expect(running.practice?.settings().securityDefaults).toBe('on');
  const after = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(after.value.checks['security-defaults']?.state).toBe('failed');
  expect(await deviceCodeSignIn(running, 'admin@contoso.example')).toContain('AADSTS530035');
  expect(await running.dispatch('undoAdminChange', { id: change.id })).toMatchObject({
    ok: false,
    problem: { id: 'admin-change-unknown' },
  });
});

test('a user without the role is told which role, and nothing changes', async () => {
  const running = await brandNewTenant();
  // An administrator consents for the organization first, as the guide has it.
  await browserSignIn(running, 'admin@contoso.example');
  await allowSecurityDefaults(running, 'admin@contoso.example');
  await running.dispatch('signOut', {});
  await browserSignIn(running, 'megan@contoso.example');
  for (const verb of ['readSecurityDefaults', 'turnOffSecurityDefaults'] as const) {
    expect(await running.dispatch(verb, {})).toMatchObject({
      ok: false,
      problem: {
        id: 'entra-admin-role-missing',
        data: { role: 'Conditional Access Administrator' },
      },
    });
  }
  expect(running.practice?.settings().securityDefaults).toBe('on');
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.adminChanges).toEqual([]);
});

test.each([
  ['throttled-long', 429, 120],
  ['server-error', 503, 60],
] as const)(
  'Graph %s on the change: told to wait, nothing changed',
  async (answer, status, seconds) => {
    const running = await brandNewTenant();
    await browserSignIn(running, 'admin@contoso.example');
    await allowSecurityDefaults(running, 'admin@contoso.example');
    running.practice?.set('graphChanges', answer);
    expect(await running.dispatch('turnOffSecurityDefaults', {})).toMatchObject({
      ok: false,
      problem: { id: 'entra-admin-busy', data: { status, seconds } },
    });
    expect(running.practice?.settings().securityDefaults).toBe('on');
    const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
    expect(progress.value.adminChanges).toEqual([]);
  },
);

test('Graph 403 Authorization_RequestDenied on the change (role not active): the role is named, nothing changed', async () => {
  const running = await brandNewTenant();
  await browserSignIn(running, 'admin@contoso.example');
  await allowSecurityDefaults(running, 'admin@contoso.example');
  running.practice?.set('graphChanges', 'denied');
  expect(await running.dispatch('turnOffSecurityDefaults', {})).toMatchObject({
    ok: false,
    problem: { id: 'entra-admin-role-missing', data: { role: 'Conditional Access Administrator' } },
  });
  expect(running.practice?.settings().securityDefaults).toBe('on');
  expect(await changesPage(running)).toContain('The wizard has changed nothing');
});

test.each(['throttled-once', 'slow'] as const)(
  'Graph %s on the change: waited for, made, and listed in the practice admin center with its undo',
  async (answer) => {
    const running = await brandNewTenant();
    await browserSignIn(running, 'admin@contoso.example');
    await allowSecurityDefaults(running, 'admin@contoso.example');
    running.practice?.set('graphChanges', answer);
    const fixed = (await running.dispatch('turnOffSecurityDefaults', {})) as {
      value: SecurityDefaultsFix;
    };
    expect(fixed.value.change).toMatchObject({ before: 'on', after: 'off' });
    expect(running.practice?.settings().securityDefaults).toBe('off');
    await running.dispatch('undoAdminChange', { id: fixed.value.change?.id });
    expect(running.practice?.settings().securityDefaults).toBe('on');
    const page = await changesPage(running);
    const table = page.slice(page.indexOf('aria-label="Changes made by the wizard"'));
    const rows = table.slice(0, table.indexOf('</table>')).split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    // Newest first: the undo, marked as taking back the change, then the change.
    expect(rows[0]).toContain(
      '<td>Security defaults</td><td>Disabled</td><td>Enabled (takes back the change of 20',
    );
    expect(rows[1]).toContain('<td>admin@contoso.example</td><td>Contoso (practice)</td>');
    expect(rows[1]).toContain('<td>Security defaults</td><td>Enabled</td><td>Disabled</td>');
  },
  20_000,
);

/** The practice admin center's list of the wizard's changes, as its page shows it. */
async function changesPage(running: WizardHost): Promise<string> {
  const url = running.practice?.part<PracticeExchange>(practiceExchangePartName)?.changesUrl ?? '';
  return (await fetch(url)).text();
}

/** Signed in through the browser in a brand-new tenant, security defaults already off. */
async function securityDefaultsOff(): Promise<WizardHost> {
  const running = await brandNewTenant();
  await browserSignIn(running, 'admin@contoso.example');
  await allowSecurityDefaults(running, 'admin@contoso.example');
  await running.dispatch('turnOffSecurityDefaults', {});
  return running;
}

async function allow(running: WizardHost, permission: string): Promise<void> {
  const asked = (await running.dispatch('allowEntraChange', { permission })) as {
    value: { url: string };
  };
  await signInInBrowser(asked.value.url, { account: 'admin@contoso.example' });
  await settled(running);
}

/** Asks as the screen does: each missing permission in turn, then the answer. */
async function withPermissions<T>(
  running: WizardHost,
  ask: () => Promise<{ ok: boolean; value?: T; problem?: { id: string; data?: object } }>,
  asked: string[],
): Promise<T> {
  for (;;) {
    const reply = await ask();
    if (reply.ok) return reply.value as T;
    const permission = (reply.problem?.data as { permission?: string } | undefined)?.permission;
    if (reply.problem?.id !== 'entra-admin-consent-missing' || !permission) {
      throw new Error(`unexpected ${JSON.stringify(reply.problem)}`);
    }
    asked.push(permission);
    await allow(running, permission);
  }
}

test('the printer device-code sign-in let through: one group, excluded from each blocking policy, proven, undone', async () => {
  const running = await securityDefaultsOff();
  const asked: string[] = [];
  const plan = await withPermissions<DeviceCodeExclusionPlan>(
    running,
    () => running.dispatch('planDeviceCodeExclusion', {}) as never,
    asked,
  );
  expect(plan.account).toBe('admin@contoso.example');
  expect(plan.blocking).toEqual([
    expect.objectContaining({
      name: 'Microsoft-managed: Block device code flow',
      managed: true,
      state: 'enabled',
    }),
  ]);
  expect(plan.groups.map((group) => group.name)).toContain('Device code flow exceptions');
  const fix = await withPermissions<DeviceCodeExclusionFix>(
    running,
    () =>
      running.dispatch('excludeFromDeviceCodeBlocks', {
        group: { kind: 'new', name: plan.suggestedName },
      }) as never,
    asked,
  );
  // One permission at a time, each at the moment it is needed.
  expect(asked).toEqual([
    'Policy.ReadWrite.ConditionalAccess',
    'GroupMember.ReadWrite.All',
    'Group.ReadWrite.All',
  ]);
  expect(fix.problem).toBeNull();
  expect(fix.notDone).toEqual([]);
  expect(
    fix.changes.map(({ kind, target, member, before, after }) => ({
      kind,
      target,
      member,
      before,
      after,
    })),
  ).toEqual([
    {
      kind: 'group-created',
      target: plan.suggestedName,
      member: undefined,
      before: 'absent',
      after: 'present',
    },
    {
      kind: 'group-member',
      target: plan.suggestedName,
      member: 'admin@contoso.example',
      before: 'not-member',
      after: 'member',
    },
    {
      kind: 'policy-exclusion',
      target: 'Microsoft-managed: Block device code flow',
      member: plan.suggestedName,
      before: 'not-excluded',
      after: 'excluded',
    },
  ]);
  // Proven by What If, and by the device-code sign-in itself.
  expect(fix.conditionalAccess?.state).toBe('passed');
  const page = await deviceCodeSignIn(running, 'admin@contoso.example');
  expect(page).not.toContain('AADSTS');
  // Only the exclusion changed in the policy: still on, still blocking everyone else.
  const policy = tenantOf(running)
    ?.policies()
    .find((item) => item.displayName === 'Microsoft-managed: Block device code flow');
  expect(policy).toMatchObject({
    state: 'enabled',
    grantControls: { builtInControls: ['block'] },
    conditions: { users: { includeUsers: ['All'], excludeGroups: [fix.changes[0]?.targetId] } },
  });

  // Undone in reverse order: the policy blocks the account again, the group is gone.
  for (const change of [...fix.changes].reverse()) {
    expect(await running.dispatch('undoAdminChange', { id: change.id })).toMatchObject({
      ok: true,
    });
  }
  expect([...(tenantOf(running)?.groups().values() ?? [])]).not.toContain(plan.suggestedName);
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.checks['conditional-access']?.state).toBe('failed');
  expect(await deviceCodeSignIn(running, 'admin@contoso.example')).toContain('AADSTS53003:');
});

test('halfway: the policy change fails; what was and was not changed is said, and the part made undoes', async () => {
  const running = await securityDefaultsOff();
  const asked: string[] = [];
  await withPermissions(
    running,
    () => running.dispatch('planDeviceCodeExclusion', {}) as never,
    asked,
  );
  running.practice?.set('graphChanges', 'policy-change-fails');
  const fix = await withPermissions<DeviceCodeExclusionFix>(
    running,
    () =>
      running.dispatch('excludeFromDeviceCodeBlocks', {
        group: { kind: 'new', name: 'Scanners' },
      }) as never,
    asked,
  );
  expect(fix.changes.map((change) => change.kind)).toEqual(['group-created', 'group-member']);
  expect(fix.notDone).toEqual([
    {
      kind: 'policy-exclusion',
      target: 'Microsoft-managed: Block device code flow',
      member: 'Scanners',
    },
  ]);
  expect(fix.problem).toMatchObject({ id: 'entra-admin-busy', data: { status: 500 } });
  expect(fix.conditionalAccess?.state).toBe('failed');
  running.practice?.set('graphChanges', 'work');
  for (const change of [...fix.changes].reverse()) {
    expect(await running.dispatch('undoAdminChange', { id: change.id })).toMatchObject({
      ok: true,
    });
  }
  expect([...(tenantOf(running)?.groups().values() ?? [])]).not.toContain('Scanners');
});

test('device-code exclusion: a user without the role is told which; 429 changes nothing', async () => {
  const running = await securityDefaultsOff();
  await withPermissions(
    running,
    () => running.dispatch('planDeviceCodeExclusion', {}) as never,
    [],
  );
  running.practice?.set('graphChanges', 'throttled-long');
  const it = [...(tenantOf(running)?.groups() ?? [])].find(([, name]) => name === 'IT')?.[0];
  expect(
    await running.dispatch('excludeFromDeviceCodeBlocks', {
      group: { kind: 'existing', id: it ?? '' },
    }),
  ).toMatchObject({ ok: false, problem: { id: 'entra-admin-busy', data: { status: 429 } } });
  const progress = (await running.dispatch('getProgress', {})) as { value: Progress };
  expect(progress.value.adminChanges.map((change) => change.kind)).not.toContain('group-member');

  running.practice?.set('graphChanges', 'work');
  await running.dispatch('signOut', {});
  await browserSignIn(running, 'megan@contoso.example');
  expect(await running.dispatch('planDeviceCodeExclusion', {})).toMatchObject({
    ok: false,
    problem: { id: 'entra-admin-role-missing', data: { role: 'Conditional Access Administrator' } },
  });
});

test('consent for the organization proven: which apps hold SMTP.Send on Exchange Online for everyone', async () => {
  host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'test',
    configDir: mkdtempSync(path.join(os.tmpdir(), 'entra-consent-')),
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'page',
    log: () => {},
  });
  const running = host;
  const tenant = tenantOf(running);
  const started = (await running.dispatch('startSignIn', {})) as { value: SignInStatus };
  await approveOnPage(tenant?.pageOrigin ?? '', started.value.prompt?.userCode ?? '', {
    organization: true,
  });
  await expect
    .poll(
      async () =>
        ((await running.dispatch('getSignInStatus', {})) as { value: SignInStatus }).value.phase,
      { timeout: 15_000, interval: 200 },
    )
    .toBe('signed-in');
  const before = (await running.dispatch('readSmtpConsent', {})) as { value: SmtpConsentProof };
  expect(before.value.smtpSend.map((grant) => grant.app)).toEqual([
    'Printer Mail Setup Wizard (practice)',
  ]);

  // The printer's own sign-in, with "Consent on behalf of your organization" ticked.
  const code = await new Promise<{ user_code: string }>((resolve, reject) => {
    const body = new URLSearchParams({
      client_id: practiceClientIds.printer,
      scope: 'https://outlook.office.com/SMTP.Send offline_access',
    }).toString();
    const request = https.request(
      `${tenant?.identityOrigin ?? ''}/organizations/oauth2/v2.0/devicecode`,
      {
        method: 'POST',
        ca: running.practice?.certificate.cert,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(text) as { user_code: string }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  await approveOnPage(tenant?.pageOrigin ?? '', code.user_code, { organization: true });
  const after = (await running.dispatch('readSmtpConsent', {})) as { value: SmtpConsentProof };
  expect(after.value.smtpSend).toContainEqual({
    app: 'Practice Printer Email (practice)',
    appId: practiceClientIds.printer,
    permissions: ['SMTP.Send'],
  });
});
