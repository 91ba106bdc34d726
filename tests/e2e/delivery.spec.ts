/**
 * "Send a test from the printer", driven like a person from Set up the printer: the practice
 * printer is signed in through its practice Web Config (its own device-code sign-in), the
 * person starts the watch, declines or allows Mail.ReadBasic on the practice consent page,
 * sends one scan to email from the practice printer's panel, and reads the result. Every
 * practice outcome: declined, arrives, arrives late, never arrives, wrong sender.
 *
 * The wizard runs with a short watch and a short "late" (the host's `timing` option, through
 * tests/support/wizard-entry.mjs), so "nothing arrived" takes seconds instead of ten minutes.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { startWizard, type WizardProcess } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { axeOn } from './axe';
import { callApi, resetProgress, signInThroughApi } from './helpers';
import { Actions, signInOnPracticeMicrosoft, wordsOf } from './journey-steps';

// Long enough for a send from the practice panel on a busy two-core machine, short enough
// that "nothing arrived" is seen within the test.
const limitMs = 20_000;
let wizard: WizardProcess;
let page: Page;
let context: BrowserContext;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function expectNoAxeViolations(where: string): Promise<void> {
  const results = await axeOn(page).include('main').analyze();
  expect(results.violations, `${where}: ${JSON.stringify(results.violations, null, 1)}`).toEqual(
    [],
  );
}

const part = () => page.getByTestId('test-message-part');
const result = () => page.getByTestId('test-message-result');

/** The practice printer's panel, opened from the part: one scan to email, as a person sends it. */
async function sendFromPanel(w: ReturnType<typeof wordsOf>): Promise<void> {
  const [panel] = await Promise.all([
    page.waitForEvent('popup'),
    part()
      .getByRole('button', { name: w('delivery:practicePanel') })
      .click(),
  ]);
  await panel.waitForLoadState();
  const watched = await callApi(page.request, wizard, 'getTestWatches', {});
  const watch = Object.values((watched as { value: Record<string, { code: string }> }).value)[0];
  await panel.getByLabel('Recipient').fill('admin@contoso.example');
  await panel.getByLabel('Subject').fill(`Scan ${watch?.code ?? ''}`);
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(panel.getByRole('status')).toHaveText('Sending completed.');
  await panel.close();
}

/**
 * Microsoft's page answers the wizard by sending the browser to the wizard's loopback address,
 * which then says to go back to the wizard. Closing the tab before that would leave the wizard
 * waiting for an answer that never comes (as it would for a person who closes it too early).
 */
async function closeOnceBackAtTheWizard(consentPage: Page): Promise<void> {
  await expect(consentPage.getByText(/go back to the wizard/i)).toBeVisible();
  await consentPage.close();
}

/** Allow in the part opens Microsoft's page: the signed-in admin signs in there. */
async function signInForPermission(
  w: ReturnType<typeof wordsOf>,
  permission: Locator,
): Promise<Page> {
  const [consentPage] = await Promise.all([
    context.waitForEvent('page'),
    permission.getByRole('button', { name: w('delivery:permission.allow') }).click(),
  ]);
  await consentPage.getByRole('button', { name: /admin@contoso\.example/ }).click();
  await consentPage.getByLabel('Password').fill('practice');
  await consentPage.getByRole('button', { name: 'Sign in' }).click();
  return consentPage;
}

async function startWatch(w: ReturnType<typeof wordsOf>): Promise<void> {
  const again = part().getByRole('button', { name: w('delivery:watchAgain') });
  const first = part().getByRole('button', { name: w('delivery:watch') });
  await ((await again.isVisible()) ? again : first).click();
}

async function useLanguage(language: 'en' | 'uk'): Promise<ReturnType<typeof wordsOf>> {
  const w = wordsOf(language);
  await callApi(page.request, wizard, 'setPracticeProgress', {
    ...((await callApi(page.request, wizard, 'getProgress', {})) as { value: object }).value,
    language,
  });
  await page.reload();
  await expect(part()).toBeVisible();
  return w;
}

test.beforeAll(async ({ browser }) => {
  wizard = await startWizard({
    demo: true,
    timing: { testWatchLimitMs: limitMs, testWatchPollMs: 300, practiceLateMs: 2000 },
  });
  context = await browser.newContext();
  page = await context.newPage();
  const request = page.request;
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'smtpAuthOrganization', value: 'on' });
  await resetProgress(request, wizard);
  await callApi(request, wizard, 'signOut', {});
  await signInThroughApi(request, wizard);
});

test.afterAll(async () => {
  await callApi(page.request, wizard, 'signOut', {}).catch(() => {});
  await context.close();
  await wizard.stop();
});

test('set up the printer, then the part asks for the mail permission; declined, the person says', async () => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Find the printer/ })
    .click();
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) })
    .getByRole('checkbox', { name: /Use this printer/ })
    .check();
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Set up the printer/ })
    .click();

  // The practice printer signs in with its own device code in its practice Web Config.
  const [webConfig] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: /Open Web Config/ }).click(),
  ]);
  await webConfig.getByLabel('Current password').fill(practicePrinterAdminPassword);
  await webConfig.getByRole('button', { name: 'OK' }).click();
  await webConfig.getByLabel('Authentication Method').selectOption('OAuth2');
  await webConfig.getByRole('button', { name: 'Sign In' }).click();
  await webConfig.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  const code = ((await webConfig.locator('[data-field="user-code"]').textContent()) ?? '').trim();
  const [microsoft] = await Promise.all([
    context.waitForEvent('page'),
    webConfig.getByRole('link', { name: /devicelogin/ }).click(),
  ]);
  await signInOnPracticeMicrosoft(microsoft, code, new Actions());
  await microsoft.close();
  await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
    timeout: 20_000,
  });
  await webConfig.getByRole('button', { name: 'OK' }).click();
  await expect(webConfig.getByText('Setup complete.')).toBeVisible();
  await webConfig.close();
  await page.getByRole('button', { name: /It shows Signed in/ }).click();

  // The part: the vendor's own steps with the signed-in mailbox.
  await expect(part()).toBeVisible();
  await expect(page.getByTestId('test-message-steps')).toContainText('admin@contoso.example');
  await expect(page.getByTestId('test-message-steps')).toContainText('Scan');
  await startWatch(w);
  const permission = page.getByTestId('test-message-permission');
  await expect(permission).toContainText(w('delivery:state.needsPermission'));

  // Declined on the practice consent page: the wizard works on without it.
  const consentPage = await signInForPermission(w, permission);
  await expect(consentPage.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await expect(consentPage.getByText('Mail.ReadBasic')).toBeVisible();
  await consentPage.getByRole('button', { name: 'Cancel' }).click();
  await closeOnceBackAtTheWizard(consentPage);
  await expect(permission).toContainText(w('delivery:state.declined'));
  await expectNoAxeViolations('test message, permission declined');
  await screenshot(page, 'en/test-message-declined');
  await permission.getByRole('button', { name: w('delivery:confirm.notArrived') }).click();
  await expect(result()).toHaveAttribute('data-outcome', 'seen-by-person');
  await expect(result()).toContainText(w('delivery:result.seenNotArrived'));
  await expect(page.getByTestId('announcer')).toHaveText(w('delivery:result.seenNotArrived'));
  await expect(
    page.getByRole('complementary').locator('[data-check="printer-test-message"]'),
  ).toHaveClass(/board-failed/);
});

test('allowed, then the practice printer sends: Arrived at … from the printer', async () => {
  const w = wordsOf('en');
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'testMessage',
    value: 'arrives',
  });
  await startWatch(w);
  const permission = page.getByTestId('test-message-permission');
  const consentPage = await signInForPermission(w, permission);
  await consentPage.getByRole('button', { name: 'Accept' }).click();
  await closeOnceBackAtTheWizard(consentPage);
  // Allowed: the wizard watches at once, without a second click.
  await expect(part().getByRole('button', { name: w('delivery:stop') })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId('test-message-state')).toContainText('admin@contoso.example');
  await sendFromPanel(w);
  await expect(result()).toHaveAttribute('data-outcome', 'arrived', { timeout: 15_000 });
  await expect(result()).toContainText(
    /Arrived at \d\d:\d\d(?: [AP]M)? from admin@contoso\.example/,
  );
  await expect(
    page.getByRole('complementary').locator('[data-check="printer-test-message"]'),
  ).toHaveClass(/board-passed/);
  await expectNoAxeViolations('test message arrived');
  await screenshot(page, 'en/test-message-arrived');
  // The report records it.
  const report = (await callApi(page.request, wizard, 'buildSetupReport', {
    words: { 'delivery.arrived': 'ARRIVED {{time}} {{from}} {{delay}}' },
  })) as { value: { html: string } };
  expect(report.value.html).toMatch(/ARRIVED \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC admin@contoso/);
});

test('arrives late: the watch keeps looking and says the delay (uk)', async () => {
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'testMessage',
    value: 'arrives-late',
  });
  const w = await useLanguage('uk');
  await startWatch(w);
  await expect(part().getByRole('button', { name: w('delivery:stop') })).toBeVisible();
  await sendFromPanel(w);
  await expect(result()).toHaveAttribute('data-outcome', 'arrived', { timeout: 15_000 });
  const text = (await result().textContent()) ?? '';
  const seconds = Number(/(\d+)/.exec(text.split('admin@contoso.example')[1] ?? '')?.[1]);
  expect(seconds).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations('test message late uk');
  await screenshot(page, 'uk/test-message-arrived-late');
});

test('never arrives: nothing in the limit, with what to look at next (uk)', async () => {
  const w = wordsOf('uk');
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'testMessage',
    value: 'never-arrives',
  });
  await startWatch(w);
  await sendFromPanel(w);
  await expect(result()).toHaveAttribute('data-outcome', 'nothing-arrived', {
    timeout: limitMs + 10_000,
  });
  await expect(result()).toContainText(w('delivery:next.currentStatus'));
  await expect(page.getByTestId('announcer')).toContainText('нічого не надійшло');
  await expect(
    page.getByRole('complementary').locator('[data-check="printer-test-message"]'),
  ).toHaveClass(/board-failed/);
  await expectNoAxeViolations('test message never uk');
  await screenshot(page, 'uk/test-message-nothing');
  // One click into the troubleshooter, where the job log's code is looked up.
  await result()
    .getByRole('button', { name: w('delivery:next.troubleshoot') })
    .click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
});

test('wrong sender: a message from another address is named as such (en)', async () => {
  await callApi(page.request, wizard, 'setPracticeSwitch', {
    id: 'testMessage',
    value: 'wrong-sender',
  });
  const w = await useLanguage('en');
  await startWatch(w);
  await sendFromPanel(w);
  await expect(result()).toHaveAttribute('data-outcome', 'wrong-sender', { timeout: 15_000 });
  await expect(result()).toContainText('megan@contoso.example');
  await expect(result()).toContainText('not from admin@contoso.example');
  await expectNoAxeViolations('test message wrong sender');
  await screenshot(page, 'en/test-message-wrong-sender');
});
