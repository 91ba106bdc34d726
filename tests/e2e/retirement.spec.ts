/**
 * E2E for the end of Basic authentication for SMTP AUTH (end of December 2026), as a user
 * meets it: the deadline on Welcome and on Prepare Exchange Online, in English and Ukrainian;
 * a printer's password login refused by the practice Exchange, its reply pasted into the
 * troubleshooter, which leads straight into the journey; a new Entra code pasted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { ExchangeSetup } from '../../shared/contract/exchange';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';

const locales = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
type Entry = { title: string; cause: string; fix: string };
type Locale = {
  problems: Record<string, Entry>;
  deadline: Record<string, string>;
  prepare: Record<string, unknown>;
};
const words = (language: string, namespace: string): Locale =>
  JSON.parse(readFileSync(path.join(locales, language, `${namespace}.json`), 'utf8'));
const entry = (language: string, namespace: string, id: string): Entry => {
  const found = words(language, namespace).problems[id];
  if (!found) throw new Error(`No words for ${id}`);
  return found;
};
const deadline = (language: string): Record<string, string> => words(language, 'welcome').deadline;

test.beforeEach(async ({ request, wizard }) => {
  await resetProgress(request, wizard);
});

test('the deadline and the ways out are said on Welcome and on Prepare Exchange Online', async ({
  page,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  const notice = page.getByRole('region', { name: deadline('en')['title'] });
  await expect(notice).toContainText('550 5.7.30 Basic authentication is not supported');
  await notice.getByText(deadline('en')['waysTitle'] ?? '?').click();
  await expect(notice.getByText(/smtp\.hve\.mx\.microsoft, port 587/)).toBeVisible();
  await expect(notice.getByText(/Internal recipients only/)).toBeVisible();
  await expect(notice.getByText(/OAuth 2\.0 with this wizard/)).toBeVisible();
  await expect(notice.getByText(/Direct send or a connector/)).toBeVisible();
  await expectNoAxeViolations(page, 'welcome deadline');
  await screenshot(page, 'en/welcome-deadline');

  // Outlook.com is not a Microsoft 365 organization: the notice is not for it.
  await page.getByRole('radio', { name: /Personal account/ }).check();
  await expect(notice).toHaveCount(0);

  // Prepare Exchange Online, in Ukrainian, with the guide's term for security defaults.
  await resetProgress(request, wizard, {
    language: 'uk',
    step: 'prepare-exchange',
    visited: ['welcome', 'find-printer', 'prepare-exchange'],
  });
  await page.reload();
  const uk = deadline('uk');
  const prepared = page.getByRole('region', { name: uk['title'] });
  await expect(prepared).toContainText(String(words('uk', 'exchange').prepare['deadlineHere']));
  await prepared.getByText(uk['waysTitle'] ?? '?').click();
  await expect(prepared.getByText(/налаштування безпеки за замовчуванням/)).toBeVisible();
  await expectNoAxeViolations(page, 'prepare deadline (uk)');
  await screenshot(page, 'uk/prepare-deadline');
});

test("a printer's password refused by Exchange: the pasted reply leads into the journey", async ({
  page,
  request,
  wizard,
}) => {
  // The printer logs in with a password, as before the switch-off; the practice Exchange
  // answers as Exchange Online does now.
  const reply = await callApi(request, wizard, 'getExchangeSetup', {});
  const setup = (reply as { value: ExchangeSetup }).value;
  const printer = nodemailer.createTransport({
    host: setup.smtpHost,
    port: setup.smtpPort,
    requireTLS: true,
    // The practice certificate: this test talks only to the simulator on loopback.
    tls: { rejectUnauthorized: false },
    auth: { user: 'scanner@contoso.example', pass: 'the old printer password' },
  });
  const refused = await printer.verify().then(
    () => null,
    (error: { response?: string }) => error,
  );
  printer.close();
  const response = String(refused?.response ?? '');
  expect(response).toMatch(/^550 5\.7\.30 Basic authentication is not supported .*\[.+\]$/);

  await openWizard(page, wizard);
  await page.getByRole('main').getByRole('button', { name: 'Something stopped working?' }).click();
  await page.getByRole('radio', { name: 'I will paste the text' }).check();
  await page.getByLabel('The text you see').fill(`Scan to email failed: ${response}`);
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText('Recognised as a reply from the mail server.')).toBeVisible();
  const retired = entry('en', 'exchange', 'smtp-basic-auth-retired');
  await expect(page.getByTestId('diagnosis-meaning')).toHaveText(retired.title);
  await expect(page.getByTestId('diagnosis-fix')).toHaveText(retired.fix);
  await expect(
    page.getByRole('button', { name: 'Check the login to Exchange Online now' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'troubleshooter 5.7.30');
  await screenshot(page, 'en/troubleshoot-basic-auth-retired');

  await page.getByRole('button', { name: 'Start moving the printer to OAuth 2.0' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Find the printer' })).toBeVisible();
});

test('a pasted AADSTS50097 names the device rule and offers the Conditional Access check', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await page.getByRole('main').getByRole('button', { name: 'Something stopped working?' }).click();
  await page.getByRole('radio', { name: 'A Microsoft sign-in error (AADSTS…)' }).check();
  await page
    .getByLabel('The error code or the whole message')
    .fill(
      'AADSTS50097: Device authentication is required. Trace ID: 52f56d8e-6b25-4eab-b90c-c6e4bcacc100 Correlation ID: a292e891-5d20-49bb-b454-d7cf53013ea0 Timestamp: 2026-12-04 10:00:00Z',
    );
  await page.getByRole('button', { name: 'Explain' }).click();
  const device = entry('en', 'signin', 'signin-device-auth-required');
  await expect(page.getByTestId('diagnosis-meaning')).toHaveText(
    device.title.replace('{{code}}', 'AADSTS50097'),
  );
  await expect(
    page.getByRole('button', { name: 'Check the Conditional Access policies now' }),
  ).toBeVisible();
});
