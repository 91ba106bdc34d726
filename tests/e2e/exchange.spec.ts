/**
 * E2E for the Exchange steps, driven like a user in the browser shell with the practice
 * world: without a sign-in the check step says so plainly; after a real practice sign-in
 * (the practice tenant's own verification page, tests/support/practice-signin.ts) a trainee
 * goes from "disabled for the Tenant" to a pass and a delivered test message using only the
 * wizard and the practice admin center, sees the mailbox switch's words, and runs the Graph
 * checks as a Global Administrator and as a plain user.
 */
import { journeySteps } from '../../shared/model';
import type { APIRequestContext, Page } from '@playwright/test';
import { approveOnPage } from '../support/practice-signin';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';

async function openStep(page: Page, name: RegExp, title: string): Promise<void> {
  await page.getByRole('navigation', { name: /.+/ }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

const openPrepareStep = (page: Page) =>
  openStep(page, /Prepare Exchange Online/, 'Prepare Exchange Online');
/** A switch's card on Prepare Exchange Online: its "For IT" fold (clicks, PowerShell, buttons). */
const forIt = (page: Page, heading: string) =>
  page
    .getByRole('region', { name: heading })
    .getByText('For IT: the clicks, PowerShell and admin-center buttons');
const openCheckStep = (page: Page) =>
  openStep(page, /Check Exchange Online/, 'Check Exchange Online');

/** Puts the practice Exchange into a scenario (for the specs that follow a real sign-in). */
async function practiceSwitches(
  request: APIRequestContext,
  wizard: WizardProcess,
  switches: Record<string, string>,
): Promise<void> {
  for (const [id, value] of Object.entries(switches)) {
    await callApi(request, wizard, 'setPracticeSwitch', { id, value });
  }
}

/** The wizard at its start, the practice tenant as new: SMTP AUTH off for the organization. */
async function freshStart(request: APIRequestContext, wizard: WizardProcess): Promise<void> {
  // The worker's wizard is shared with the spec files run before this one in the same worker.
  await callApi(request, wizard, 'signOut', {});
  await resetProgress(request, wizard);
  await practiceSwitches(request, wizard, {
    smtpAuthOrganization: 'off',
    smtpAuthMailbox: 'organization-setting',
    securityDefaults: 'off',
    exchangeReply: 'as-configured',
    graph: 'works',
    conditionalAccess: 'none',
  });
}

test.beforeEach(async ({ request, wizard }) => freshStart(request, wizard));

test('Prepare Exchange Online explains the three switches, the cost and the alternatives', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openPrepareStep(page);
  for (const heading of [
    '1. Security defaults',
    '2. SMTP AUTH for the organization',
    "3. SMTP AUTH for the printer's mailbox",
    "4. Conditional Access for the printer's sign-in",
    '5. Consent for the organization',
  ]) {
    await expect(page.getByRole('heading', { level: 3, name: heading })).toBeVisible();
  }
  // Check first: each switch's guidance is folded "For IT"; the new facts are said unfolded.
  await expect(page.getByText(/device-code sign-in \(AADSTS530035/)).toBeVisible();
  await expect(page.getByText(/a new printer account must be excluded/)).toBeVisible();
  for (const summary of await page
    .getByText('For IT: the clicks, PowerShell and admin-center buttons')
    .all()) {
    await summary.click();
  }
  await expect(page.getByText('What turning them off costs')).toBeVisible();
  await expect(page.getByText(/removes that protection for everyone/)).toBeVisible();
  await expect(
    page.getByText(/Conditional Access policies that require multifactor/),
  ).toBeVisible();
  await expect(
    page.getByText(/untick "Turn off SMTP AUTH protocol for your organization"/),
  ).toBeVisible();
  await expect(page.getByText(/Manage email apps > tick "Authenticated SMTP"/)).toBeVisible();
  await expect(
    page.getByText('Set-TransportConfig -SmtpClientAuthenticationDisabled $false'),
  ).toBeVisible();
  await page.getByText('If SMTP AUTH must stay off').click();
  await expect(
    page.getByText(/Direct send: the printer sends to your domain's MX endpoint/),
  ).toBeVisible();
  await expect(page.getByText(/SMTP relay through a connector/)).toBeVisible();
  await expectNoAxeViolations(page, 'prepare-exchange');
  await screenshot(page, 'en/exchange-prepare');
});

test('the mailbox fills the PowerShell lines, and a line can be copied', async ({
  page,
  wizard,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wizard.origin });
  await openWizard(page, wizard);
  await openPrepareStep(page);
  await forIt(page, "3. SMTP AUTH for the printer's mailbox").click();
  const mailbox = page.getByLabel("The printer's mailbox (the address the printer sends from)");
  await expect(
    page.getByText(
      "Set-CASMailbox -Identity 'scanner@contoso.com' -SmtpClientAuthenticationDisabled $false",
    ),
  ).toBeVisible();
  await mailbox.fill('printer@fabrikam.example');
  const line =
    "Set-CASMailbox -Identity 'printer@fabrikam.example' -SmtpClientAuthenticationDisabled $false";
  const item = page.getByRole('listitem').filter({ hasText: line });
  await expect(item).toBeVisible();
  // Something that is not an address never reaches a command line.
  await mailbox.fill("x'; Remove-Mailbox -Identity boss; '");
  await expect(page.getByText(/Remove-Mailbox/).filter({ has: page.locator('code') })).toHaveCount(
    0,
  );
  await expect(page.locator('code', { hasText: 'Remove-Mailbox' })).toHaveCount(0);
  await mailbox.fill('printer@fabrikam.example');
  await item.getByRole('button', { name: 'Copy' }).click();
  await expect(item.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
});

test('the admin center buttons open the practice admin center, where a switch can be flipped', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openPrepareStep(page);
  await forIt(page, '2. SMTP AUTH for the organization').click();
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open the Exchange admin center (Settings)' }).click(),
  ]);
  await popup.waitForLoadState();
  expect(popup.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/exchange\/settings$/);
  await expect(
    popup.getByRole('heading', { level: 1, name: 'Practice admin center' }),
  ).toBeVisible();
  const turnOff = popup.getByLabel('Turn off SMTP AUTH protocol for your organization');
  await expect(turnOff).toBeChecked();
  await turnOff.uncheck();
  await popup.locator('#organization').getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByText('SMTP AUTH for the organization: on')).toBeVisible();
  await expectNoAxeViolations(popup, 'practice admin center');
  await screenshot(popup, 'en/exchange-practice-admin-center');
  await popup.close();
  // The wizard's practice switches follow what the trainee did in the admin center.
  await page.getByText('Practice situations').click();
  await expect(
    page.getByRole('combobox', { name: 'Exchange: SMTP AUTH for the organization' }),
  ).toHaveValue('on');
});

test('Check Exchange Online without a sign-in says so, and refuses bad test addresses', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openCheckStep(page);
  // The intro says in plain words what is checked; host, port and protocols are folded for IT.
  const intro = page.getByText(/checks that Microsoft 365 lets the printer's mailbox sign in/);
  await expect(intro).toBeVisible();
  await expect(intro).not.toContainText(/127\.0\.0\.1|smtp\.|STARTTLS|XOAUTH2|\b587\b|:\d{2,5}\b/);
  const forIt = page.getByTestId('verify-for-it');
  await expect(forIt.getByText(/127\.0\.0\.1/)).toBeHidden();
  await forIt.getByText('For IT: server, port and protocols').click();
  await expect(
    forIt.getByText(/connects to 127\.0\.0\.1 on port \d+, .*STARTTLS .*OAuth 2\.0 \(XOAUTH2\)/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('Nobody is signed in.')).toBeVisible();
  await expect(page.getByText('Go to the Sign in step and sign in first.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go to Sign in' })).toBeVisible();

  await page.getByLabel('Also send a test message').check();
  const address = page.getByLabel('Send the test message to');
  await address.fill('boss@contoso.com, everyone@contoso.com');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('The test message goes to one address only.')).toBeVisible();
  await address.fill('not-an-address');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('That is not an email address.')).toBeVisible();

  await page.getByLabel('Security defaults on or off').check();
  await page.getByLabel(/Conditional Access policies that would block/).check();
  await page.getByRole('button', { name: 'Run the chosen checks' }).click();
  const results = page.locator('.tenant-results > li');
  await expect(results).toHaveCount(2);
  await expect(results.getByText('Could not check')).toHaveCount(2);
  await expect(results.getByText('Nobody is signed in.')).toHaveCount(2);
  await expectNoAxeViolations(page, 'verify-tenant');
  await screenshot(page, 'en/exchange-check-not-signed-in');

  await page.getByLabel('Also send a test message').uncheck();
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('button', { name: 'Go to Sign in' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
});

for (const language of ['zh-TW', 'uk'] as const) {
  test(`both Exchange steps in ${language}`, async ({ page, request, wizard }) => {
    await resetProgress(request, wizard, { language, step: 'prepare-exchange' });
    await openWizard(page, wizard);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The five switches, then the end-of-Basic-auth notice.
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(6);
    await expect(page.getByText('1. Security defaults')).toHaveCount(0);
    await expectNoAxeViolations(page, `prepare-exchange ${language}`);
    await screenshot(page, `${language}/exchange-prepare`);
    await resetProgress(request, wizard, { language, step: 'verify-tenant' });
    await page.reload();
    await page.locator('.switch-card button.primary').click();
    await expect(page.locator('.notice-warning[role="alert"]').first()).toBeVisible();
    await expect(page.getByText('Nobody is signed in.')).toHaveCount(0);
    await expectNoAxeViolations(page, `verify-tenant ${language}`);
    await screenshot(page, `${language}/exchange-check-not-signed-in`);
  });
}

// ---- after a real practice sign-in ----

const rail = (page: Page) => page.getByRole('navigation').getByRole('button');
const board = (page: Page) => page.getByRole('complementary', { name: 'Status board' });

/**
 * Signs in on the Sign in step as a person does: Start sign-in, then the code on the practice
 * tenant's verification page (account, password "practice", consent).
 */
async function signInAs(page: Page, account: string, organization = true): Promise<void> {
  await rail(page).nth(journeySteps.indexOf('sign-in')).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Start sign-in' }).click();
  const code = (await page.getByTestId('user-code').textContent())?.trim() ?? '';
  const address = (await page.locator('.verification-uri').textContent())?.trim() ?? '';
  const last = await approveOnPage(new URL(address).origin, code, { account, organization });
  expect(last).toContain('You may now close this window');
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(page.getByTestId('signin-account')).toContainText(account);
}

async function signOut(page: Page): Promise<void> {
  await rail(page).nth(journeySteps.indexOf('sign-in')).click();
  await page.getByRole('button', { name: 'Sign out and forget' }).click();
  await expect(page.getByRole('button', { name: 'Start sign-in' })).toBeVisible();
}

/** Changes the language in the top bar; the step (`returnTo`) stays open. */
async function switchLanguage(page: Page, language: string, returnTo: number): Promise<void> {
  await page.getByRole('banner').getByRole('combobox').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(rail(page).nth(returnTo)).toHaveAttribute('aria-current', 'step');
}

async function runEveryTenantCheck(page: Page): Promise<void> {
  for (const label of [
    'Security defaults on or off',
    /Conditional Access policies that would block/,
    'Whether the signed-in account can consent for the organization',
  ]) {
    await page.getByLabel(label).check();
  }
  await page.getByRole('button', { name: 'Run the chosen checks' }).click();
}

test.describe('after a real practice sign-in', () => {
  let wizard: WizardProcess;
  test.beforeEach(async ({ request }) => {
    wizard = await startWizard({ demo: true });
    await freshStart(request, wizard);
  });
  test.afterEach(async () => {
    await wizard.stop();
  });

  test('from "disabled for the Tenant" to a pass and a delivered test message, using only the wizard', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: wizard.origin,
    });
    await openWizard(page, wizard);
    await signInAs(page, 'admin@contoso.example');
    await openCheckStep(page);
    await page.getByLabel('Also send a test message').check();
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByText('SMTP AUTH is turned off for your organization.')).toBeVisible();
    await expect(
      page.getByText(/Exchange answered "SmtpClientAuthentication is disabled for the Tenant"/),
    ).toBeVisible();
    await expect(page.locator('.server-reply code')).toContainText(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
    );
    await expect(board(page).locator('[data-check="smtp-auth-organization"]')).toContainText(
      'Failed',
    );
    await expect(board(page).locator('[data-check="smtp-login"]')).toContainText('Failed');
    await expectNoAxeViolations(page, 'check: tenant off');
    await screenshot(page, 'en/exchange-check-tenant-off');

    // The fix: the Prepare step's button opens the (practice) Exchange admin center.
    await page.getByRole('button', { name: 'Go to Prepare Exchange Online' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Prepare Exchange Online' }),
    ).toBeVisible();
    const [admin] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the Exchange admin center (Settings)' }).click(),
    ]);
    await admin.waitForLoadState();
    await admin.getByLabel('Turn off SMTP AUTH protocol for your organization').uncheck();
    await admin.locator('#organization').getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByText('SMTP AUTH for the organization: on')).toBeVisible();
    await admin.close();

    // Check again: the login passes and the test message is delivered.
    await openCheckStep(page);
    await page.getByLabel('Also send a test message').check();
    await page.getByRole('button', { name: 'Check now' }).click();
    const passed = page.getByTestId('mail-check-passed');
    await expect(passed).toContainText(
      'Exchange Online accepted the login of admin@contoso.example.',
    );
    await expect(passed).toContainText('Test message sent to admin@contoso.example');
    const subject = /subject "([^"]+)"/.exec((await passed.textContent()) ?? '')?.[1] ?? '';
    expect(subject).toMatch(/^Test message from Printer Mail Setup Wizard, /);
    for (const check of ['smtp-auth-organization', 'smtp-login', 'test-message']) {
      await expect(board(page).locator(`[data-check="${check}"]`)).toContainText('Passed');
    }
    // The transcript for support: STARTTLS before AUTH, no token.
    await page.getByText('SMTP conversation (for support, token removed)').click();
    const transcript = (await page.getByTestId('smtp-transcript').textContent()) ?? '';
    expect(transcript).toMatch(/C: STARTTLS[\s\S]*C: AUTH XOAUTH2/);
    expect(transcript).toMatch(/S: 235/);
    expect(transcript).not.toMatch(/eyJ[\w-]{8,}\./);
    await page.getByRole('button', { name: 'Copy the conversation' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(transcript);
    await expectNoAxeViolations(page, 'check: passed');
    await screenshot(page, 'en/exchange-check-passed');

    // Delivered: the practice mailbox shows it.
    const [inbox] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the practice mailbox' }).click(),
    ]);
    await inbox.waitForLoadState();
    await expect(inbox.locator('#inbox')).toContainText(subject);
    await expect(inbox.locator('#inbox')).toContainText('From admin@contoso.example');
    await screenshot(inbox, 'en/exchange-practice-mailbox');
    await inbox.close();

    // The same passed screen in Traditional Chinese.
    await switchLanguage(page, 'zh-TW', journeySteps.indexOf('verify-tenant'));
    await page.locator('.switch-card button.primary').click();
    await expect(page.getByTestId('mail-check-passed')).toContainText('admin@contoso.example');
    await expectNoAxeViolations(page, 'check: passed zh-TW');
    await screenshot(page, 'zh-TW/exchange-check-passed');
  });

  test('SMTP AUTH off for the mailbox: its words and fix', async ({ page, request }) => {
    await practiceSwitches(request, wizard, { smtpAuthOrganization: 'on', smtpAuthMailbox: 'off' });
    await openWizard(page, wizard);
    await signInAs(page, 'admin@contoso.example');
    await openCheckStep(page);
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(
      page.getByText("SMTP AUTH is turned off for the printer's mailbox."),
    ).toBeVisible();
    await expect(page.getByText(/Manage email apps, tick "Authenticated SMTP"/)).toBeVisible();
    await expect(page.locator('.server-reply code')).toContainText(
      'SmtpClientAuthentication is disabled for the Mailbox',
    );
    await expect(board(page).locator('[data-check="smtp-auth-mailbox"]')).toContainText('Failed');
    await expectNoAxeViolations(page, 'check: mailbox off');
    await screenshot(page, 'en/exchange-check-mailbox-off');

    await switchLanguage(page, 'uk', journeySteps.indexOf('verify-tenant'));
    await page.locator('.switch-card button.primary').click();
    await expect(page.locator('.server-reply code')).toContainText('disabled for the Mailbox');
    await expect(page.getByText("SMTP AUTH is turned off for the printer's mailbox.")).toHaveCount(
      0,
    );
    await expectNoAxeViolations(page, 'check: mailbox off uk');
    await screenshot(page, 'uk/exchange-check-mailbox-off');
  });

  test('the Graph checks as a Global Administrator, then as a plain user', async ({ page }) => {
    await openWizard(page, wizard);
    await signInAs(page, 'admin@contoso.example');
    // The trainee turns on the blocking policy in the practice situations.
    await page.getByText('Practice situations').click();
    await page
      .getByRole('combobox', { name: 'Conditional Access' })
      .selectOption('block-device-code');
    await openCheckStep(page);
    await runEveryTenantCheck(page);
    const result = (check: string) => page.locator(`.tenant-results > li[data-check="${check}"]`);
    await expect(result('security-defaults')).toContainText('Passed');
    await expect(result('security-defaults')).toContainText('Security defaults are off.');
    await expect(result('conditional-access')).toContainText('Failed');
    await expect(result('conditional-access')).toContainText(
      'The Conditional Access policy "Block device code flow" blocks the printer\'s sign-in.',
    );
    await expect(result('conditional-access')).toContainText(
      "Checked with Microsoft's What If evaluation",
    );
    await expect(result('consent-role')).toContainText('Passed');
    await expect(result('consent-role')).toContainText('Found: Global Administrator');
    await expect(board(page).locator('[data-check="security-defaults"]')).toContainText('Passed');
    await expect(board(page).locator('[data-check="conditional-access"]')).toContainText('Failed');
    await expect(board(page).locator('[data-check="consent-role"]')).toContainText('Passed');
    await expectNoAxeViolations(page, 'graph checks: admin');
    await screenshot(page, 'en/exchange-graph-admin');

    // A plain user (the administrator consented for the organization above).
    await signOut(page);
    await signInAs(page, 'megan@contoso.example', false);
    await openCheckStep(page);
    await runEveryTenantCheck(page);
    for (const check of ['security-defaults', 'conditional-access']) {
      await expect(result(check)).toContainText('Could not check');
      await expect(result(check)).toContainText('Your account may not read this setting.');
      await expect(result(check)).toContainText(
        'Global Reader, Security Reader or Global Administrator',
      );
    }
    await expect(result('consent-role')).toContainText('Failed');
    await expect(result('consent-role')).toContainText(
      'Your account cannot consent for the organization.',
    );
    // The Sign in step owns this board entry. A Global Administrator of this organization
    // signed in (and consented) earlier in this run: the board names them, and does not claim
    // that nobody can consent.
    await expect(board(page).locator('[data-check="consent-role"]')).toContainText('Passed');
    await expect(board(page).locator('[data-check="consent-role"]')).toContainText(
      'admin@contoso.example',
    );
    await expectNoAxeViolations(page, 'graph checks: plain user');
    await screenshot(page, 'en/exchange-graph-plain-user');

    await switchLanguage(page, 'uk', journeySteps.indexOf('verify-tenant'));
    const tenantSection = page.locator('section.switch-card').nth(1);
    for (const box of await tenantSection.getByRole('checkbox').all()) await box.check();
    await tenantSection.getByRole('button', { name: 'Запустити вибрані перевірки' }).click();
    await expect(page.locator('.tenant-results > li')).toHaveCount(3);
    await expect(result('consent-role')).not.toContainText('Your account cannot consent');
    await expectNoAxeViolations(page, 'graph checks: plain user uk');
    await screenshot(page, 'uk/exchange-graph-plain-user');
  });
});
