/**
 * Practice mode answers the person's fix: following only what the wizard says, an expired
 * printer sign-in (job error 361) is cleared by signing in again in Web Config, and a
 * Conditional Access block on the code sign-in is cleared by excluding the account in the
 * practice admin center, which names the policy as Microsoft does. No practice switch is reset
 * on the way: the practice world changes because the person did what the wizard said.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, finishBrowserSignIn, resetProgress, signInThroughApi } from './helpers';
import { wordsOf } from './journey-steps';

test.describe.configure({ timeout: 180_000 });

const w = wordsOf('en');
const practice = (wizard: WizardProcess, page: Page, id: string, value: string) =>
  callApi(page.request, wizard, 'setPracticeSwitch', { id, value });

/** Find the printer: the practice ET-2850; then Set up the printer. */
async function chooseThePrinter(page: Page): Promise<void> {
  const rail = page.getByRole('navigation');
  await rail.getByRole('button', { name: /Find the printer/ }).click();
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) })
    .getByRole('checkbox', { name: /Use this printer/ })
    .check();
  await rail.getByRole('button', { name: /Set up the printer/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Set up the printer' })).toBeVisible();
}

/** The step's "Open Web Config" button, and the administrator login on the practice printer. */
async function openWebConfig(page: Page): Promise<Page> {
  const [webConfig] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: /Open Web Config/ }).click(),
  ]);
  await webConfig.waitForLoadState();
  await webConfig.getByLabel('Current password').fill(practicePrinterAdminPassword);
  await webConfig.getByRole('button', { name: 'OK' }).click();
  await expect(webConfig.getByRole('heading', { name: 'Email Server > Basic' })).toBeVisible();
  return webConfig;
}

/**
 * Network > Email Server > Basic: OAuth2, Sign In, Sign in with Microsoft, the code on the
 * practice Microsoft page as admin@; returns the page showing the printer's device-code
 * outcome (signed in, or Microsoft's refusal) for the caller to judge.
 */
async function signThePrinterIn(context: BrowserContext, webConfig: Page): Promise<Page> {
  await webConfig.getByLabel('Authentication Method').selectOption('OAuth2');
  await webConfig.getByRole('button', { name: 'Sign In' }).click();
  await webConfig.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  const code = ((await webConfig.locator('[data-field="user-code"]').textContent()) ?? '').trim();
  const [microsoft] = await Promise.all([
    context.waitForEvent('page'),
    webConfig.getByRole('link', { name: /devicelogin/ }).click(),
  ]);
  await microsoft.waitForLoadState();
  await microsoft.getByLabel('Code').fill(code);
  await microsoft.getByRole('button', { name: 'Next' }).click();
  await microsoft.getByRole('button', { name: 'Continue' }).click();
  await microsoft.getByRole('button', { name: /admin@contoso\.example/ }).click();
  await microsoft.getByLabel('Password').fill('practice');
  await microsoft.getByRole('button', { name: 'Sign in' }).click();
  const consent = microsoft.getByRole('heading', { name: 'Permissions requested' });
  if (await consent.isVisible()) {
    await microsoft.getByLabel('Consent on behalf of your organization').check();
    await microsoft.getByRole('button', { name: 'Accept' }).click();
  }
  return microsoft;
}

/** Signed in on the printer: OK sends the settings to it. */
async function finishPrinterSetup(webConfig: Page): Promise<void> {
  await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
    timeout: 20_000,
  });
  await expect(webConfig.locator('[data-field="authenticated-account"]')).toHaveText(
    'admin@contoso.example',
  );
  await webConfig.getByRole('button', { name: 'OK' }).click();
  await expect(webConfig.getByText('Setup complete.')).toBeVisible();
}

/** One scan to email from the practice printer's panel; returns what the panel says. */
async function scanToEmail(context: BrowserContext, webConfig: Page, subject: string) {
  const panel = await context.newPage();
  await panel.goto(new URL('/PANEL/SCAN/EMAIL', webConfig.url()).toString());
  await panel.getByLabel('Recipient').fill('admin@contoso.example');
  await panel.getByLabel('Subject').fill(subject);
  await panel.getByRole('button', { name: 'Start' }).click();
  return panel;
}

test('error 361: signing the printer in again, as the troubleshooter says, works without resetting the switch', async ({
  page,
  context,
}) => {
  const wizard = await startWizard({ demo: true });
  try {
    await resetProgress(page.request, wizard);
    await practice(wizard, page, 'printers', 'three');
    await practice(wizard, page, 'smtpAuthOrganization', 'on');
    await signInThroughApi(page.request, wizard);
    await openWizard(page, wizard);
    await chooseThePrinter(page);
    const webConfig = await openWebConfig(page);
    const microsoft = await signThePrinterIn(context, webConfig);
    await expect(microsoft.getByText(/You have signed in/)).toBeVisible();
    await microsoft.close();
    await finishPrinterSetup(webConfig);
    const first = await scanToEmail(context, webConfig, 'Scan before');
    await expect(first.getByRole('status')).toHaveText('Sending completed.');
    await first.close();

    // Months later the printer's sign-in has expired (Microsoft: inactive for 90 days).
    await practice(wizard, page, 'tenant', 'refresh-expired');
    const failed = await scanToEmail(context, webConfig, 'Scan after');
    await expect(failed.getByRole('status')).toHaveText('Sending failed. Error code 361.');
    await expect(failed.getByRole('cell', { name: /AADSTS700082/ })).toBeVisible();
    await screenshot(failed, 'en/practice-fix-361-panel');

    // The person asks the wizard: 361, and does what it says.
    await page
      .getByRole('banner')
      .getByRole('button', { name: 'Something stopped working?' })
      .click();
    await page.getByRole('textbox', { name: 'Error code' }).fill('361');
    await page.getByRole('button', { name: 'Explain' }).click();
    const fix = w('troubleshoot:problems.job-error-361.fix');
    await expect(page.getByTestId('diagnosis-fix')).toHaveText(fix);
    expect(fix).toContain('signs in again in Web Config');

    // Web Config (Network > Email Server > Basic): Sign In again, then OK.
    await webConfig.reload();
    await expect(webConfig.getByRole('button', { name: 'Sign In' })).toBeVisible();
    await screenshot(webConfig, 'en/practice-fix-361-web-config');
    const again = await signThePrinterIn(context, webConfig);
    await expect(again.getByText(/You have signed in/)).toBeVisible();
    await again.close();
    await finishPrinterSetup(webConfig);

    // The switch still says "expired"; the new sign-in works.
    const settings = (await callApi(page.request, wizard, 'getPracticeSettings', {})) as {
      value: { tenant: string };
    };
    expect(settings.value.tenant).toBe('refresh-expired');
    const fixed = await scanToEmail(context, webConfig, 'Scan after signing in again');
    await expect(fixed.getByRole('status')).toHaveText('Sending completed.');
    await screenshot(fixed, 'en/practice-fix-361-sent');
    await fixed.close();
  } finally {
    await callApi(page.request, wizard, 'signOut', {}).catch(() => {});
    await wizard.stop();
  }
});

test('a Conditional Access block: the admin center names the policy, Exclude clears it, the printer signs in with its code', async ({
  page,
  context,
}) => {
  const wizard = await startWizard({ demo: true });
  try {
    await resetProgress(page.request, wizard, {
      step: 'sign-in',
      visited: ['welcome', 'find-printer', 'prepare-exchange', 'sign-in'],
    });
    await practice(wizard, page, 'printers', 'three');
    await practice(wizard, page, 'smtpAuthOrganization', 'on');
    // Microsoft's own "Block device code flow" policy, on.
    await practice(wizard, page, 'tenant', 'device-code-blocked');
    await practice(wizard, page, 'conditionalAccess', 'managed-on');
    await callApi(page.request, wizard, 'signOut', {});
    await openWizard(page, wizard);

    // The code sign-in is refused with Microsoft's 53003.
    await page.getByRole('button', { name: 'Start sign-in' }).click();
    const code = ((await page.getByTestId('user-code').textContent()) ?? '').trim();
    const [refused] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open sign-in page' }).click(),
    ]);
    await signInOnPracticeMicrosoftUntilRefused(refused, code);
    await refused.close();
    await expect(page.getByRole('alert')).toContainText('AADSTS53003');

    // The wizard's way on: the browser sign-in, then its policy check names the policy.
    const [browserPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the sign-in page' }).click(),
    ]);
    await browserPage.getByRole('heading', { name: 'Pick an account' }).waitFor();
    await finishBrowserSignIn(browserPage, 'if-asked');
    const section = page.getByTestId('signin-blocking-policy');
    const check = section.getByRole('button', {
      name: 'Check the Conditional Access policies now',
    });
    await check.click();
    const policy = 'Microsoft-managed: Block device code flow';
    await expect(section.getByTestId('remedy-outcome')).toContainText(
      `The Conditional Access policy "${policy}" blocks the printer's sign-in.`,
    );
    await expect(section.getByTestId('remedy-outcome')).toContainText(
      "exclude the printer's mailbox (Users > Exclude)",
    );
    await expectNoAxeViolations(page, 'sign-in: the blocking policy with its admin page');
    await screenshot(page, 'en/practice-fix-ca-found');

    // The admin page the wizard links: the policy by its name, and its Exclude control.
    const [admin] = await Promise.all([
      page.waitForEvent('popup'),
      section
        .getByRole('button', {
          name: 'Open Conditional Access policies (Microsoft Entra admin center)',
        })
        .click(),
    ]);
    await admin.waitForLoadState();
    const ca = admin.locator('#conditional-access');
    await expect(ca.getByRole('cell', { name: policy, exact: true })).toBeVisible();
    await expect(ca.getByRole('cell', { name: 'On', exact: true })).toBeVisible();
    await expect(ca).not.toContainText('managed-on');
    await expect(ca).toContainText('Excluded: none');
    await ca
      .getByLabel('Users and groups')
      .selectOption({ label: 'Alex Admin (admin@contoso.example)' });
    await ca.getByRole('button', { name: 'Exclude', exact: true }).click();
    await expect(ca.getByRole('list', { name: 'Excluded' }).getByRole('listitem')).toContainText(
      'Alex Admin (admin@contoso.example)',
    );
    await expectNoAxeViolations(admin, 'practice admin center: Conditional Access');
    await screenshot(admin, 'en/practice-fix-ca-excluded');
    await admin.close();

    // Check again: nothing blocks any more.
    await check.click();
    await expect(section.getByTestId('remedy-outcome')).toContainText(
      "Nothing found that blocks the printer's sign-in.",
    );

    // The printer signs in with its own device code, as admin@: no refusal now.
    await chooseThePrinter(page);
    const webConfig = await openWebConfig(page);
    const microsoft = await signThePrinterIn(context, webConfig);
    await expect(microsoft.getByText(/You have signed in/)).toBeVisible();
    await microsoft.close();
    await finishPrinterSetup(webConfig);
    const panel = await scanToEmail(context, webConfig, 'Scan after the exclusion');
    await expect(panel.getByRole('status')).toHaveText('Sending completed.');
    const settings = (await callApi(page.request, wizard, 'getPracticeSettings', {})) as {
      value: { tenant: string; conditionalAccess: string };
    };
    expect(settings.value).toMatchObject({
      tenant: 'device-code-blocked',
      conditionalAccess: 'managed-on',
    });
  } finally {
    await callApi(page.request, wizard, 'signOut', {}).catch(() => {});
    await wizard.stop();
  }
});

/** The practice Microsoft page up to Microsoft's refusal after the password. */
async function signInOnPracticeMicrosoftUntilRefused(signInPage: Page, code: string) {
  await signInPage.waitForLoadState();
  await signInPage.getByLabel('Code').fill(code);
  await signInPage.getByRole('button', { name: 'Next' }).click();
  await signInPage.getByRole('button', { name: 'Continue' }).click();
  await signInPage.getByRole('button', { name: /admin@contoso\.example/ }).click();
  await signInPage.getByLabel('Password').fill('practice');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByText(/AADSTS53003/)).toBeVisible();
}
