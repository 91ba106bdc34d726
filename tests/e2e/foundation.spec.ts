import AxeBuilder from '@axe-core/playwright';
import { journeySteps, statusChecks } from '../../shared/model';
import { startWizard } from '../support/wizard-process';
import { expect, openWizard, test } from './fixtures';
import { resetProgress } from './helpers';

const stepTitles: Record<(typeof journeySteps)[number], string> = {
  welcome: 'Welcome',
  'find-printer': 'Find the printer',
  'prepare-exchange': 'Prepare Exchange Online',
  'sign-in': 'Sign in',
  'verify-tenant': 'Check Exchange Online',
  'set-up-printer': 'Set up the printer',
  'status-sheet': 'Check the status sheet',
  done: 'Done',
};

test.beforeEach(async ({ request, wizard }) => {
  await resetProgress(request, wizard);
});

test('the wizard loads with the rail, the status board and the practice banner', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Printer Mail Setup Wizard');
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button')).toHaveCount(
    journeySteps.length,
  );
  const board = page.getByRole('complementary', { name: 'Status board' });
  // One line per check the board sums up (shared/model.ts), none run yet.
  await expect(board.getByText('Not run yet')).toHaveCount(statusChecks.length);
  await expect(page.getByText('Practice mode.')).toBeVisible();
  // The token left the address bar (kept in this tab's sessionStorage).
  expect(page.url()).not.toContain('token=');
});

test('every step is reachable from the rail and with Next, and says it is practice', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  const rail = page.getByRole('navigation', { name: 'Steps' });
  for (const step of journeySteps) {
    await rail.getByRole('button', { name: new RegExp(stepTitles[step]) }).click();
    await expect(page.getByRole('heading', { level: 2, name: stepTitles[step] })).toBeVisible();
    await expect(page.getByText('Practice mode.')).toBeVisible();
    await expect(rail.getByRole('button', { name: new RegExp(stepTitles[step]) })).toHaveAttribute(
      'aria-current',
      'step',
    );
  }
  await rail.getByRole('button', { name: /Welcome/ }).click();
  for (const step of journeySteps.slice(1)) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: stepTitles[step] })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
});

test('switching the language changes the visible text and is remembered', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('uk');
  await expect(page.locator('#step-title')).not.toHaveText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  const ukrainianTitle = await page.getByRole('heading', { level: 1 }).textContent();
  expect(ukrainianTitle).not.toBe('Printer Mail Setup Wizard');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ukrainianTitle ?? '');
  await page.getByRole('combobox').first().selectOption('zh-TW');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(ukrainianTitle ?? '');
});

test('progress and choices survive a reload and a restart of the wizard', async ({ page }) => {
  const first = await startWizard({ demo: true });
  try {
    await openWizard(page, first);
    await page.getByLabel(/Personal account/).check();
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Sign in/ })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
  } finally {
    await first.stop();
  }
  const second = await startWizard({ demo: true, configDir: first.configDir });
  try {
    await openWizard(page, second);
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Welcome/ })
      .click();
    await expect(page.getByLabel(/Personal account/)).toBeChecked();
  } finally {
    await second.stop();
  }
});

test('the browser shell refuses a wrong or missing token', async ({ playwright, wizard }) => {
  const stranger = await playwright.request.newContext();
  try {
    expect((await stranger.get(`${wizard.origin}/?token=wrong`)).status()).toBe(403);
    const bare = await stranger.post(`${wizard.origin}/api/getAppInfo`, {
      headers: { 'Content-Type': 'application/json' },
      data: '{}',
    });
    expect(bare.status()).toBe(403);
    const api = await stranger.post(`${wizard.origin}/api/getAppInfo`, {
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
      data: '{}',
    });
    expect(api.status()).toBe(403);
    expect(await api.text()).not.toContain('version');
  } finally {
    await stranger.dispose();
  }
});

test('About shows the version, the shell and the keychain state', async ({ page, wizard }) => {
  await openWizard(page, wizard);
  await page.getByRole('button', { name: 'About' }).click();
  const dialog = page.getByRole('dialog', { name: 'About this wizard' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(dialog.getByText('Browser window (browser shell)')).toBeVisible();
  await expect(dialog.getByTestId('about-keychain')).not.toBeEmpty();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the practice keychain switch makes the keychain unavailable, plainly said', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await page.getByText('Practice situations').click();
  await page.getByRole('combobox', { name: 'Keychain' }).selectOption('locked');
  await page.getByRole('button', { name: 'About' }).click();
  const dialog = page.getByRole('dialog', { name: 'About this wizard' });
  await dialog.getByRole('button', { name: 'Check the keychain again' }).click();
  await expect(dialog.getByTestId('about-keychain')).toContainText('Locked');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Keychain' }).selectOption('as-is');
});

test('axe finds no accessibility violations on any step', async ({ page, wizard }) => {
  // Eight full axe runs take 30-40 s here; on a busy two-core machine they passed 60 s.
  test.setTimeout(120_000);
  await openWizard(page, wizard);
  const rail = page.getByRole('navigation', { name: 'Steps' });
  for (const step of journeySteps) {
    await rail.getByRole('button', { name: new RegExp(stepTitles[step]) }).click();
    await expect(page.getByRole('heading', { level: 2, name: stepTitles[step] })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, `${step}: ${JSON.stringify(results.violations, null, 1)}`).toEqual(
      [],
    );
  }
});
