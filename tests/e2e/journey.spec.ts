/**
 * The whole practice journey, Welcome to Done, driven like a new user in the browser shell:
 * find the practice printer, fix the tenant switch in the practice admin center, sign in,
 * check Exchange, set up the practice printer through its practice Web Config (a real
 * device-code sign-in of the printer), check its status sheet, send a test scan from the
 * practice printer's panel and see it arrive from the account story's mailbox, save the report.
 *
 * It counts the user's actions (a click, a choice or a filled-in field = 1) on the wizard's
 * own screens and, separately, on the practice Microsoft and Web Config pages, and the issue's
 * figures (clicks, keystrokes, tab switches), and writes them with the wall time to
 * artifacts/journey-<name>.json for the bench (no timed assertion here).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { repoRoot, startWizard } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';
import { unfilledIn, unfilledOnPage } from './page-checks';
import {
  Actions,
  journeySwitches,
  journeyToCheckExchange,
  practicePrinterMailbox,
  sendTestScan,
  signInOnPracticeMicrosoft,
  stepControls,
  wordsOf,
  type Language,
} from './journey-steps';

/** Milliseconds covered by at least one of the intervals (overlaps counted once). */
function coveredMs(intervals: [number, number][]): number {
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    total += Math.max(0, to - Math.max(from, reached));
    reached = Math.max(reached, to);
  }
  return total;
}

type Way = 'administrator' | 'own-mailbox';

async function runJourney(
  page: Page,
  context: BrowserContext,
  language: Language,
  way: Way,
  wizardProcess: Parameters<typeof callApi>[1],
  request: Parameters<typeof callApi>[0],
): Promise<void> {
  const w = wordsOf(language);
  // The account story: the guide's way sends from the administrator's mailbox, the recommended
  // way from the printer's own.
  const mailbox = way === 'administrator' ? 'admin@contoso.example' : practicePrinterMailbox;
  // The wizard ends signed in as the sending mailbox in both stories (the recommended way signs
  // in again as the printer's mailbox once the administrator has consented).
  const signedIn = mailbox;
  const story =
    way === 'administrator'
      ? ({ way } as const)
      : ({ way, mailbox: practicePrinterMailbox } as const);
  // The guide's way keeps the journey's earlier names (artifacts, screenshots).
  const name = way === 'administrator' ? language : `${language}-own-mailbox`;
  const actions = new Actions();
  await resetProgress(request, wizardProcess, { language });
  for (const [id, value] of Object.entries(journeySwitches)) {
    await callApi(request, wizardProcess, 'setPracticeSwitch', { id, value });
  }
  await callApi(request, wizardProcess, 'signOut', {});
  const started = Date.now();
  /** Replies the test holds back on purpose: not part of the journey's measured time. */
  const injectedDelays: [number, number][] = [];
  const { heading, next } = stepControls(page, w);
  const board = page.getByRole('complementary');

  await openWizard(page, wizardProcess);
  await journeyToCheckExchange({
    page,
    w,
    actions,
    openAdminCenter: async (click) => (await Promise.all([page.waitForEvent('popup'), click()]))[0],
    openSignInPage: async (click) =>
      (await Promise.all([context.waitForEvent('page'), click()]))[0],
    story,
    look: (screen) => screenshot(page, `${name}/${screen}`),
  });
  // Check Exchange Online names the mailbox the story chose, and proved it.
  await expect(page.getByTestId('checked-mailbox')).toContainText(mailbox);
  await expect(page.getByTestId('mail-check-passed')).toContainText(mailbox);
  await actions.click('wizard', next(), 'Next (Check Exchange Online)');

  // Set up the printer through its practice Web Config.
  await expect(heading('set-up-printer')).toBeVisible();
  await expect(page.getByTestId('printer-answers')).toContainText('127.0.0.1', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('account-to-use')).toContainText(mailbox);
  await expectNoAxeViolations(page, `set-up-printer ${language}`);
  await screenshot(page, `${name}/printer-set-up`);
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
  await expect(webConfig.getByRole('heading', { name: 'Administrator Login' })).toBeVisible();
  await actions.fill(
    'external',
    webConfig.getByLabel('Current password'),
    practicePrinterAdminPassword,
    'admin password',
  );
  await actions.click('external', webConfig.getByRole('button', { name: 'OK' }), 'OK (login)');
  await expect(webConfig.getByRole('heading', { name: 'Email Server > Basic' })).toBeVisible();
  // The practice Web Config speaks the wizard's language, with the English label beside it.
  await expect(webConfig.getByRole('heading', { name: 'Email Server > Basic' })).toContainText(
    w('printer:vendors.epson.labels.emailServer'),
  );
  const methodLabel = w('printer:vendors.epson.labels.authenticationMethod');
  await expect(webConfig.locator('label[for="method"]')).toHaveText(
    language === 'en' ? methodLabel : `${methodLabel} (Authentication Method)`,
  );
  await expectNoAxeViolations(webConfig, 'practice Web Config');
  await screenshot(webConfig, `${name}/practice-web-config-basic`);
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
  await screenshot(webConfig, `${name}/practice-web-config-code`);
  const [printerMicrosoft] = await Promise.all([
    context.waitForEvent('page'),
    actions.click(
      'external',
      webConfig.getByRole('link', { name: /devicelogin/ }),
      'verification URL',
    ),
  ]);
  // On the printer, the account the wizard named.
  await signInOnPracticeMicrosoft(printerMicrosoft, printerCode, actions, mailbox, (consent) =>
    screenshot(consent, `${name}/practice-microsoft-consent`),
  );
  await printerMicrosoft.close();
  await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
    timeout: 20_000,
  });
  await actions.click(
    'external',
    webConfig.getByRole('button', { name: 'OK' }),
    'OK (send settings)',
  );
  await expect(webConfig.getByText('Setup complete.')).toBeVisible();
  await screenshot(webConfig, `${name}/practice-web-config-signed-in`);
  await webConfig.close();
  // A slow keychain: the sign-in status reaches the next step after the user's first click
  // there, and the sheet must still be judged against the signed-in mailbox.
  const slowSignInStatus = '**/api/getSignInStatus';
  await page.route(slowSignInStatus, async (route) => {
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    injectedDelays.push([from, Date.now()]);
    await route.continue();
  });
  await actions.click(
    'wizard',
    page.getByRole('button', {
      name: w('printer:setup.confirmSignedIn', {
        status: w('printer:vendors.epson.labels.signedIn'),
      }),
    }),
    'It shows Signed in',
  );

  // Check the status sheet: read the practice printer's sheet.
  await expect(heading('status-sheet')).toBeVisible();
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('printer:sheet.practiceRead') }),
    "read the practice printer's sheet",
  );
  await expect(page.getByTestId('status-sheet-passed')).toBeVisible();
  await page.unroute(slowSignInStatus);
  await expect(board.locator('[data-check="status-sheet"]')).toHaveClass(/board-passed/);
  await expect(board.locator('[data-row="microsoft-365"]')).toHaveClass(/board-passed/);
  await expect(board.locator('[data-row="printer"]')).toHaveClass(/board-passed/);
  // The sheet matches: the test scan is now the screen's one next action.
  await expect(page.locator('main :not(.step-nav) > button.primary:visible')).toHaveText([
    w('delivery:watch'),
  ]);
  await expectNoAxeViolations(page, `status-sheet ${language}`);
  await screenshot(page, `${name}/printer-status-sheet`);

  const testResult = await sendTestScan({
    page,
    context,
    w,
    actions,
    watched: signedIn,
    sender: mailbox,
    look: (screen) => screenshot(page, `${name}/${screen}`),
  });
  await expect(testResult).toHaveAttribute('data-outcome', 'arrived', { timeout: 30_000 });
  // From the account story's mailbox: a watch expecting another sender says "another address".
  await expect(testResult).toContainText(mailbox);
  await screenshot(page, `${name}/test-message-arrived`);
  // Every row of the board is green: Microsoft 365 ready, the printer signed in, the test scan.
  await expect(board.locator('[data-row="test-scan"]')).toHaveClass(/board-passed/);
  await expect(board.locator('.board-attention, .board-failed, .board-stale')).toHaveCount(0);
  await actions.click('wizard', next(), 'Next (Check the status sheet)');

  // Done: the printer is signed in as the wizard's account; save the report.
  await expect(heading('done')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'EPSON ET-2850 Series' }).locator('.board-passed').first(),
  ).toContainText(mailbox);
  await expect(page.getByTestId('done-account')).toContainText(mailbox);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    actions.click(
      'wizard',
      page.getByRole('button', { name: w('printer:done.saveReport') }),
      'Save the report',
    ),
  ]);
  const injectedMs = coveredMs(injectedDelays);
  const wallSeconds = (Date.now() - started - injectedMs) / 1000;
  await expect(page.getByTestId('report-saved')).toBeVisible();
  await expectNoAxeViolations(page, `done ${language}`);
  expect(await unfilledOnPage(page)).toEqual([]);
  await screenshot(page, `${name}/printer-done`);

  const reportFile = path.join(repoRoot, 'artifacts', `setup-report-${name}.html`);
  await download.saveAs(reportFile);
  const html = readFileSync(reportFile, 'utf8');
  expect(html).toContain(mailbox);
  expect(html).toContain('EPSON ET-2850 Series');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/eyJ[\w-]{10,}\./); // no token
  expect(unfilledIn(html)).toEqual([]);
  const viewer = await context.newPage();
  await viewer.goto(`file://${reportFile}`);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(w('printer:report.title'));
  await screenshot(viewer, `${name}/printer-report`);
  await viewer.close();

  const out = path.join(repoRoot, 'artifacts', `journey-${name}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        language,
        way,
        ...actions.figures(),
        wizardActions: actions.wizard,
        practicePageActions: actions.external,
        wallSeconds: Number(wallSeconds.toFixed(1)),
        injectedDelaySeconds: Number((injectedMs / 1000).toFixed(1)),
        actions: actions.log,
      },
      null,
      2,
    )}\n`,
  );
}

test.describe.configure({ timeout: 180_000 });

const journeys: { language: Language; way: Way }[] = [
  { language: 'en', way: 'administrator' },
  { language: 'zh-TW', way: 'administrator' },
  { language: 'en', way: 'own-mailbox' },
  { language: 'uk', way: 'own-mailbox' },
];

for (const { language, way } of journeys) {
  const title =
    way === 'administrator'
      ? `the whole practice journey, Welcome to Done, in ${language}`
      : `the whole practice journey with the printer's own mailbox, in ${language}`;
  test(title, async ({ page, context, request }) => {
    // A fresh practice world each time: the practice printer starts as shipped, not signed in.
    const wizard = await startWizard({ demo: true });
    try {
      await runJourney(page, context, language, way, wizard, request);
    } finally {
      // The sign-in is kept in the OS keychain: leave none behind for other specs.
      await callApi(request, wizard, 'signOut', {}).catch(() => {});
      await wizard.stop();
    }
  });
}
