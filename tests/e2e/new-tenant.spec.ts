/**
 * From a brand-new practice tenant (security defaults on, the Microsoft-managed "Block device
 * code flow" policy on, SMTP AUTH off for the mailbox) to a passing Check Exchange Online and a
 * signed-in practice printer, using only the wizard's buttons: no practice admin-center page is
 * opened; then which apps hold consent for the organization for SMTP.Send is read and shown.
 * The Microsoft sign-in pages (the wizard's own, each permission asked at its change,
 * and the printer's) and the printer's Web Config are the only other pages. The person's actions
 * are counted (wizard screens and the other pages apart) and written to
 * artifacts/new-tenant-journey.json; no timed assertion.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { repoRoot, startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';
import { Actions, signInOnPracticeMicrosoft, stepControls, wordsOf } from './journey-steps';

let wizard: WizardProcess;
test.beforeEach(async ({ request }) => {
  wizard = await startWizard({ demo: true });
  await resetProgress(request, wizard, {});
  await callApi(request, wizard, 'signOut', {});
  for (const [id, value] of Object.entries({
    printers: 'three',
    tenant: 'normal',
    smtpAuthOrganization: 'off',
    exchangeReply: 'as-configured',
    tenantAge: 'brand-new',
  })) {
    await callApi(request, wizard, 'setPracticeSwitch', { id, value });
  }
});
test.afterEach(async () => {
  await wizard.stop();
});

/** The practice Microsoft page of a browser sign-in (a permission asked, or the wizard's own). */
async function allowInBrowser(popup: Page, actions: Actions): Promise<void> {
  await popup.waitForLoadState();
  await actions.click(
    'external',
    popup.getByRole('button', { name: /admin@contoso\.example/ }),
    'account',
  );
  await actions.fill('external', popup.getByLabel('Password'), 'practice', 'password');
  await actions.click('external', popup.getByRole('button', { name: 'Sign in' }), 'Sign in');
  if (await popup.getByRole('heading', { name: 'Permissions requested' }).isVisible()) {
    await actions.check(
      'external',
      popup.getByLabel('Consent on behalf of your organization'),
      'consent for the organization',
    );
    await actions.click('external', popup.getByRole('button', { name: 'Accept' }), 'Accept');
  }
  await expect(popup.getByText(/Signed in\. You can close this window/)).toBeVisible();
  await popup.close();
}

async function clickForPopup(
  page: Page,
  actions: Actions,
  button: ReturnType<Page['getByRole']>,
  what: string,
) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    actions.click('wizard', button, what),
  ]);
  return popup;
}

test("a brand-new tenant to a passing check and a signed-in printer with the wizard's buttons only", async ({
  page,
  context,
}: {
  page: Page;
  context: BrowserContext;
}) => {
  test.setTimeout(240_000);
  const w = wordsOf('en');
  const actions = new Actions();
  const { heading, next } = stepControls(page, w);
  const opened: string[] = [];
  context.on('page', (other) => opened.push(other.url()));
  await openWizard(page, wizard);

  // Welcome, Find the printer (the practice ET-2850), Prepare Exchange Online: nothing opened.
  await actions.click('wizard', next(), 'Next (Welcome)');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) });
  await actions.check(
    'wizard',
    card.getByRole('checkbox', { name: w('discovery:card.use') }),
    'use this printer',
  );
  await actions.click('wizard', next(), 'Next (Find the printer)');
  await expect(heading('prepare-exchange')).toBeVisible();
  await actions.click('wizard', next(), 'Next (Prepare Exchange Online)');

  // Sign in: the device code flow is refused by security defaults (AADSTS530035) ...
  await expect(heading('sign-in')).toBeVisible();
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('signin:start.button') }),
    'Start sign-in',
  );
  const code = ((await page.getByTestId('user-code').textContent()) ?? '').trim();
  const [microsoft] = await Promise.all([
    context.waitForEvent('page'),
    actions.click(
      'wizard',
      page.getByRole('button', { name: w('signin:code.open') }),
      'open sign-in page',
    ),
  ]);
  await microsoft.waitForLoadState();
  await actions.fill('external', microsoft.getByLabel('Code'), code, 'code');
  await actions.click('external', microsoft.getByRole('button', { name: 'Next' }), 'Next');
  await actions.click('external', microsoft.getByRole('button', { name: 'Continue' }), 'Continue');
  await actions.click(
    'external',
    microsoft.getByRole('button', { name: /admin@contoso\.example/ }),
    'account',
  );
  await actions.fill('external', microsoft.getByLabel('Password'), 'practice', 'password');
  await actions.click('external', microsoft.getByRole('button', { name: 'Sign in' }), 'Sign in');
  await expect(microsoft.getByRole('alert')).toContainText('AADSTS530035');
  await microsoft.close();
  // ... so the wizard signs in through the browser instead.
  await expect(page.getByText('Security defaults blocked the sign-in (AADSTS530035).')).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByText(w('troubleshoot:browserSignIn.whySecurityDefaults'))).toBeVisible();
  await allowInBrowser(
    await clickForPopup(
      page,
      actions,
      page.getByRole('button', { name: w('troubleshoot:browserSignIn.start') }),
      'sign in through the browser',
    ),
    actions,
  );
  await expect(page.getByRole('complementary').locator('[data-check="signed-in"]')).toHaveClass(
    /board-passed/,
    {
      timeout: 20_000,
    },
  );
  await actions.click('wizard', next(), 'Next (Sign in)');

  // Check Exchange Online: the tenant checks find security defaults on.
  await expect(heading('verify-tenant')).toBeVisible();
  for (const check of ['security-defaults', 'conditional-access'] as const) {
    await actions.check(
      'wizard',
      page.getByRole('checkbox', { name: w(`exchange:verify.checks.${check}`) }),
      `tick ${check}`,
    );
  }
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:verify.runTenant') }),
    'Run the chosen checks',
  );
  await expect(page.getByText(w('exchange:problems.security-defaults-on.title'))).toBeVisible({
    timeout: 20_000,
  });

  // Do it for me: security defaults off, the permission asked now.
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:securityDefaultsOff.offer') }),
    'Do it for me: security defaults',
  );
  const defaults = page.getByRole('region', { name: w('exchange:securityDefaultsOff.title') });
  await expect(defaults).toContainText('(Policy.ReadWrite.SecurityDefaults)');
  await allowInBrowser(
    await clickForPopup(
      page,
      actions,
      defaults.getByRole('button', { name: w('exchange:doItForMe.allow') }),
      'allow in the browser',
    ),
    actions,
  );
  await expect(defaults).toContainText(w('exchange:securityDefaultsOff.why'));
  await expect(defaults).toContainText(w('exchange:securityDefaultsOff.managed'));
  await expect(defaults).toContainText(w('exchange:securityDefaultsOff.undoNote'));
  await expectNoAxeViolations(page, 'security defaults, before');
  await screenshot(page, 'en/new-tenant-security-defaults-confirm');
  await actions.click(
    'wizard',
    defaults.getByRole('button', {
      name: w('exchange:securityDefaultsOff.confirm', { tenant: 'Contoso (practice)' }),
    }),
    'Turn off security defaults',
  );
  await expect(defaults).toContainText(
    w('exchange:securityDefaultsOff.changed', {
      tenant: 'Contoso (practice)',
      by: 'admin@contoso.example',
    }),
    { timeout: 20_000 },
  );
  await expect(defaults.getByTestId('policies-appeared')).toContainText(
    'Microsoft-managed: Block legacy authentication',
  );
  // What If: the managed device-code policy still blocks the printer.
  await expect(defaults).toContainText(w('exchange:securityDefaultsOff.notProven'));
  await expect(defaults).toContainText('Microsoft-managed: Block device code flow');

  // Do it for me: the printer's device-code sign-in let through, one permission at a time.
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:deviceCodeAllow.offer') }),
    'Do it for me: device code',
  );
  const exclusion = page.getByRole('region', { name: w('exchange:deviceCodeAllow.title') });
  for (const permission of ['Policy.ReadWrite.ConditionalAccess', 'GroupMember.ReadWrite.All']) {
    await expect(exclusion).toContainText(permission);
    await allowInBrowser(
      await clickForPopup(
        page,
        actions,
        exclusion.getByRole('button', { name: w('exchange:doItForMe.allow') }),
        `allow ${permission}`,
      ),
      actions,
    );
  }
  await expect(exclusion).toContainText(w('exchange:deviceCodeAllow.managedNote'));
  const confirm = exclusion.getByRole('button', {
    name: w('exchange:deviceCodeAllow.confirm', {
      account: 'admin@contoso.example',
      group: 'Printers: device code sign-in allowed',
    }),
  });
  await expectNoAxeViolations(page, 'device code, before');
  await screenshot(page, 'en/new-tenant-device-code-confirm');
  await actions.click('wizard', confirm, 'Leave the account out through the group');
  // Creating the group needs one more permission, asked now; then confirm again.
  await expect(exclusion).toContainText('Group.ReadWrite.All');
  await allowInBrowser(
    await clickForPopup(
      page,
      actions,
      exclusion.getByRole('button', { name: w('exchange:doItForMe.allow') }),
      'allow Group.ReadWrite.All',
    ),
    actions,
  );
  await actions.click('wizard', confirm, 'Leave the account out through the group (again)');
  await expect(exclusion.getByTestId('changes-made')).toContainText(
    'Microsoft-managed: Block device code flow',
    { timeout: 20_000 },
  );
  await expect(exclusion).toContainText(w('exchange:deviceCodeAllow.proven'));
  await expectNoAxeViolations(page, 'device code, done');
  await screenshot(page, 'en/new-tenant-device-code-done');

  // SMTP AUTH for the mailbox (off in a new tenant): the check, then Do it for me.
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:verify.checkNow') }),
    'Check now',
  );
  await expect(page.getByText(w('exchange:problems.smtp-auth-disabled-mailbox.title'))).toBeVisible(
    { timeout: 20_000 },
  );
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:doItForMe.offer') }),
    'Do it for me: SMTP AUTH',
  );
  const smtp = page.getByRole('region', { name: w('exchange:doItForMe.title') });
  await allowInBrowser(
    await clickForPopup(
      page,
      actions,
      smtp.getByRole('button', { name: w('exchange:doItForMe.allow') }),
      'allow Exchange.Manage',
    ),
    actions,
  );
  await actions.click(
    'wizard',
    smtp.getByRole('button', {
      name: w('exchange:doItForMe.confirm', { mailbox: 'admin@contoso.example' }),
    }),
    'Turn on SMTP AUTH',
  );
  await expect(smtp).toContainText(w('exchange:doItForMe.proven'), { timeout: 30_000 });
  await expect(page.getByTestId('mail-check-passed')).toBeVisible();
  await actions.click('wizard', next(), 'Next (Check Exchange Online)');

  // Set up the printer: its own device-code sign-in now goes through.
  await expect(heading('set-up-printer')).toBeVisible();
  const [webConfig] = await Promise.all([
    page.waitForEvent('popup'),
    actions.click(
      'wizard',
      page.getByRole('button', {
        name: w('printer:setup.openWebConfig', {
          page: w('printer:vendors.epson.labels.webConfig'),
        }),
      }),
      'Open Web Config',
    ),
  ]);
  await webConfig.waitForLoadState();
  await actions.fill(
    'external',
    webConfig.getByLabel('Current password'),
    practicePrinterAdminPassword,
    'admin password',
  );
  await actions.click('external', webConfig.getByRole('button', { name: 'OK' }), 'OK (login)');
  await actions.select(
    'external',
    webConfig.getByLabel('Authentication Method'),
    'OAuth2',
    'OAuth2',
  );
  await actions.click('external', webConfig.getByRole('button', { name: 'Sign In' }), 'Sign In');
  await actions.click(
    'external',
    webConfig.getByRole('button', { name: 'Sign in with Microsoft' }),
    'Sign in with Microsoft',
  );
  const printerCode = (
    (await webConfig.locator('[data-field="user-code"]').textContent()) ?? ''
  ).trim();
  actions.count('external', 'copy the code');
  const [printerMicrosoft] = await Promise.all([
    context.waitForEvent('page'),
    actions.click(
      'external',
      webConfig.getByRole('link', { name: /devicelogin/ }),
      'verification URL',
    ),
  ]);
  await signInOnPracticeMicrosoft(printerMicrosoft, printerCode, actions);
  await printerMicrosoft.close();
  await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
    timeout: 20_000,
  });
  await webConfig.close();

  // "Consent on behalf of organization" proven for the printer's app, not assumed.
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:consentProof.check') }),
    'Check which apps hold it',
  );
  await expect(page.getByTestId('consent-proof')).toContainText(
    w('exchange:consentProof.holds', {
      app: 'Practice Printer Email (practice)',
      appId: 'e2b7f9c4-1d6a-4f38-b5e0-9c3a7d2f6e18',
    }),
  );
  await expectNoAxeViolations(page, 'set up the printer, consent proven');
  await screenshot(page, 'en/new-tenant-consent-proven');
  await actions.click(
    'wizard',
    page.getByRole('button', {
      name: w('printer:setup.confirmSignedIn', {
        status: w('printer:vendors.epson.labels.signedIn'),
      }),
    }),
    'It shows Signed in',
  );
  await expect(heading('status-sheet')).toBeVisible();

  // No admin center was opened: every other page was Microsoft's sign-in or the printer's own.
  expect(opened.filter((url) => /admin|exchange-admin|entra/i.test(new URL(url).pathname))).toEqual(
    [],
  );
  const settings = (await callApi(page.request, wizard, 'getPracticeSettings', {})) as {
    value: Record<string, string>;
  };
  expect(settings.value).toMatchObject({
    securityDefaults: 'off',
    smtpAuthMailbox: 'on',
    conditionalAccess: 'managed-on',
  });
  const progress = (await callApi(page.request, wizard, 'getProgress', {})) as {
    value: { adminChanges: { kind: string }[] };
  };
  expect(progress.value.adminChanges.map((change) => change.kind)).toEqual([
    'security-defaults',
    'group-created',
    'group-member',
    'policy-exclusion',
    'mailbox-smtp-auth',
  ]);
  const artifacts = path.join(repoRoot, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(
    path.join(artifacts, 'new-tenant-journey.json'),
    `${JSON.stringify({ wizardActions: actions.wizard, otherPageActions: actions.external, log: actions.log }, null, 1)}\n`,
  );
});

test('in Ukrainian, from the troubleshooter for AADSTS530035: the browser sign-in, then security defaults off with the permission asked then', async ({
  page,
  context,
}: {
  page: Page;
  context: BrowserContext;
}) => {
  const w = wordsOf('uk');
  // The wizard is signed in through the browser (the device code flow is refused here).
  const started = (await callApi(page.request, wizard, 'startBrowserSignIn', {})) as {
    value: { url: string };
  };
  const signInPage = await context.newPage();
  await signInPage.goto(started.value.url);
  await allowInBrowser(signInPage, new Actions());
  await resetProgress(page.request, wizard, { language: 'uk', step: 'verify-tenant' });
  await openWizard(page, wizard);
  await page
    .getByRole('banner')
    .getByRole('button', { name: w('troubleshoot:open') })
    .click();
  await page.getByRole('radio', { name: w('troubleshoot:kind.aadsts') }).check();
  await page
    .getByLabel(w('troubleshoot:text.aadsts'))
    .fill(
      'AADSTS530035: Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.',
    );
  await page.getByRole('button', { name: w('troubleshoot:explain') }).click();
  await page
    .getByRole('button', { name: w('troubleshoot:action.turn-off-security-defaults') })
    .click();
  const panel = page.getByRole('region', { name: w('exchange:securityDefaultsOff.title') });
  await expect(panel).toContainText('(Policy.ReadWrite.SecurityDefaults)');
  await allowInBrowser(
    (
      await Promise.all([
        page.waitForEvent('popup'),
        panel.getByRole('button', { name: w('exchange:doItForMe.allow') }).click(),
      ])
    )[0],
    new Actions(),
  );
  await expect(panel).toContainText(w('exchange:securityDefaultsOff.why'));
  await expect(panel).toContainText(w('exchange:securityDefaultsOff.undoNote'));
  await expect(
    panel.getByRole('button', {
      name: w('exchange:securityDefaultsOff.confirm', { tenant: 'Contoso (practice)' }),
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'troubleshooter, security defaults, uk');
  await screenshot(page, 'uk/new-tenant-security-defaults-troubleshooter');
});
