/**
 * What the main process owns lives in one renderer store, asked for once at start and fed by
 * the pushed events: walking through every screen that shows the sign-in or the Exchange
 * setup asks main once for each; and a sign-in status still on its way reads as "asking",
 * never as "nobody is signed in".
 */
import type { Page } from '@playwright/test';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, test } from './fixtures';
import { resetProgress, signInThroughApi } from './helpers';

let wizard: WizardProcess;
test.beforeEach(async ({ request }) => {
  wizard = await startWizard({ demo: true });
  await resetProgress(request, wizard);
  await signInThroughApi(request, wizard);
});
test.afterEach(async () => {
  await wizard.stop();
});

async function openStep(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

async function openPrintAdminGuide(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: 'Something stopped working?' })
    .click();
  await page.getByRole('button', { name: 'Epson Print Admin Serverless: To My Email' }).click();
}

test('each value main owns is asked for once, however many screens show it', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/(\w+)$/.exec(request.url())?.[1];
    if (method) asked.push(method);
  });
  await openWizard(page, wizard);
  await openStep(page, 'Sign in');
  await expect(page.getByTestId('signin-account')).toContainText('admin@contoso.example');
  await openStep(page, 'Prepare Exchange Online');
  // The admin-page buttons are folded "For IT" in each switch's card.
  await page
    .getByRole('region', { name: '1. Security defaults' })
    .getByText('For IT: the clicks, PowerShell and admin-center buttons')
    .click();
  await expect(page.getByRole('button', { name: /Open the Entra admin center/ })).toBeVisible();
  await openStep(page, 'Check Exchange Online');
  // The Exchange setup reached the step: its server and port are in the "For IT" detail.
  const forIt = page.getByTestId('verify-for-it');
  await forIt.getByText('For IT: server, port and protocols').click();
  await expect(forIt.getByText(/^The wizard connects to \S+ on port \d+/)).toBeVisible();
  await openStep(page, 'Sign in');
  await openPrintAdminGuide(page);
  await expect(page.getByTestId('consent-role')).toContainText('Global Administrator');

  expect(asked.filter((method) => method === 'getSignInStatus')).toHaveLength(1);
  expect(asked.filter((method) => method === 'getExchangeSetup')).toHaveLength(1);
});

test('a sign-in status still on its way reads as asking, never as signed out', async ({
  page,
  request,
}) => {
  await resetProgress(request, wizard, { step: 'sign-in', visited: ['welcome', 'sign-in'] });
  // A slow keychain: main answers the sign-in status only when the test says so.
  let answer = (): void => {};
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/getSignInStatus', async (route) => {
    await held;
    await route.continue();
  });
  await openWizard(page, wizard);
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Asking the wizard about the sign-in…')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start sign-in' })).toHaveCount(0);

  await openPrintAdminGuide(page);
  await expect(page.getByText('Asking the wizard about the sign-in…')).toBeVisible();
  await expect(page.getByText(/Nobody is signed in to the wizard/)).toHaveCount(0);

  answer();
  await expect(page.getByTestId('consent-role')).toContainText('Global Administrator');
  await expect(page.getByText(/Nobody is signed in to the wizard/)).toHaveCount(0);
});
