/**
 * E2E for the Exchange steps, driven like a user in the browser shell with the practice
 * world. Until the sign-in capability is merged there is no signed-in account, so the check
 * step must say so plainly; the specs for tenant off / mailbox off / success through a real
 * sign-in extend `openCheckStep` below once sign-in lands.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openWizard, screenshot, test } from './fixtures';
import { callApi, resetProgress } from './helpers';

async function openStep(page: Page, name: RegExp, title: string): Promise<void> {
  await page.getByRole('navigation', { name: /.+/ }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

const openPrepareStep = (page: Page) =>
  openStep(page, /Prepare Exchange Online/, 'Prepare Exchange Online');
const openCheckStep = (page: Page) =>
  openStep(page, /Check Exchange Online/, 'Check Exchange Online');

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, `${where}: ${JSON.stringify(results.violations, null, 1)}`).toEqual(
    [],
  );
}

/** Puts the practice Exchange into a scenario (for the specs that follow a real sign-in). */
async function practiceSwitches(
  request: Parameters<typeof callApi>[0],
  wizard: Parameters<typeof callApi>[1],
  switches: Record<string, string>,
): Promise<void> {
  for (const [id, value] of Object.entries(switches)) {
    await callApi(request, wizard, 'setPracticeSwitch', { id, value });
  }
}

test.beforeEach(async ({ request, wizard }) => {
  await resetProgress(request, wizard);
  await practiceSwitches(request, wizard, {
    smtpAuthOrganization: 'off',
    smtpAuthMailbox: 'organization-setting',
    securityDefaults: 'off',
    exchangeReply: 'as-configured',
  });
});

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
  ]) {
    await expect(page.getByRole('heading', { level: 3, name: heading })).toBeVisible();
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
  await expect(
    page.getByText(/logs in to 127\.0\.0\.1:\d+ as the signed-in mailbox/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('Nobody is signed in yet.')).toBeVisible();
  await expect(page.getByText(/Sign in first/)).toBeVisible();
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
  await expect(results.getByText('Nobody is signed in yet.')).toHaveCount(2);
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
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(3);
    await expect(page.getByText('1. Security defaults')).toHaveCount(0);
    await expectNoAxeViolations(page, `prepare-exchange ${language}`);
    await screenshot(page, `${language}/exchange-prepare`);
    await resetProgress(request, wizard, { language, step: 'verify-tenant' });
    await page.reload();
    await page.locator('.switch-card button.primary').click();
    await expect(page.locator('.notice-warning[role="alert"]').first()).toBeVisible();
    await expect(page.getByText('Nobody is signed in yet.')).toHaveCount(0);
    await expectNoAxeViolations(page, `verify-tenant ${language}`);
    await screenshot(page, `${language}/exchange-check-not-signed-in`);
  });
}
