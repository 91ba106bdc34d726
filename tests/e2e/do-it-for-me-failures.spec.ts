/**
 * "Do it for me" when Microsoft says no or is slow, one test per practice answer, driven through
 * the wizard's screens: 403 Authorization_RequestDenied from Graph, a missing Exchange role, 429
 * with Retry-After (too long: said; short: waited for), 5xx, a slow answer, and a failure halfway
 * through the Conditional Access change (what was and was not changed, then Undo); then the same
 * answers from the Exchange admin endpoint to SMTP AUTH for the mailbox (429, 5xx, an answer the
 * wizard does not know, a slow answer), each ending in the PowerShell lines for IT. Each failure
 * is switched on with the practice switches (`graphChanges`, `exchangeAdmin`) or by signing in
 * as a practice account without the role. The practice admin center's list of the wizard's
 * changes shows the changes made and undone.
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/model';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';
import { wordsOf } from './journey-steps';

const admin = 'admin@contoso.example';
/** Cloud Application Administrator: may consent, but holds no Exchange or Entra admin role. */
const noRole = 'apps@contoso.example';

let wizard: WizardProcess;
test.beforeEach(async () => {
  wizard = await startWizard({ demo: true });
});
test.afterEach(async () => {
  await wizard.stop();
});

type Settings = Record<string, string>;

/**
 * The shared setup: the practice switches, the wizard signed in as `account` (its own consent,
 * not for the organization), on Check Exchange Online in `language`.
 */
async function startAt(
  page: Page,
  {
    account = admin,
    language = 'en' as Language,
    switches = {} as Settings,
  }: { account?: string; language?: Language; switches?: Settings } = {},
): Promise<ReturnType<typeof wordsOf>> {
  await resetProgress(page.request, wizard, {
    language,
    step: 'verify-tenant',
    visited: ['welcome', 'find-printer', 'prepare-exchange', 'sign-in', 'verify-tenant'],
  });
  for (const [id, value] of Object.entries(switches)) {
    await callApi(page.request, wizard, 'setPracticeSwitch', { id, value });
  }
  const started = (await callApi(page.request, wizard, 'startSignIn', {})) as {
    value: { prompt: { userCode: string; verificationUri: string } };
  };
  const pageOrigin = new URL(started.value.prompt.verificationUri).origin;
  const form = async (path: string, fields: Record<string, string>): Promise<string> =>
    (await page.request.post(`${pageOrigin}${path}`, { form: fields })).text();
  const confirm = await form('/devicelogin', { otc: started.value.prompt.userCode });
  const flow = /name="flow" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
  await form('/continue', { flow, action: 'continue' });
  await form('/account', { flow, upn: account });
  if ((await form('/password', { flow, password: 'practice' })).includes('Permissions requested')) {
    await form('/consent', { flow, action: 'accept' });
  }
  await expect
    .poll(async () => {
      const status = (await callApi(page.request, wizard, 'getSignInStatus', {})) as {
        value: { phase: string };
      };
      return status.value.phase;
    })
    .toBe('signed-in');
  await openWizard(page, wizard);
  return wordsOf(language);
}

/** "Allow it in the browser": the practice Microsoft page, as `account`, accepting for self. */
async function allowInBrowser(page: Page, button: ReturnType<Page['getByRole']>, account: string) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await popup.getByRole('button', { name: new RegExp(account.replace('.', '\\.')) }).click();
  await popup.getByLabel('Password').fill('practice');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  if (await popup.getByRole('heading', { name: 'Permissions requested' }).isVisible()) {
    await popup.getByRole('button', { name: 'Accept' }).click();
  }
  await expect(popup.getByText(/Signed in\. You can close this window/)).toBeVisible();
  await popup.close();
}

async function practiceSettings(page: Page): Promise<Settings> {
  return ((await callApi(page.request, wizard, 'getPracticeSettings', {})) as { value: Settings })
    .value;
}

/** Tick the tenant checks and run them; the security-defaults panel opened from its problem. */
async function openSecurityDefaultsPanel(page: Page, w: ReturnType<typeof wordsOf>) {
  await page.getByRole('checkbox', { name: w('exchange:verify.checks.security-defaults') }).check();
  await page.getByRole('button', { name: w('exchange:verify.runTenant') }).click();
  await page.getByRole('button', { name: w('exchange:securityDefaultsOff.offer') }).click();
  const panel = page.getByRole('region', { name: w('exchange:securityDefaultsOff.title') });
  await allowInBrowser(
    page,
    panel.getByRole('button', { name: w('exchange:doItForMe.allow') }),
    admin,
  );
  const confirm = panel.getByRole('button', {
    name: w('exchange:securityDefaultsOff.confirm', { tenant: 'Contoso (practice)' }),
  });
  await expect(confirm).toBeVisible();
  return { panel, confirm };
}

test('403 Authorization_RequestDenied: the role and who has it are named, nothing changes, the manual way stays', async ({
  page,
}) => {
  // Graph refuses the change as for an administrator whose role is not active.
  const w = await startAt(page, { switches: { securityDefaults: 'on', graphChanges: 'denied' } });
  const { panel, confirm } = await openSecurityDefaultsPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.entra-admin-role-missing.title'));
  await expect(panel).toContainText(
    w('exchange:problems.entra-admin-role-missing.cause', {
      role: 'Conditional Access Administrator',
    }),
  );
  await expect(panel).toContainText(w('exchange:problems.entra-admin-role-missing.fix'));
  // The manual way stays: the check's own steps, beside the panel.
  await expect(page.getByText(w('exchange:problems.security-defaults-on.fix'))).toBeVisible();
  expect((await practiceSettings(page)).securityDefaults).toBe('on');
  await expectNoAxeViolations(page);
  await screenshot(page, 'en/do-it-for-me-failure-403');
});

test('in Ukrainian, a missing Exchange role: the role and who usually has it, and the manual way stays', async ({
  page,
}) => {
  const w = await startAt(page, {
    account: noRole,
    language: 'uk',
    switches: { smtpAuthOrganization: 'off' },
  });
  await page.getByRole('button', { name: w('exchange:verify.checkNow') }).click();
  await page.getByRole('button', { name: w('exchange:doItForMe.offer') }).click();
  const panel = page.getByRole('region', { name: w('exchange:doItForMe.title') });
  await allowInBrowser(
    page,
    panel.getByRole('button', { name: w('exchange:doItForMe.allow') }),
    noRole,
  );
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-role-missing.title'));
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-role-missing.cause'));
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-role-missing.fix'));
  // The manual way stays: the check's own steps, beside the panel.
  await expect(
    page.getByText(w('exchange:problems.smtp-auth-disabled-tenant.fix')).first(),
  ).toBeVisible();
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('organization-setting');
  await expectNoAxeViolations(page);
  await screenshot(page, 'uk/do-it-for-me-failure-exchange-role');
});

test('429 with Retry-After: too long is said with nothing changed; a short one is waited for, and the practice admin center lists the change and its undo', async ({
  page,
}) => {
  const w = await startAt(page, {
    switches: { securityDefaults: 'on', graphChanges: 'throttled-long' },
  });
  const { panel, confirm } = await openSecurityDefaultsPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.entra-admin-busy.title'));
  await expect(panel).toContainText(
    w('exchange:problems.entra-admin-busy.cause', { status: '429', seconds: '120' }),
  );
  expect((await practiceSettings(page)).securityDefaults).toBe('on');

  // Microsoft asks for 2 seconds once: the wizard waits as told and the change is made.
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'graphChanges',
    value: 'throttled-once',
  });
  await panel.getByRole('button', { name: w('exchange:doItForMe.readAgain') }).click();
  await confirm.click();
  await expect(panel).toContainText(
    w('exchange:securityDefaultsOff.changed', { tenant: 'Contoso (practice)', by: admin }),
  );
  expect((await practiceSettings(page)).securityDefaults).toBe('off');
  await panel.getByRole('button', { name: w('exchange:securityDefaultsOff.undo') }).click();
  await expect(panel).toContainText(
    w('exchange:securityDefaultsOff.undone', { tenant: 'Contoso (practice)' }),
  );

  // The practice admin center lists both: off, then on again by Undo, with who and when.
  const [center] = await Promise.all([
    page.waitForEvent('popup'),
    panel.getByRole('button', { name: w('exchange:doItForMe.practiceChanges') }).click(),
  ]);
  const rows = center.getByRole('table', { name: 'Changes made by the wizard' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(
    `${admin}Contoso (practice)Security defaultsDisabledEnabled`,
  );
  await expect(rows.nth(1)).toContainText('(takes back the change of 20');
  await expect(rows.nth(2)).toContainText(
    `${admin}Contoso (practice)Security defaultsEnabledDisabled`,
  );
  await expect(rows.nth(2)).toContainText(
    'PATCH /policies/identitySecurityDefaultsEnforcementPolicy',
  );
  await expectNoAxeViolations(center);
  await screenshot(center, 'en/practice-admin-center-changes');
});

test('in Traditional Chinese, 5xx: Microsoft Entra is busy, nothing was changed', async ({
  page,
}) => {
  const w = await startAt(page, {
    language: 'zh-TW',
    switches: { securityDefaults: 'on', graphChanges: 'server-error' },
  });
  const { panel, confirm } = await openSecurityDefaultsPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.entra-admin-busy.title'));
  await expect(panel).toContainText(
    w('exchange:problems.entra-admin-busy.cause', { status: '503', seconds: '60' }),
  );
  await expect(panel).toContainText(w('exchange:problems.entra-admin-busy.fix'));
  expect((await practiceSettings(page)).securityDefaults).toBe('on');
  await screenshot(page, 'zh-TW/do-it-for-me-failure-5xx');
});

test('a slow answer: the wizard shows it is waiting, with its limit, and ends within it', async ({
  page,
}) => {
  const w = await startAt(page, { switches: { securityDefaults: 'on', graphChanges: 'slow' } });
  const { panel, confirm } = await openSecurityDefaultsPanel(page, w);
  await confirm.click();
  const waiting = panel.getByTestId('still-waiting');
  await expect(waiting).toContainText(
    'The wizard waits at most 60 seconds in all for this change, tries included',
  );
  await screenshot(page, 'en/do-it-for-me-slow');
  // Within the stated limit (the practice answers each change after 4 seconds).
  await expect(panel).toContainText(
    w('exchange:securityDefaultsOff.changed', { tenant: 'Contoso (practice)', by: admin }),
    { timeout: 15_000 },
  );
  await expect(waiting).toBeHidden();
});

test('halfway through the Conditional Access change: what was and was not changed, and Undo takes back what was', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const w = await startAt(page, {
    switches: { conditionalAccess: 'managed-on', graphChanges: 'policy-change-fails' },
  });
  await page
    .getByRole('checkbox', { name: w('exchange:verify.checks.conditional-access') })
    .check();
  await page.getByRole('button', { name: w('exchange:verify.runTenant') }).click();
  await page.getByRole('button', { name: w('exchange:deviceCodeAllow.offer') }).click();
  const panel = page.getByRole('region', { name: w('exchange:deviceCodeAllow.title') });
  const allow = panel.getByRole('button', { name: w('exchange:doItForMe.allow') });
  await allowInBrowser(page, allow, admin); // Policy.ReadWrite.ConditionalAccess
  await expect(panel).toContainText('GroupMember.ReadWrite.All');
  await allowInBrowser(page, allow, admin);
  const group = 'Printers: device code sign-in allowed';
  const confirm = panel.getByRole('button', {
    name: w('exchange:deviceCodeAllow.confirm', { account: admin, group }),
  });
  await confirm.click();
  await expect(panel).toContainText('Group.ReadWrite.All');
  await allowInBrowser(page, allow, admin);
  await confirm.click();

  const policy = 'Microsoft-managed: Block device code flow';
  await expect(panel.getByTestId('changes-made')).toContainText(
    w('exchange:deviceCodeAllow.item.group-created', { target: group }),
  );
  await expect(panel.getByTestId('changes-made')).toContainText(
    w('exchange:deviceCodeAllow.item.group-member', { target: group, member: admin }),
  );
  await expect(panel.getByTestId('changes-not-made')).toContainText(
    w('exchange:deviceCodeAllow.item.policy-exclusion', { target: policy, member: group }),
  );
  await expect(panel).toContainText(
    w('exchange:problems.entra-admin-busy.cause', { status: '500', seconds: '60' }),
  );
  await expect(panel).toContainText(w('exchange:deviceCodeAllow.halfway'));
  await expectNoAxeViolations(page);
  await screenshot(page, 'en/do-it-for-me-failure-halfway');

  await panel.getByRole('button', { name: w('exchange:deviceCodeAllow.undo') }).click();
  await expect(panel).toContainText(w('exchange:deviceCodeAllow.undone'));
  // The practice admin center: made, then taken back last first; the policy never changed.
  const [center] = await Promise.all([
    page.waitForEvent('popup'),
    panel.getByRole('button', { name: w('exchange:doItForMe.practiceChanges') }).click(),
  ]);
  const rows = center.getByRole('table', { name: 'Changes made by the wizard' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(
    `Group "${group}"Security groupexistsdoes not exist (deleted)`,
  );
  await expect(rows.nth(2)).toContainText(`Member ${admin}membernot a member`);
  await expect(rows.nth(3)).toContainText(`Member ${admin}not a membermember`);
  for (const undo of [1, 2]) {
    await expect(rows.nth(undo)).toContainText('(takes back the change of 20');
  }
  await expect(rows.nth(4)).toContainText(
    `Group "${group}"Security groupdoes not existexists (created)`,
  );
  await expect(center.getByRole('table', { name: 'Changes made by the wizard' })).not.toContainText(
    'Conditional Access policy',
  );
});

/** Check Exchange Online finds SMTP AUTH off for the mailbox; its "Do it for me" panel, allowed. */
async function openSmtpAuthPanel(page: Page, w: ReturnType<typeof wordsOf>) {
  await page.getByRole('button', { name: w('exchange:verify.checkNow') }).click();
  await page.getByRole('button', { name: w('exchange:doItForMe.offer') }).click();
  const panel = page.getByRole('region', { name: w('exchange:doItForMe.title') });
  await allowInBrowser(
    page,
    panel.getByRole('button', { name: w('exchange:doItForMe.allow') }),
    admin,
  );
  const confirm = panel.getByRole('button', {
    name: w('exchange:doItForMe.confirm', { mailbox: admin }),
  });
  await expect(confirm).toBeVisible();
  return { panel, confirm };
}

/** The same change by hand, offered in the panel: this mailbox's PowerShell lines for IT. */
async function expectPowerShellLines(panel: ReturnType<Page['getByRole']>) {
  const lines = panel.getByTestId('mailbox-powershell');
  await expect(lines).toContainText('Connect-ExchangeOnline');
  await expect(lines).toContainText(
    `Set-CASMailbox -Identity '${admin}' -SmtpClientAuthenticationDisabled $false`,
  );
}

test('Exchange admin endpoint 429: how long Microsoft asked to wait and that nothing changed; a short wait is waited for', async ({
  page,
}) => {
  const w = await startAt(page, {
    switches: { smtpAuthMailbox: 'off', exchangeAdmin: 'throttled' },
  });
  const { panel, confirm } = await openSmtpAuthPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-busy.title'));
  await expect(panel).toContainText(
    w('exchange:problems.exchange-admin-busy.cause', { status: '429' }),
  );
  // Retry-After: 60 is longer than the wizard waits: it says so, with nothing changed.
  await expect(panel).toContainText(
    w('exchange:problems.exchange-admin-busy.fix', { seconds: '60' }),
  );
  await expectPowerShellLines(panel);
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('off');
  await expectNoAxeViolations(page);
  await screenshot(page, 'en/do-it-for-me-exchange-429');

  // Microsoft asks for 2 seconds once: the wizard waits as told and the change is made.
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'exchangeAdmin',
    value: 'throttled-once',
  });
  await panel.getByRole('button', { name: w('exchange:doItForMe.readAgain') }).click();
  await confirm.click();
  await expect(panel).toContainText(
    w('exchange:doItForMe.changed', {
      mailbox: admin,
      before: w('exchange:doItForMe.setting.off'),
      by: admin,
    }),
  );
  await expect(panel).toContainText(w('exchange:doItForMe.proven'));
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('on');
});

test('in Malay, Exchange admin endpoint 5xx: busy, nothing was changed, and the PowerShell lines for IT', async ({
  page,
}) => {
  const w = await startAt(page, {
    language: 'ms',
    switches: { smtpAuthMailbox: 'off', exchangeAdmin: 'server-error' },
  });
  const { panel, confirm } = await openSmtpAuthPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-busy.title'));
  await expect(panel).toContainText(
    w('exchange:problems.exchange-admin-busy.cause', { status: '503' }),
  );
  await expect(panel).toContainText(
    w('exchange:problems.exchange-admin-busy.fix', { seconds: '60' }),
  );
  await expect(panel).toContainText(w('exchange:prepare.powershellIntro'));
  await expectPowerShellLines(panel);
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('off');
  await expectNoAxeViolations(page);
  await screenshot(page, 'ms/do-it-for-me-exchange-5xx');
});

test('Exchange admin endpoint answers something unknown (an HTML page): nothing changed, the PowerShell lines instead', async ({
  page,
}) => {
  const w = await startAt(page, {
    switches: { smtpAuthMailbox: 'off', exchangeAdmin: 'unexpected' },
  });
  const { panel, confirm } = await openSmtpAuthPanel(page, w);
  await confirm.click();
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-unexpected.title'));
  await expect(panel).toContainText(w('exchange:problems.exchange-admin-unexpected.fix'));
  await expectPowerShellLines(panel);
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('off');
  await screenshot(page, 'en/do-it-for-me-exchange-unexpected');
});

test('Exchange admin endpoint slow: the panel shows it is waiting and for how long at most, then the change', async ({
  page,
}) => {
  const w = await startAt(page, { switches: { smtpAuthMailbox: 'off', exchangeAdmin: 'slow' } });
  const { panel, confirm } = await openSmtpAuthPanel(page, w);
  await confirm.click();
  const waiting = panel.getByTestId('still-waiting');
  await expect(waiting).toContainText(
    'The wizard waits at most 60 seconds for Exchange Online to make the change, then checks the login for up to 5 minutes',
  );
  await screenshot(page, 'en/do-it-for-me-exchange-slow');
  await expectNoAxeViolations(page);
  // The practice answers Set-CASMailbox after 4 seconds: well within the stated time.
  await expect(panel).toContainText(w('exchange:doItForMe.proven'), { timeout: 15_000 });
  await expect(waiting).toBeHidden();
  expect((await practiceSettings(page)).smtpAuthMailbox).toBe('on');
});
