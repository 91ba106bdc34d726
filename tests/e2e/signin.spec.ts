/**
 * The Sign in step in the real UI (browser shell, practice world): the code, the practice
 * sign-in page opened from the wizard in a new tab, consent, the account and role shown; a
 * non-admin account gets the consent problem with its fix. Every HTTP reply and WebSocket
 * message the shell sends to the page is captured and searched for anything secret.
 */
import { journeySteps } from '../../shared/model';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { axeOn } from './axe';
import { callApi, finishBrowserSignIn, resetProgress } from './helpers';

/** Everything that looks like a token, refresh token or device code. */
const secretPatterns = [
  /eyJ[\w-]{8,}\.[\w-]{8,}\./, // JWT (access or id token)
  /refresh_token|access_token|device_code|"secret"/i,
  /[A-Za-z0-9_-]{40,}/, // long opaque values (refresh tokens, device codes)
];

function captureTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/api/')) return;
    void response.text().then(
      (text) => seen.push(text),
      () => {},
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => seen.push(String(frame.payload)));
  });
  return seen;
}

async function approveInNewTab(
  context: BrowserContext,
  page: Page,
  options: { account: string; organization: boolean },
): Promise<Page> {
  const code = (await page.getByTestId('user-code').textContent())?.trim() ?? '';
  const [signInPage] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open sign-in page' }).click(),
  ]);
  await signInPage.waitForLoadState();
  await expect(signInPage.getByRole('heading', { name: 'Enter code' })).toBeVisible();
  await signInPage.getByLabel('Code').fill(code);
  await signInPage.getByRole('button', { name: 'Next' }).click();
  await signInPage.getByRole('button', { name: 'Continue' }).click();
  await signInPage.getByRole('button', { name: new RegExp(options.account) }).click();
  await signInPage.getByLabel('Password').fill('practice');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  const consent = signInPage.getByRole('heading', { name: 'Permissions requested' });
  if (await consent.isVisible()) {
    if (options.organization) {
      await signInPage.getByLabel('Consent on behalf of your organization').check();
    }
    await signInPage.getByRole('button', { name: 'Accept' }).click();
  }
  return signInPage;
}

/** The language switcher lives on the Welcome step; the sign-in state stays in the main process. */
async function switchLanguage(page: Page, language: string): Promise<void> {
  const rail = page.getByRole('navigation').getByRole('button');
  await rail.nth(0).click();
  await page.getByRole('combobox').first().selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await rail.nth(journeySteps.indexOf('sign-in')).click();
}

async function openSignInStep(page: Page, wizard: WizardProcess): Promise<void> {
  await openWizard(page, wizard);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Sign in/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
}

test.describe('sign-in step', () => {
  let wizard: WizardProcess;
  test.beforeEach(async ({ request }) => {
    wizard = await startWizard({ demo: true });
    await resetProgress(request, wizard, { step: 'sign-in', visited: ['welcome', 'sign-in'] });
  });
  test.afterEach(async () => {
    await wizard.stop();
  });

  test('an administrator signs in with consent and the wizard shows account and role', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const traffic = captureTraffic(page);
    await openSignInStep(page, wizard);
    await expect(page.getByRole('heading', { name: 'What Microsoft will ask next' })).toBeVisible();
    await expect(page.getByText('"Consent on behalf of organization"').first()).toBeVisible();
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-1-start');

    await page.getByRole('button', { name: 'Start sign-in' }).click();
    const code = page.getByTestId('user-code');
    await expect(code).toHaveText(/^[A-Z0-9]{9}$/);
    await expect(page.getByTestId('signin-countdown')).toContainText(/expires in 1[45]:\d\d/);
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect(page.getByText('Code copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await code.textContent(),
    );
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-2-code');

    const signInPage = await approveInNewTab(context, page, {
      account: 'admin@contoso.example',
      organization: true,
    });
    await expect(signInPage.getByText('You may now close this window')).toBeVisible();
    await signInPage.close();

    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(page.getByTestId('signin-account')).toHaveText(
      'Alex Admin (admin@contoso.example)',
    );
    await expect(page.getByTestId('signin-tenant')).toContainText('Contoso (practice)');
    await expect(page.getByTestId('signin-role')).toContainText(
      'Yes: this account is a Global Administrator',
    );
    const board = page.getByRole('complementary', { name: 'Status board' });
    await expect(board.locator('[data-check="signed-in"]')).toContainText('Passed');
    await expect(board.locator('[data-check="consent-role"]')).toContainText('Passed');
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-3-signed-in');

    // The same screen in Ukrainian.
    await switchLanguage(page, 'uk');
    await expect(page.getByTestId('signin-role')).toContainText('Глобальний адміністратор');
    await screenshot(page, 'uk/signin-3-signed-in');
    await switchLanguage(page, 'en');

    // Sign out and forget.
    await page.getByRole('button', { name: 'Sign out and forget' }).click();
    await expect(page.getByRole('button', { name: 'Start sign-in' })).toBeVisible();

    // Nothing secret reached the page, the logs or the saved state.
    const everything = [
      ...traffic,
      wizard.output(),
      ...readdirSync(wizard.configDir).map((file) =>
        readFileSync(path.join(wizard.configDir, file), 'utf8'),
      ),
    ];
    expect(traffic.length).toBeGreaterThan(5);
    for (const text of everything) {
      for (const pattern of secretPatterns) expect(text).not.toMatch(pattern);
    }
  });

  test('a plain user gets the consent problem and its fix; Cancel returns at once', async ({
    page,
    context,
  }) => {
    await openSignInStep(page, wizard);
    await page.getByRole('button', { name: 'Start sign-in' }).click();
    await expect(page.getByTestId('user-code')).toBeVisible();
    // Cancel: the screen is back at once.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Start sign-in' })).toBeVisible({
      timeout: 1000,
    });

    await page.getByRole('button', { name: 'Start sign-in' }).click();
    await expect(page.getByTestId('user-code')).toBeVisible();
    const signInPage = await approveInNewTab(context, page, {
      account: 'megan@contoso.example',
      organization: false,
    });
    await expect(signInPage.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
    await signInPage.close();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'An administrator must consent for the organization first (AADSTS90094).',
    );
    await expect(alert).toContainText('select "Consent on behalf of organization"');
    const board = page.getByRole('complementary', { name: 'Status board' });
    await expect(board.locator('[data-check="signed-in"]')).toContainText('Failed');
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-4-consent-problem');

    await switchLanguage(page, 'zh-TW');
    await expect(page.getByRole('alert')).toContainText('代表組織同意');
    await screenshot(page, 'zh-TW/signin-4-consent-problem');
  });

  test("AADSTS53003 in Microsoft's words: the browser sign-in right there, then What If names the policy", async ({
    page,
    context,
    request,
  }) => {
    // Microsoft's managed "Block device code flow" policy, on: the code sign-in is refused.
    await callApi(request, wizard, 'setPracticeSwitch', {
      id: 'tenant',
      value: 'device-code-blocked',
    });
    await callApi(request, wizard, 'setPracticeSwitch', {
      id: 'conditionalAccess',
      value: 'managed-on',
    });
    await openSignInStep(page, wizard);
    await page.getByRole('button', { name: 'Start sign-in' }).click();
    await expect(page.getByTestId('user-code')).toBeVisible();
    const signInPage = await approveInNewTab(context, page, {
      account: 'admin@contoso.example',
      organization: true,
    });
    await expect(
      signInPage.getByText(
        'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
        { exact: false },
      ),
    ).toBeVisible();
    await signInPage.close();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'A Conditional Access policy blocked the sign-in with a code (AADSTS53003).',
    );
    await expect(alert).toContainText('"Block device code flow" policy');
    await expect(page.getByRole('heading', { name: 'Sign in through the browser' })).toBeVisible();
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-5-code-blocked');

    const [browserPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the sign-in page' }).click(),
    ]);
    await expect(browserPage.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
    // The refused code sign-in never reached consent: Microsoft asks for it now.
    await finishBrowserSignIn(browserPage, 'asked');

    const section = page.getByTestId('signin-blocking-policy');
    await expect(
      section.getByRole('heading', { name: 'Which policy blocks the printer?' }),
    ).toBeVisible();
    await expect(section).toContainText(
      'You signed in through the browser as admin@contoso.example.',
    );
    await expect(page.getByTestId('signin-account')).toHaveText(
      'Alex Admin (admin@contoso.example)',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await section
      .getByRole('button', { name: 'Check the Conditional Access policies now' })
      .click();
    const outcome = section.getByTestId('remedy-outcome');
    await expect(outcome).toContainText(
      'The Conditional Access policy "Microsoft-managed: Block device code flow" blocks the printer\'s sign-in.',
    );
    await expect(outcome).toContainText("exclude the printer's mailbox (Users > Exclude)");
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-6-blocking-policy');

    await switchLanguage(page, 'uk');
    await expect(page.getByRole('heading', { name: 'Яка політика блокує принтер?' })).toBeVisible();
    await screenshot(page, 'uk/signin-6-blocking-policy');
  });
});

test('no keychain: the step says the sign-in is kept only for this run', async ({
  page,
  context,
  request,
}) => {
  const wizard = await startWizard({ demo: true });
  try {
    await resetProgress(request, wizard, { step: 'sign-in', visited: ['welcome', 'sign-in'] });
    await callApi(request, wizard, 'setPracticeSwitch', { id: 'keychain', value: 'missing' });
    await openSignInStep(page, wizard);
    await page.getByRole('button', { name: 'Start sign-in' }).click();
    await approveInNewTab(context, page, { account: 'admin@contoso.example', organization: true });
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(page.getByTestId('signin-memory-only')).toContainText(
      'This sign-in is kept only until you close the wizard.',
    );
    await expect(page.getByTestId('signin-memory-only')).toContainText(
      'No keychain service is running on this computer',
    );
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-5-memory-only');
  } finally {
    await wizard.stop();
  }
});

test('without a client ID the step explains how to register one, and the setting is checked', async ({
  page,
  request,
}) => {
  // Not practice mode, no client ID: nothing is sent anywhere; the step only explains.
  const real = await startWizard({ demo: false, env: { WIZARD_CLIENT_ID: '' } });
  try {
    // Not practice mode: the wizard is moved the way the page moves it, by an intent.
    await callApi(request, real, 'goToStep', { step: 'sign-in' });
    await openWizard(page, real);
    await expect(
      page.getByRole('heading', { name: 'The wizard needs its own Microsoft app first' }),
    ).toBeVisible();
    await expect(page.getByText('set "Allow public client flows" to Yes')).toBeVisible();
    await expect(page.getByText('Office 365 Exchange Online: SMTP.Send')).toBeVisible();
    await expect(page.getByTestId('client-id-in-use')).toHaveText('No client ID is set.');
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-0-no-client-id');

    const field = page.getByLabel('Application (client) ID');
    await field.fill('my-app');
    await page.getByRole('button', { name: 'Save client ID' }).click();
    await expect(page.getByRole('alert')).toContainText('That is not a client ID: my-app');

    await field.fill('3F2504E0-4F89-41D3-9A0C-0305E82C3301');
    await page.getByRole('button', { name: 'Save client ID' }).click();
    await expect(page.getByTestId('client-id-in-use')).toHaveText(
      'In use: 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (saved on this screen).',
    );
    await expect(page.getByRole('button', { name: 'Start sign-in' })).toBeVisible();

    await switchLanguage(page, 'ca');
    await page
      .getByText("Configuració: l'aplicació de Microsoft de l'assistent (ID de client)")
      .click();
    await page.getByLabel("ID de l'aplicació (client)").fill('');
    await page.getByRole('button', { name: "Desa l'ID de client" }).click();
    await expect(
      page.getByRole('heading', {
        name: "Primer, l'assistent necessita la seva pròpia aplicació de Microsoft",
      }),
    ).toBeVisible();
    await screenshot(page, 'ca/signin-0-no-client-id');
  } finally {
    await real.stop();
  }
});
