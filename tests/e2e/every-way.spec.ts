/**
 * Every way to keep sending, from Find the printer to Done, driven like a person with the
 * practice world: the practice Brother whose email settings have no OAuth 2.0, the way chosen
 * and proven from this computer, Next passing the sign-in steps by (the rail says they are not
 * needed), the printer's own settings entered, its status sheet compared, and Done naming the
 * way, with the board's "Microsoft 365 ready" row read from the way's proof. The relay on an
 * always-on computer is not installed or proven by the wizard: Done says so, with the address
 * the person typed. One way also in Simplified Chinese. Direct send, High Volume Email and the
 * Simplified Chinese way also go through the Brother's own web page (Web Based Management):
 * the settings entered by its names, then its Send Test E-mail, which the wizard's watch sees
 * arrive, so every row of the board is green.
 */
import type { Page } from '@playwright/test';
import { journeySteps } from '../../shared/model';
import { sendingWays } from '../../shared/sending-ways';
import { expect, openWizard, screenshot, test as base } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { wordsOf } from './journey-steps';
import {
  chooseBrotherWithoutOauth,
  enterOnBrotherPage,
  openStep,
  resetWays,
  setSwitch,
  testScanFromBrother,
} from './ways-helpers';
import type { APIRequestContext } from '@playwright/test';
import { startWizard, type WizardProcess } from '../support/wizard-process';

/**
 * Each test's own wizard, whose mailbox poll is short (the test scan is seen at the next poll:
 * a short one keeps each test short). A test fixture, not the worker option: tests with another
 * worker option wait for workers of their own, after every other test.
 */
const test = base.extend<{ wayWizard: WizardProcess }>({
  // eslint-disable-next-line no-empty-pattern
  wayWizard: async ({}, use) => {
    const wizard = await startWizard({ demo: true, timing: { testWatchPollMs: 300 } });
    await use(wizard);
    await wizard.stop();
  },
});

test.beforeEach(async ({ request, wayWizard: wizard }) => {
  await resetWays(request, wizard);
});

type Words = ReturnType<typeof wordsOf>;

async function next(page: Page, w: Words, title: string): Promise<void> {
  await page
    .locator('.step-nav')
    .getByRole('button', { name: w('step.next') })
    .click();
  await expect(page.locator('#step-title')).toHaveText(title);
}

/**
 * From the chosen way to Done: Next from the way goes straight to Set up the printer (the rail
 * marks the three sign-in steps not needed), the settings are entered, the status sheet shows
 * them, and Done names the way. Returns the Done step's way line.
 */
/** The Brother's own page, for the ways that go through it; its password when SMTP-AUTH. */
interface OnThePrinter {
  request: APIRequestContext;
  wizard: WizardProcess;
  accountPassword?: string;
  /** Screenshots of the Brother's page and the wizard beside it, under this folder. */
  shots?: string;
}

async function fromWayToDone(
  page: Page,
  w: Words,
  field: { server: string; port: string },
  way: 'proven' | 'not-proven' = 'proven',
  onThePrinter?: OnThePrinter,
) {
  await next(page, w, w('steps.set-up-printer.title'));
  const rail = page.getByRole('navigation');
  for (const step of ['prepare-exchange', 'sign-in', 'verify-tenant'] as const) {
    const item = rail.getByRole('button').nth(journeySteps.indexOf(step));
    await expect(item).toHaveClass(/rail-not-needed/);
    await expect(item).toContainText(w('rail.notNeededWhy'));
  }
  // The step speaks of the way's settings, not of OAuth 2.0 or whose app holds consent.
  await expect(page.locator('.step-purpose')).toHaveText(w('steps.set-up-printer.purposeOnAWay'));
  await expect(page.getByRole('button', { name: w('exchange:consentProof.check') })).toHaveCount(0);
  const settings = page.getByTestId('way-settings');
  await expect(settings.locator('[data-field="server"]')).toHaveText(field.server);
  await expect(settings.locator('[data-field="port"]')).toHaveText(field.port);
  const brotherPage = onThePrinter
    ? await enterOnBrotherPage(page, w, onThePrinter.accountPassword, onThePrinter.shots)
    : null;
  // One axe look per screen (the markup is the same in each language): Set up the printer here,
  // the status sheet with the scan arrived in Simplified Chinese.
  if (onThePrinter?.shots === 'en') await expectNoAxeViolations(page, 'set-up-printer, Brother');
  await page.getByRole('button', { name: w('ways:setup.entered') }).click();
  await expect(page.locator('#step-title')).toHaveText(w('steps.status-sheet.title'));
  await page.getByRole('button', { name: w('printer:sheet.sendingWayMatches') }).click();
  await expect(page.getByTestId('status-sheet-passed')).toBeVisible();
  if (onThePrinter && brotherPage) {
    await testScanFromBrother(page, onThePrinter.request, onThePrinter.wizard, w, brotherPage);
    if (onThePrinter.shots) {
      if (onThePrinter.shots === 'zh-CN') {
        await expectNoAxeViolations(page, 'status-sheet, the Brother test scan arrived');
      }
      await screenshot(page, `${onThePrinter.shots}/brother-test-scan-arrived`);
    }
  }
  await expectBoard(page, way, brotherPage !== null);
  await next(page, w, w('steps.done.title'));
  // Done: the sign-in checks say "not needed", and no OAuth 2.0 sign-in can lapse.
  const notNeeded = page.locator('[data-check-state="not-needed"]');
  await expect(notNeeded).toHaveCount(8);
  await expect(notNeeded.first()).toContainText(w('rail.status.not-needed'));
  await expect(page.locator('#done-attention-title')).toHaveCount(0);
  return page.getByTestId('done-way');
}

/**
 * The board (beside every step but Done): a proven way makes "Microsoft 365 ready" and
 * "Printer signed in" green, with the way's check passed; the relay, proven nowhere here, not.
 * With the printer's test scan arrived, "Test scan arrived" is green too.
 */
async function expectBoard(
  page: Page,
  way: 'proven' | 'not-proven',
  scanArrived = false,
): Promise<void> {
  const board = page.getByRole('complementary');
  const microsoft = board.locator('[data-row="microsoft-365"]');
  await expect(microsoft).toHaveAttribute('data-by', 'way');
  await expect(board.locator('[data-row="printer"]')).toHaveClass(/board-passed/);
  // The way's line names the printer and the way in words, never the way's id.
  await expect(board.locator('[data-check="sending-way"] .board-summary')).toContainText('Brother');
  await expect(board.locator('[data-check="sending-way"] .board-summary')).not.toContainText(
    new RegExp(`: (${sendingWays.join('|')})\\b`),
  );
  if (way === 'proven') {
    await expect(microsoft).toHaveClass(/board-passed/);
    await expect(microsoft.locator('.board-summary')).not.toBeEmpty();
    await expect(board.locator('[data-check="sending-way"]')).toHaveClass(/board-passed/);
  } else {
    await expect(microsoft).not.toHaveClass(/board-passed/);
    await expect(board.locator('[data-check="sending-way"]')).toHaveClass(/board-info/);
  }
  // The Brother's Send Test E-mail arrived: the third row too.
  if (scanArrived)
    await expect(board.locator('[data-row="test-scan"]')).toHaveClass(/board-passed/);
}

test('direct send, from Find the printer to Done', async ({ page, request, wayWizard: wizard }) => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: 'Direct send' }).check();
  await page.getByLabel("The printer's sender address").fill('scanner@contoso.example');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  const done = await fromWayToDone(
    page,
    w,
    { server: 'contoso-example.mail.protection.outlook.com', port: '25' },
    'proven',
    { request, wizard, shots: 'en' },
  );
  await expect(done).toHaveAttribute('data-state', 'passed');
  await expect(done).toContainText('Sends by Direct send, proven from this computer at');
  await expect(
    page.locator('#step-content .board-item').filter({ hasText: 'Way to keep sending' }),
  ).toContainText('Brother MFC-L2750DW series: Direct send');
  // The printer's own line: its settings entered, with the address it sends from; no way id.
  const printerPart = page.locator('section[data-printer]');
  await expect(printerPart).toContainText(
    "The printer's email settings are entered" + 'scanner@contoso.example',
  );
  await expect(printerPart).not.toContainText('direct-send');
  await screenshot(page, 'en/every-way-direct-send-done');
});

test('SMTP relay through a connector, from Find the printer to Done', async ({
  page,
  request,
  wayWizard: wizard,
}) => {
  // The connector is what lets the mail through: direct send alone is refused here.
  await setSwitch(request, wizard, 'directSend', 'rejected');
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: 'SMTP relay through a connector' }).check();
  await page.getByLabel("The printer's sender address").fill('scanner@contoso.example');
  // Outside the organization: only a connector relays it.
  await page.getByLabel(w('ways:prove.recipient')).fill('someone@fabrikam.example');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  const steps = page.getByTestId('proof-steps');
  await expect(steps.locator('[data-step="address"]')).toContainText('127.0.0.1');
  await expect(steps.locator('[data-step="message"]')).toContainText('someone@fabrikam.example');
  const done = await fromWayToDone(page, w, {
    server: 'contoso-example.mail.protection.outlook.com',
    port: '25',
  });
  await expect(done).toContainText('Sends by SMTP relay through a connector, proven');
});

test('High Volume Email, from Find the printer to Done', async ({
  page,
  request,
  wayWizard: wizard,
}) => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: 'High Volume Email' }).check();
  await page.getByLabel(w('ways:prove.hveAccount')).fill('scanner@contoso.example');
  await page.getByLabel(w('ways:prove.password')).fill('practice');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  // Sign in, opened from the rail, says at once why it is not needed, and where to go instead.
  await openStep(page, 'sign-in', w('steps.sign-in.title'));
  await expect(page.getByTestId('step-not-needed')).toContainText(w('step.notNeeded'));
  await expectNoAxeViolations(page, 'sign-in not needed');
  await screenshot(page, 'en/every-way-sign-in-not-needed');
  await page.getByRole('button', { name: w('step.notNeededGo') }).click();
  await expect(page.locator('#step-title')).toHaveText(w('steps.set-up-printer.title'));
  await openStep(page, 'keep-sending', w('steps.keep-sending.title'));
  const done = await fromWayToDone(
    page,
    w,
    { server: 'smtp.hve.mx.microsoft', port: '587' },
    'proven',
    { request, wizard, accountPassword: 'practice' },
  );
  await expect(done).toContainText('Sends by High Volume Email, proven');
});

test('password sign-in turned back on for a while, from Find the printer to Done', async ({
  page,
  request,
  wayWizard: wizard,
}) => {
  await setSwitch(request, wizard, 'passwordLogin', 'turned-back-on');
  await setSwitch(request, wizard, 'smtpAuthOrganization', 'on');
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  const table = page.getByRole('table', { name: /Ways for .* to keep sending/ });
  await expect(table.locator('tr[data-way="password-for-now"]')).toContainText(
    'second half of 2027',
  );
  await table.getByRole('radio', { name: 'Password sign-in, turned back on for a while' }).check();
  await page.getByLabel(w('ways:prove.mailbox')).fill('scanner@contoso.example');
  const password = page.locator('form.prove-way').getByLabel(w('ways:prove.mailboxPassword'));
  await password.fill('practice');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  await expect(password).toHaveValue('');
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  await screenshot(page, 'en/every-way-password-for-now-proven');
  const done = await fromWayToDone(page, w, { server: 'smtp.office365.com', port: '587' });
  await expect(done).toContainText('Sends by Password sign-in, turned back on for a while');
});

test('password sign-in while Microsoft has it off: 550 5.7.30 and its fix', async ({
  page,
  wayWizard: wizard,
}) => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: 'Password sign-in, turned back on for a while' }).check();
  await page.getByLabel(w('ways:prove.mailbox')).fill('scanner@contoso.example');
  await page.locator('form.prove-way').getByLabel(w('ways:prove.mailboxPassword')).fill('practice');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'failed');
  const failed = page.getByTestId('proof-steps').locator('[data-state="failed"]').first();
  await expect(failed.getByRole('alert')).toContainText('550 5.7.30');
  await expect(failed.getByRole('alert')).toContainText('second half of 2027');
});

test('a relay on an always-on computer: not installed or proven, the address on Done', async ({
  page,
  wayWizard: wizard,
}) => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: 'A relay on an always-on computer' }).check();
  const form = page.getByTestId('relay-form');
  await form.getByLabel(w('ways:relay.host')).fill('http://relay');
  await form.getByLabel(w('ways:relay.port')).fill('2525');
  await form.getByRole('button', { name: w('ways:relay.save') }).click();
  await expect(form).toContainText(w('ways:relay.invalid'));
  await form.getByLabel(w('ways:relay.host')).fill('relay.office.lan');
  await form.getByLabel(w('ways:prove.sender')).fill('scanner@contoso.example');
  await form.getByRole('button', { name: w('ways:relay.save') }).click();
  await expect(page.getByTestId('relay-kept')).toContainText('relay.office.lan:2525');
  await expectNoAxeViolations(page, 'relay form');
  const done = await fromWayToDone(
    page,
    w,
    { server: 'relay.office.lan', port: '2525' },
    'not-proven',
  );
  await expect(done).toHaveAttribute('data-state', 'info');
  await expect(done).toContainText(
    'Sends through the relay at relay.office.lan:2525, which the wizard did not install or prove.',
  );
  await screenshot(page, 'en/every-way-relay-done');
});

test('password sign-in in Simplified Chinese, from Find the printer to Done', async ({
  page,
  request,
  wayWizard: wizard,
}) => {
  await setSwitch(request, wizard, 'passwordLogin', 'turned-back-on');
  await setSwitch(request, wizard, 'smtpAuthOrganization', 'on');
  const w = wordsOf('zh-CN');
  await openWizard(page, wizard);
  await page.getByRole('banner').getByRole('combobox').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await chooseBrotherWithoutOauth(page, w);
  await page.getByRole('radio', { name: w('ways:ways.password-for-now.name') }).check();
  await page.getByLabel(w('ways:prove.mailbox')).fill('scanner@contoso.example');
  await page.locator('form.prove-way').getByLabel(w('ways:prove.mailboxPassword')).fill('practice');
  await page.getByRole('button', { name: w('ways:prove.button') }).click();
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  await screenshot(page, 'zh-CN/every-way-password-for-now-proven');
  const done = await fromWayToDone(
    page,
    w,
    { server: 'smtp.office365.com', port: '587' },
    'proven',
    { request, wizard, accountPassword: 'practice', shots: 'zh-CN' },
  );
  await expect(done).toHaveAttribute('data-state', 'passed');
  await screenshot(page, 'zh-CN/every-way-done');
});
