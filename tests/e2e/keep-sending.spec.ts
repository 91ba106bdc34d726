/**
 * "Choose a way to keep sending", driven like a person with the practice world: a practice
 * printer whose email settings have no OAuth 2.0 (the person says so on its card), the ways
 * side by side, "Prove this way" against the practice DNS, MX and High Volume Email, the
 * printer's own settings in "Set up the printer", and Done saying which way it sends by and
 * when it was proven. Then each practice switch leads to its own problem and fix.
 */
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi } from './helpers';
import { wordsOf } from './journey-steps';
import { brother, chooseBrotherWithoutOauth, openStep, resetWays, setSwitch } from './ways-helpers';
import type { PracticeSwitchId } from '../../shared/practice';

test.beforeEach(async ({ request, wizard }) => {
  await resetWays(request, wizard);
});

test('direct send: chosen, proven from this computer, set on the printer, named on Done', async ({
  page,
  wizard,
}) => {
  const w = wordsOf('en');
  await openWizard(page, wizard);
  await chooseBrotherWithoutOauth(page, w);

  // The ways side by side, each with who can receive, needs, cost and how long it lasts.
  const table = page.getByRole('table', { name: `Ways for ${brother} to keep sending` });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.locator('tr[data-way="password-for-now"]')).toContainText(
    'second half of 2027',
  );
  await expect(table.locator('tr[data-way="hve"]')).toContainText('September 2028');
  await expect(table.getByRole('button', { name: 'email-oauth2-proxy' })).toBeVisible();
  await expectNoAxeViolations(page, 'keep-sending ways');
  await screenshot(page, 'en/keep-sending-ways');

  await table.getByRole('radio', { name: 'Direct send' }).check();
  await expect(page.getByTestId('way-chosen')).toContainText('Chosen: Direct send.');
  await page.getByLabel("The printer's sender address").fill('scanner@contoso.example');
  await page.getByRole('button', { name: 'Prove this way' }).click();
  const steps = page.getByTestId('proof-steps');
  await expect(steps.locator('[data-step="message"]')).toHaveAttribute('data-state', 'passed');
  await expect(steps.locator('[data-step="mx"]')).toContainText(
    'MX record of contoso.example: contoso-example.mail.protection.outlook.com',
  );
  await expect(steps.locator('[data-step="address"]')).toContainText(
    'Public address Exchange Online sees: 127.0.0.1',
  );
  await expect(steps.locator('[data-step="spf"]')).toHaveAttribute('data-state', 'passed');
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  await expectNoAxeViolations(page, 'keep-sending proven');
  await screenshot(page, 'en/keep-sending-direct-send-proven');

  // Set up the printer: its own email server settings for direct send.
  await openStep(page, 'set-up-printer', 'Set up the printer');
  const settings = page.getByTestId('way-settings');
  await expect(settings.locator('[data-field="server"]')).toHaveText(
    'contoso-example.mail.protection.outlook.com',
  );
  await expect(settings.locator('[data-field="port"]')).toHaveText('25');
  await expect(settings.locator('[data-field="authentication"]')).toHaveText('Off (no account)');
  await expect(settings.locator('[data-field="sender"]')).toHaveText('scanner@contoso.example');
  await expect(page.getByTestId('way-proof-line')).toContainText('Direct send was proven');
  await expectNoAxeViolations(page, 'set-up-printer direct send');
  await page.getByRole('button', { name: "The printer's email settings are entered" }).click();
  // Recorded by main; the journey moves on to the printer's status sheet.
  await expect(page.locator('#step-title')).toHaveText('Check the status sheet');
  // No OAuth 2.0 lines to tick for a printer on another way: the way's settings, compared whole.
  await expect(page.getByTestId('way-settings').locator('[data-field="port"]')).toHaveText('25');
  await expect(page.getByRole('heading', { name: 'Compare each line' })).toHaveCount(0);
  await expect(page.getByText("the sheet's sign-in lines do not apply")).toBeVisible();
  await page.getByRole('button', { name: 'Yes, the sheet shows these settings' }).click();
  await expect(page.getByTestId('status-sheet-passed')).toBeVisible();
  await expect(page.getByRole('complementary').locator('[data-check="status-sheet"]')).toHaveClass(
    /board-passed/,
  );
  // The test from the printer says how it sends: by the way, not with a sign-in.
  await expect(page.getByTestId('test-message-steps')).toContainText(
    'The printer sends it by Direct send, with the settings entered on its web page.',
  );
  await expect(page.getByTestId('test-message-steps')).not.toContainText('its own sign-in');
  await expectNoAxeViolations(page, 'status-sheet direct send');
  await screenshot(page, 'en/keep-sending-status-sheet');

  await openStep(page, 'done', 'Done');
  await expect(page.getByTestId('done-way')).toContainText(
    'Sends by Direct send, proven from this computer at',
  );
  await expect(page.getByTestId('done-way')).toHaveAttribute('data-state', 'passed');
  await screenshot(page, 'en/keep-sending-done');
});

test('High Volume Email in Ukrainian: the password is typed once, and the way reaches Done', async ({
  page,
  request,
  wizard,
}) => {
  const w = wordsOf('uk');
  await openWizard(page, wizard);
  await page.getByRole('banner').getByRole('combobox').selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await chooseBrotherWithoutOauth(page, w);

  await page.getByRole('radio', { name: w('ways:ways.hve.name') }).check();
  await page.getByLabel(w('ways:prove.hveAccount')).fill('scanner@contoso.example');
  const password = page.getByLabel(w('ways:prove.password'));
  await password.fill('practice');
  await page.getByRole('button', { name: w('ways:prove.button') }).click();
  // Gone from the screen as soon as it is sent.
  await expect(password).toHaveValue('');
  await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'passed');
  await expectNoAxeViolations(page, 'keep-sending hve uk');
  await screenshot(page, 'uk/keep-sending-hve-proven');

  // Main keeps the way and its proof, never the password (progress, check runs).
  const state = JSON.stringify(await callApi(request, wizard, 'getProgressState', {}));
  const runs = JSON.stringify(await callApi(request, wizard, 'getCheckRuns', {}));
  expect(state).toContain('"way":"hve"');
  expect(state).not.toContain('practice"');
  expect(runs).not.toContain('"password"');

  await openStep(page, 'set-up-printer', w('steps.set-up-printer.title'));
  const settings = page.getByTestId('way-settings');
  await expect(settings.locator('[data-field="server"]')).toHaveText('smtp.hve.mx.microsoft');
  await expect(settings.locator('[data-field="port"]')).toHaveText('587');
  await expect(settings).toContainText(w('ways:setup.authentication'));
  await page.getByRole('button', { name: w('ways:setup.entered') }).click();
  await expect(page.locator('#step-title')).toHaveText(w('steps.status-sheet.title'));
  await openStep(page, 'done', w('steps.done.title'));
  await expect(page.getByTestId('done-way')).toHaveAttribute('data-state', 'passed');
  await expect(page.getByTestId('done-way')).toContainText('High Volume Email');
  await screenshot(page, 'uk/keep-sending-done');
});

// [switch, value, way, recipient, the problem's title, words of its fix]
const failures: [PracticeSwitchId, string, string, string, RegExp, RegExp][] = [
  [
    'port25',
    'blocked',
    'Direct send',
    '',
    /Port \d+ is blocked from this network.*block port 25/,
    /choose High Volume Email \(port 587\)/,
  ],
  [
    'mx',
    'not-microsoft',
    'Direct send',
    '',
    /contoso\.example does not receive its mail at Exchange Online/,
    /Ask whoever runs mx1\.mailfilter\.example/,
  ],
  ['mx', 'none', 'Direct send', '', /contoso\.example has no MX record/, /add the MX record/],
  [
    'directSend',
    'rejected',
    'Direct send',
    '',
    /Your organization rejects direct send/,
    /RejectDirectSend \$false/,
  ],
  [
    'connector',
    'no-connector',
    'SMTP relay through a connector',
    'someone@fabrikam.example',
    /relayed mail belongs to \(5\.7\.64\)/,
    /updates the inbound connector/,
  ],
  [
    'hveAccount',
    'missing',
    'High Volume Email',
    '',
    /High Volume Email refused scanner@contoso\.example/,
    /set its password again/,
  ],
  [
    'hveAccount',
    'wrong-password',
    'High Volume Email',
    '',
    /the password is wrong/,
    /set its password again/,
  ],
];

for (const [id, value, way, recipient, title, fix] of failures) {
  test(`practice switch ${id}=${value}: ${way} leads to its own problem and fix`, async ({
    page,
    request,
    wizard,
  }) => {
    const w = wordsOf('en');
    await setSwitch(request, wizard, id, value);
    // Direct send is only refused when no connector names this network.
    if (id === 'directSend') await setSwitch(request, wizard, 'connector', 'no-connector');
    await openWizard(page, wizard);
    await chooseBrotherWithoutOauth(page, w);
    await page.getByRole('radio', { name: way }).check();
    await page
      .getByLabel(way === 'High Volume Email' ? w('ways:prove.hveAccount') : w('ways:prove.sender'))
      .fill('scanner@contoso.example');
    if (recipient) await page.getByLabel(w('ways:prove.recipient')).fill(recipient);
    if (way === 'High Volume Email')
      await page.getByLabel(w('ways:prove.password')).fill('practice');
    await page.getByRole('button', { name: 'Prove this way' }).click();
    await expect(page.getByTestId('way-proof')).toHaveAttribute('data-state', 'failed');
    const failed = page.getByTestId('proof-steps').locator('[data-state="failed"]').first();
    await expect(failed.getByRole('alert')).toContainText(title);
    await expect(failed.getByRole('alert')).toContainText(fix);
    await expectNoAxeViolations(page, `${id}=${value}`);
    await screenshot(page, `en/keep-sending-${id}-${value}`);
  });
}
