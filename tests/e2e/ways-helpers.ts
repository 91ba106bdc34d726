/**
 * What the specs of the ways to keep sending share: the practice switches they reset, Find
 * the printer with the practice Brother whose email settings have no OAuth 2.0, the Brother's
 * own web page (Web Based Management) where the way's settings are entered and its Send Test
 * E-mail, and opening a step from the rail.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { journeySteps, type StepId } from '../../shared/model';
import { defaultPracticeSettings, type PracticeSwitchId } from '../../shared/practice';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import type { WizardProcess } from '../support/wizard-process';
import { expect, screenshot } from './fixtures';
import { callApi, finishBrowserSignIn, resetProgress } from './helpers';
import type { wordsOf } from './journey-steps';

export const waySwitches: PracticeSwitchId[] = [
  'mx',
  'port25',
  'directSend',
  'connector',
  'hveAccount',
  'passwordLogin',
  'smtpAuthOrganization',
];

export async function setSwitch(
  request: APIRequestContext,
  wizard: WizardProcess,
  id: PracticeSwitchId,
  value: string,
): Promise<void> {
  await callApi(request, wizard, 'setPracticeSwitch', { id, value });
}

/** Three practice printers, every way switch at its default, the journey at Find the printer. */
export async function resetWays(request: APIRequestContext, wizard: WizardProcess): Promise<void> {
  await setSwitch(request, wizard, 'printers', 'three');
  const defaults = defaultPracticeSettings();
  for (const id of waySwitches) await setSwitch(request, wizard, id, defaults[id]);
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
  });
}

export const brother = 'Brother MFC-L2750DW series';

/** Find the printer: use the practice Brother and say its email settings have no OAuth 2.0. */
export async function chooseBrotherWithoutOauth(
  page: Page,
  w: ReturnType<typeof wordsOf>,
): Promise<void> {
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: brother, exact: true }) });
  await card.getByRole('checkbox', { name: w('discovery:card.use') }).check();
  await card.getByRole('button', { name: w('discovery:oauth.overrule') }).click();
  await expect(card.getByTestId('oauth-verdict')).toHaveAttribute('data-verdict', 'not-offered');
  // Next: a printer that needs another way goes through "Choose a way to keep sending".
  await page
    .locator('.step-nav')
    .getByRole('button', { name: w('step.next') })
    .click();
  await expect(page.locator('#step-title')).toHaveText(w('steps.keep-sending.title'));
  await expect(page.getByTestId('way-need')).toHaveAttribute('data-need', 'needed');
}

export async function openStep(page: Page, step: StepId, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button').nth(journeySteps.indexOf(step)).click();
  await expect(page.locator('#step-title')).toHaveText(title);
  await expect(page.locator('.step-loading')).toHaveCount(0);
}

type Words = ReturnType<typeof wordsOf>;

/**
 * Set up the printer: "Open Web Based Management" opens the Brother's own page; the person logs
 * in and types what the wizard shows by the Brother's names (its Server Authentication Method
 * offers None and SMTP-AUTH, no OAuth 2.0), then Submit. Returns the Brother's page, still open.
 */
export async function enterOnBrotherPage(
  page: Page,
  w: Words,
  accountPassword?: string,
  /** Screenshots under this folder (a language), when given. */
  shots?: string,
): Promise<Page> {
  if (shots) await screenshot(page, `${shots}/brother-set-up-printer`);
  const shown = page.getByTestId('brother-settings');
  const value = (field: string): Promise<string> =>
    shown.locator(`[data-brother-field="${field}"]`).innerText();
  const [brotherPage] = await Promise.all([
    page.waitForEvent('popup'),
    page
      .getByRole('button', {
        name: w('printer:setup.openWebConfig', { page: w('ways:setup.brother.page') }),
      })
      .click(),
  ]);
  await brotherPage.getByLabel('Login', { exact: true }).fill(practicePrinterAdminPassword);
  await brotherPage.getByRole('button', { name: 'Login' }).click();
  const methods = brotherPage.getByRole('radiogroup', { name: 'Server Authentication Method' });
  // What the person said on the card: no OAuth 2.0 among the printer's own choices.
  await expect(methods.getByRole('radio')).toHaveCount(2);
  await expect(methods).not.toContainText('OAuth');
  const field = (label: string) => brotherPage.getByLabel(label, { exact: true });
  await field('Server Address').fill(await value('server'));
  await field('SMTP Port').fill(await value('port'));
  await methods.getByRole('radio', { name: await value('authentication'), exact: true }).check();
  await field('SSL/TLS').selectOption(await value('ssl-tls'));
  if (accountPassword !== undefined) {
    await field('SMTP-AUTH Account Name').fill(await value('account'));
    await field('SMTP-AUTH Account Password').fill(accountPassword);
  }
  await field('Device E-mail Address').fill(await value('sender'));
  await brotherPage.getByRole('button', { name: 'Submit' }).click();
  await expect(brotherPage.getByRole('status')).toHaveText('The settings were saved.');
  if (shots) await screenshot(brotherPage, `${shots}/brother-web-based-management`);
  return brotherPage;
}

/**
 * The test scan, as the person sends it: the wizard watches the mailbox (signing in to it first
 * when nothing is signed in yet: the printer on a way signs in to nothing), then "Send Test
 * E-mail" on the Brother's page to that mailbox, and the watch sees it arrive from the
 * printer's sender.
 */
export async function testScanFromBrother(
  page: Page,
  request: APIRequestContext,
  wizard: WizardProcess,
  w: Words,
  brotherPage: Page,
): Promise<void> {
  const part = page.getByTestId('test-message-part');
  // Nothing from an earlier journey: the board's third row waits for this scan.
  const scanRow = page.getByRole('complementary').locator('[data-row="test-scan"]');
  await expect(scanRow).not.toHaveClass(/board-passed/);
  // The part says how a Brother sends its test: Send Test E-mail on its own page.
  await expect(part.getByTestId('test-message-steps')).toContainText('Send Test E-mail');
  await expect(part.getByRole('button', { name: w('delivery:practiceBrotherPage') })).toBeVisible();
  await part.getByRole('button', { name: w('delivery:watch') }).click();
  const watching = part.getByTestId('test-message-state').locator('.hint');
  const signIn = part.getByRole('button', { name: w('delivery:signInToWatch') });
  await expect(watching.or(signIn)).toBeVisible();
  if (await signIn.isVisible()) {
    const [microsoft] = await Promise.all([page.context().waitForEvent('page'), signIn.click()]);
    await finishBrowserSignIn(microsoft, 'if-asked');
  }
  await expect(watching).toBeVisible();
  const watches = (await callApi(request, wizard, 'getTestWatches', {})) as {
    value: Record<string, { mailbox: string }>;
  };
  const mailbox = Object.values(watches.value)[0]?.mailbox ?? '';
  expect(mailbox).toContain('@');
  await brotherPage.bringToFront();
  await brotherPage.getByLabel('Destination E-mail Address').fill(mailbox);
  await brotherPage.getByRole('button', { name: 'Send Test E-mail' }).click();
  await expect(brotherPage.locator('[data-field="test-result"]')).toHaveAttribute(
    'data-ok',
    'true',
  );
  await brotherPage.close();
  await expect(part.getByTestId('test-message-result')).toHaveAttribute('data-outcome', 'arrived');
}
