/**
 * A picture of every step in every language, written to artifacts/screenshots/, to look at; and
 * on the same walk, no screen, saved report or calendar file shows a raw `{{placeholder}}` or a
 * missing-key marker, with a board that holds problems whose words name values (an error code,
 * a policy), a result out of date, one waiting and firmware to check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { journeySteps, supportedLanguages, type Progress } from '../../shared/model';
import { repoRoot } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { resetProgress } from './helpers';
import { wordsOf } from './journey-steps';
import { unfilledIn, unfilledOnPage } from './page-checks';

const at = new Date(Date.now() - 3_600_000).toISOString();
const printer = {
  id: 'practice:et-2850',
  name: 'EPSON ET-2850 Series',
  model: 'ET-2850 Series',
  vendor: 'epson' as const,
  addresses: ['127.0.0.1'],
  webConfigUrl: null,
  firmwareVersion: '05.27.XK26P4',
};

/** A run that met problems: what Done, the board and the report must put into words. */
const troubledRun: Partial<Progress> = {
  printers: [printer],
  checks: {
    'printer-found': { state: 'passed', summary: printer.model, at },
    'printer-firmware': {
      state: 'info',
      summary: `${printer.model}: ${printer.firmwareVersion}`,
      problemId: 'printer-firmware-update',
      at,
    },
    'signed-in': {
      state: 'failed',
      problemId: 'signin-admin-consent-required',
      problemData: { code: 'AADSTS90094', correlationId: 'c0ffee' },
      at,
    },
    'consent-role': { state: 'attention', problemId: 'consent-role-missing', at },
    'smtp-login': { state: 'passed', summary: 'admin@contoso.example', at, stale: true },
    'conditional-access': {
      state: 'failed',
      problemId: 'ca-blocks-device-code',
      problemData: { policy: 'Block device code flow', managed: true },
      summary: 'Block device code flow',
      at,
    },
    'printer-test-message': { state: 'waiting', summary: '0/1', at },
  },
  printerSetup: {
    [printer.id]: {
      signedIn: { state: 'failed', problemId: 'printer-sign-in-failed', at },
      answers: {},
      statusSheet: null,
    },
  },
};

for (const language of supportedLanguages) {
  test(`every step in ${language}: screenshots, and every word filled on screen, in the report and the calendar`, async ({
    page,
    request,
    wizard,
  }) => {
    const w = wordsOf(language);
    const seen: Record<string, string[]> = {};
    await resetProgress(request, wizard, { language, ...troubledRun });
    await openWizard(page, wizard);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const rail = page.getByRole('navigation').getByRole('button');
    for (const [index, step] of journeySteps.entries()) {
      await rail.nth(index).click();
      await expect(rail.nth(index)).toHaveAttribute('aria-current', 'step');
      // The step's own content, not the frame shown while its code and words load.
      await expect(page.locator('.step-loading, .practice-pending')).toHaveCount(0);
      await screenshot(page, `${language}/${String(index + 1).padStart(2, '0')}-${step}`);
      seen[step] = await unfilledOnPage(page);
    }
    expect(seen, `unfilled words on screen in ${language}`).toEqual(
      Object.fromEntries(journeySteps.map((step) => [step, []])),
    );
    // Done (the last step) puts the problems into words, with their values.
    await expect(
      page
        .locator('main')
        .getByText(/AADSTS90094/)
        .first(),
    ).toBeVisible();
    await expect(
      page
        .locator('main')
        .getByText(/Block device code flow/)
        .first(),
    ).toBeVisible();

    // On Done: the saved report and the calendar reminder.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: w('printer:done.saveReport') }).click(),
    ]);
    const reportFile = path.join(repoRoot, 'artifacts', `words-filled-report-${language}.html`);
    await report.saveAs(reportFile);
    const html = readFileSync(reportFile, 'utf8');
    expect(html).toContain('AADSTS90094');
    expect(html).toContain('Block device code flow');
    expect(unfilledIn(html), `unfilled words in the report in ${language}`).toEqual([]);

    const [reminder] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: w('printer:lapse.remind') }).click(),
    ]);
    const icsFile = path.join(repoRoot, 'artifacts', `words-filled-reminder-${language}.ics`);
    await reminder.saveAs(icsFile);
    // Unfolded (RFC 5545 folds long lines), so a placeholder split by a fold is found too.
    const ics = readFileSync(icsFile, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(unfilledIn(ics), `unfilled words in the calendar file in ${language}`).toEqual([]);
  });
}
