/**
 * The printer steps on bad input: a printer that stops answering (and "Find it again"), a
 * status sheet that does not match (each mismatch names its fix and the screen to go back to),
 * and the practice sheet read before the printer was set up.
 */
import { journeySteps } from '../../shared/model';
import type { Page } from '@playwright/test';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';

async function choosePracticePrinter(page: Page): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Find the printer/ })
    .click();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) });
  await card.getByRole('checkbox', { name: /Use this printer/ }).check();
}

const openStep = (page: Page, name: RegExp) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

test.beforeEach(async ({ request, wizard }) => {
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
  await resetProgress(request, wizard);
});

test('a printer that stops answering is named, and Find it again finds it', async ({
  page,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  await choosePracticePrinter(page);
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'none' });
  await openStep(page, /Set up the printer/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The printer does not answer at' }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expectNoAxeViolations(page, 'set-up-printer gone');
  await screenshot(page, 'en/printer-gone');
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
  await page.getByRole('button', { name: 'Find it again' }).click();
  await expect(page.getByTestId('printer-answers')).toContainText('127.0.0.1', { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'does not answer' })).toHaveCount(0);
  // Nobody signed in yet: the step says which mailbox it will be, and where to sign in.
  await expect(page.getByTestId('account-to-use')).toContainText(
    'the mailbox the printer should send from',
  );
  await expect(page.getByRole('button', { name: 'Sign in to the wizard first' })).toBeVisible();
});

test('the status sheet: a mismatch names its fix, and the unset practice printer fails', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await choosePracticePrinter(page);
  await openStep(page, /Check the status sheet/);
  await expect(
    page.getByText(
      'Settings > General Settings > Network Settings > Network Status > Email Server Status',
      { exact: false },
    ),
  ).toBeVisible();
  // "Does it match?" first: each line with what it should show, and no radio buttons yet.
  const sheetCard = page.getByRole('region', { name: 'Does your sheet show this?' });
  await expect(sheetCard.getByTestId('sheet-expected').locator('dt')).toHaveCount(9);
  await expect(
    sheetCard.getByTestId('sheet-expected').locator('[data-field="authentication-method"]'),
  ).toContainText('OAuth2');
  await expect(sheetCard.getByRole('radio')).toHaveCount(0);
  await expectNoAxeViolations(page, 'status-sheet does it match');
  await screenshot(page, 'en/printer-status-sheet-does-it-match');
  await page.getByRole('button', { name: 'Everything on my sheet matches' }).click();
  await expect(page.getByTestId('status-sheet-passed')).toBeVisible();
  // Something differs after all: the line-by-line comparison opens with the person's answers.
  await page.getByRole('button', { name: 'Something is different' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Compare each line' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Matches', checked: true })).toHaveCount(9);
  const sender = page.locator('[data-field="sender-address"]');
  await sender.getByLabel('A different address').check();
  await expect(sender.getByRole('alert')).toContainText('5.7.60 SendAsDenied');
  await expect(page.getByTestId('status-sheet-passed')).toHaveCount(0);
  const board = page.getByRole('complementary');
  await expect(board.locator('[data-check="status-sheet"]')).toHaveClass(/board-failed/);
  await page.locator('[data-field="certificate-validation"]').getByLabel('Disable').check();
  await expect(
    page.locator('[data-field="certificate-validation"]').getByRole('alert'),
  ).toContainText('Certificate Validation is off.');
  await expectNoAxeViolations(page, 'status-sheet mismatch');
  await screenshot(page, 'en/printer-status-sheet-mismatch');

  // The practice printer as shipped: SMTP-AUTH, not signed in, port 25.
  await page.getByRole('button', { name: "Read the practice printer's sheet" }).click();
  await expect(
    page.locator('[data-field="authentication-method"]').getByRole('alert'),
  ).toContainText('Authentication Method is not OAuth2.');
  await expect(page.locator('[data-field="smtp-port"]').getByLabel('25')).toBeChecked();
  await page.getByRole('button', { name: 'Go back to Set up the printer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Set up the printer' })).toBeVisible();
});

test('the printer steps in Ukrainian use the guide’s own labels', async ({ page, wizard }) => {
  await openWizard(page, wizard);
  await choosePracticePrinter(page);
  // The language is chosen in the top bar, as a person does.
  const rail = page.getByRole('navigation').getByRole('button');
  await page.getByRole('banner').getByRole('combobox').selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await rail.nth(journeySteps.indexOf('set-up-printer')).click();
  await expect(page.getByText('Вкладка Мережа > Сервер ел. пошти > Основні.')).toBeVisible();
  await expect(
    page.getByText(
      /установіть прапорець «Погодитися від імені організації \(Consent on behalf of organization\)»/,
    ),
  ).toBeVisible();
  await expect(page.getByTestId('printer-answers')).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page, 'set-up-printer uk');
  await screenshot(page, 'uk/printer-set-up');
  await rail.nth(journeySteps.indexOf('status-sheet')).click();
  await expect(page.getByText('Метод ідентифікації', { exact: true })).toBeVisible();
  await expect(page.getByText(/Стан серв\. ел\. пошти/)).toBeVisible();
  await expectNoAxeViolations(page, 'status-sheet uk');
  await screenshot(page, 'uk/printer-status-sheet');
});

test('two printers: each is set up and checked in turn, and the board counts both', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openStep(page, /Find the printer/);
  for (const name of ['EPSON ET-2850 Series', 'EPSON WF-C5790 Series']) {
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name }) })
      .getByRole('checkbox', { name: /Use this printer/ })
      .check();
  }
  const board = page.getByRole('complementary', { name: 'Status board' });
  const picker = page.getByRole('group', { name: 'Printer' });
  const chosen = (name: string) => picker.getByRole('radio', { name: new RegExp(name) });

  // Set up: confirming the first moves on to the second; the second moves on to the sheet.
  await openStep(page, /Set up the printer/);
  await expect(chosen('ET-2850')).toBeChecked();
  await page.getByRole('button', { name: 'It shows Signed in' }).click();
  await expect(chosen('WF-C5790')).toBeChecked();
  await expect(board.locator('[data-check="printer-signed-in"]')).toContainText('1/2');
  await expect(board.locator('[data-check="printer-signed-in"]')).toContainText('Needs attention');
  await page.getByRole('button', { name: 'It shows Signed in' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Check the status sheet' }),
  ).toBeVisible();
  await expect(board.locator('[data-check="printer-signed-in"]')).toContainText('2/2');
  await expect(board.locator('[data-check="printer-signed-in"]')).toContainText('Passed');

  // Status sheet: each printer shows its sheet's result here, not its sign-in.
  await expect(chosen('WF-C5790')).toHaveAccessibleName(/Not run yet/);
  // The first matches, the wizard offers the second, which matches too.
  await picker.getByRole('radio', { name: /ET-2850/ }).check();
  await page.getByRole('button', { name: 'Everything on my sheet matches' }).click();
  await expect(page.getByTestId('status-sheet-passed')).toContainText('EPSON ET-2850 Series');
  await expect(board.locator('[data-check="status-sheet"]')).toContainText('1/2');
  await expectNoAxeViolations(page, 'status sheet, next printer');
  await screenshot(page, 'en/status-sheet-next-printer');
  await page.getByRole('button', { name: 'Next printer: EPSON WF-C5790 Series' }).click();
  await expect(chosen('WF-C5790')).toBeChecked();
  await expect(chosen('ET-2850')).toHaveAccessibleName(/Passed/);
  await expect(page.getByTestId('status-sheet-passed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Everything on my sheet matches' }).click();
  await expect(page.getByTestId('status-sheet-passed')).toContainText('EPSON WF-C5790 Series');
  await expect(page.getByRole('button', { name: /^Next printer/ })).toHaveCount(0);
  await expect(board.locator('[data-check="status-sheet"]')).toContainText('2/2');
  await expect(board.locator('[data-check="status-sheet"]')).toContainText('Passed');
});
