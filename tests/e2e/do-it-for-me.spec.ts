/**
 * "Do it for me": from a failed "Check Exchange Online" (SMTP AUTH off for the organization),
 * the wizard turns SMTP AUTH on for the signed-in mailbox only, asking for Exchange.Manage at
 * that moment in the (practice) browser, proves it with the real check, records it, and undoes
 * it. No admin center page is opened. The same offer in Ukrainian, and from the troubleshooter.
 */
import type { Page } from '@playwright/test';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, finishBrowserSignIn, resetProgress, signInThroughApi } from './helpers';

let wizard: WizardProcess;
test.beforeEach(async ({ request }) => {
  wizard = await startWizard({ demo: true });
  await resetProgress(request, wizard, {
    step: 'verify-tenant',
    visited: ['welcome', 'find-printer', 'prepare-exchange', 'sign-in', 'verify-tenant'],
  });
  await signInThroughApi(request, wizard);
});
test.afterEach(async () => {
  await wizard.stop();
});

const board = (page: Page) => page.getByRole('complementary', { name: 'Status board' });

test('turns SMTP AUTH on for the mailbox with the permission asked then, proves it and undoes it', async ({
  page,
}) => {
  await openWizard(page, wizard);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Check Exchange Online' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('SMTP AUTH is turned off for your organization.')).toBeVisible();

  await page
    .getByRole('button', { name: 'Do it for me: turn on SMTP AUTH for this mailbox' })
    .click();
  const panel = page.getByRole('region', {
    name: 'Turn on SMTP AUTH for the mailbox (the wizard does it)',
  });
  // Not granted at sign-in: asked for now, in the browser, with the role it needs.
  await expect(panel).toContainText('(Exchange.Manage). It asks for it only now, for this change.');
  await expect(panel).toContainText('Microsoft does not document it for other apps');
  const [consent] = await Promise.all([
    page.waitForEvent('popup'),
    panel.getByRole('button', { name: 'Allow it in the browser' }).click(),
  ]);
  await finishBrowserSignIn(consent, 'if-asked');

  // Read first: the mailbox follows the organization, which has it off.
  await expect(panel).toContainText(
    "SMTP AUTH for admin@contoso.example is now: not set for this mailbox (it follows the organization's setting).",
  );
  await expect(panel).toContainText('for admin@contoso.example only');
  await expect(panel).toContainText('What it costs:');
  await expect(panel).toContainText('You can undo it here afterwards');
  await expectNoAxeViolations(page);
  await screenshot(page, 'en/do-it-for-me-confirm');

  await panel.getByRole('button', { name: 'Turn on SMTP AUTH for admin@contoso.example' }).click();
  await expect(panel).toContainText(
    "Done: SMTP AUTH is on for admin@contoso.example (it was not set for this mailbox (it follows the organization's setting)). Changed by admin@contoso.example",
  );
  await expect(panel).toContainText('SMTP AUTH works for this mailbox.');
  await expect(board(page).locator('[data-check="smtp-login"]')).toContainText('Passed');
  // Only the mailbox changed: the organization's switch is as it was.
  const settings = (await callApi(page.request, wizard, 'getPracticeSettings', {})) as {
    value: { smtpAuthOrganization: string; smtpAuthMailbox: string };
  };
  expect(settings.value).toMatchObject({ smtpAuthOrganization: 'off', smtpAuthMailbox: 'on' });
  await expectNoAxeViolations(page);
  await screenshot(page, 'en/do-it-for-me-done');

  // Main records the change, who made it and when (the setup report lists it).
  const report = (await callApi(page.request, wizard, 'getProgress', {})) as {
    value: { adminChanges: { target: string; by: string; before: string; after: string }[] };
  };
  expect(report.value.adminChanges).toEqual([
    expect.objectContaining({
      target: 'admin@contoso.example',
      by: 'admin@contoso.example',
      before: 'organization',
      after: 'on',
    }),
  ]);

  // Undo puts back what was read, and the board is checked again.
  await panel.getByRole('button', { name: 'Undo this change' }).click();
  await expect(panel).toContainText(
    "Undone: SMTP AUTH for admin@contoso.example is back to: not set for this mailbox (it follows the organization's setting).",
  );
  await expect(board(page).locator('[data-check="smtp-login"]')).toContainText('Failed');

  // The practice admin center lists the change and its undo, made through Exchange's admin API.
  const [center] = await Promise.all([
    page.waitForEvent('popup'),
    panel
      .getByRole('button', { name: 'See every change the wizard made (practice admin center)' })
      .click(),
  ]);
  const rows = center.getByRole('table', { name: 'Changes made by the wizard' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(
    'admin@contoso.exampleMailbox admin@contoso.exampleSmtpClientAuthenticationDisabled(not set: follows the organization)False',
  );
  await expect(rows.nth(1)).toContainText(
    'SmtpClientAuthenticationDisabledFalse(not set: follows the organization) (takes back the change of',
  );
  await expect(rows.nth(1)).toContainText('Exchange admin API: InvokeCommand Set-CASMailbox');
});

test('in Ukrainian, from the troubleshooter: the same offer asks for the permission first', async ({
  page,
  request,
}) => {
  await resetProgress(request, wizard, { language: 'uk', step: 'verify-tenant' });
  await openWizard(page, wizard);
  await page.getByRole('banner').getByRole('button', { name: 'Щось перестало працювати?' }).click();
  await page
    .getByRole('radio', { name: 'Відповідь поштового сервера (наприклад, 535 5.7.139 …)' })
    .check();
  await page
    .getByLabel('Відповідь сервера, як показано')
    .fill(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
    );
  await page.getByRole('button', { name: 'Пояснити' }).click();
  await page
    .getByRole('button', { name: 'Зробіть це за мене: увімкнути SMTP AUTH для поштової скриньки' })
    .click();
  const panel = page.getByRole('region', {
    name: 'Увімкнути SMTP AUTH для поштової скриньки (це зробить майстер)',
  });
  await expect(panel).toContainText('(Exchange.Manage). Він просить його лише зараз');
  await expect(panel.getByRole('button', { name: 'Дозволити в браузері' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'uk/do-it-for-me-troubleshooter');
});
