/**
 * Whether each printer can do OAuth 2.0 for Exchange Online (shared/printer-oauth.ts): the
 * practice printers' verdicts on their cards, the maker's page opened through main's
 * allow-list, the person's "my printer's email settings have no OAuth 2.0" kept by main across
 * reloads and taken back, the same verdict in "Set up the printer", and in Ukrainian.
 */
import type { Page } from '@playwright/test';
import type { Progress } from '../../shared/model';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, resetProgress } from './helpers';

test.beforeEach(async ({ request, wizard }) => {
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
  });
});

function printerCard(page: Page, name: string) {
  return page
    .getByRole('list', { name: /Printers found|Знайдені принтери/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

test("each practice printer says what its maker's pages tell, with the page one click away", async ({
  page,
  context,
  wizard,
}) => {
  await openWizard(page, wizard);
  const epson = printerCard(page, 'EPSON ET-2850 Series').getByTestId('oauth-verdict');
  await expect(epson).toHaveAttribute('data-verdict', 'unknown');
  await expect(epson).toContainText(
    'OAuth 2.0 for Exchange Online: unknown: look for OAuth 2.0 in its email settings',
  );
  await expect(epson).toContainText('No page of Epson read for this wizard names this model.');
  await expect(
    printerCard(page, 'EPSON WF-C5790 Series').getByTestId('oauth-verdict'),
  ).toHaveAttribute('data-verdict', 'unknown');
  // Brother's own list could not be read here: the card says where to look, not what it says.
  const brother = printerCard(page, 'Brother MFC-L2750DW series').getByTestId('oauth-verdict');
  await expect(brother).toContainText('Brother has its own page about it');
  await expect(brother.getByRole('button', { name: /^Where to look: Brother/ })).toBeVisible();
  await expect(brother.getByText('Opens support.brother.com')).toBeVisible();
  await expectNoAxeViolations(page, 'verdicts');
  await screenshot(page, 'en/oauth-verdicts');

  // The maker's page opens through main's allow-list (served here by the test: no network).
  await context.route('https://download4.epson.biz/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Epson manual</title><h1>Epson</h1>' }),
  );
  const popup = page.waitForEvent('popup');
  await epson.getByRole('button', { name: /^Where to look: Epson ES-C380W/ }).click();
  const manual = await popup;
  await expect(manual).toHaveURL(/^https:\/\/download4\.epson\.biz\/sec_pubs\/es-c380w\//);
  await manual.close();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('"My printer\'s email settings have no OAuth 2.0" is kept by main, shown in Set up the printer, and can be taken back', async ({
  page,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  const card = printerCard(page, 'EPSON ET-2850 Series');
  // Only a chosen printer has a record to keep the person's word in.
  await expect(
    card.getByRole('button', { name: "My printer's email settings have no OAuth 2.0" }),
  ).toHaveCount(0);
  await card.getByRole('checkbox', { name: /Use this printer/ }).check();
  await card.getByRole('button', { name: "My printer's email settings have no OAuth 2.0" }).click();
  const verdict = card.getByTestId('oauth-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'not-offered');
  await expect(verdict).toContainText('OAuth 2.0 for Exchange Online: not offered on this model');
  await expect(verdict).toContainText("You said this printer's email settings have no OAuth 2.0.");
  await expectNoAxeViolations(page, 'overruled');
  await screenshot(page, 'en/oauth-overruled');

  // Main keeps it in the printer's record: a reload (a fresh page) shows it again.
  const state = (await callApi(request, wizard, 'getProgressState', {})) as {
    value: { progress: Progress };
  };
  const { printers, printerSetup } = state.value.progress;
  const chosen = printers.find((item) => item.model === 'EPSON ET-2850 Series');
  expect(printerSetup[chosen?.id ?? '']?.noOauthInEmailSettings).toBe(true);
  await page.reload();
  await expect(
    printerCard(page, 'EPSON ET-2850 Series').getByTestId('oauth-verdict'),
  ).toHaveAttribute('data-verdict', 'not-offered');

  // "Set up the printer" says the same, next to the printer it is about.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Set up the printer/ })
    .click();
  // The step loads on first use: until it shows (its frame, then its content), the one before
  // it is still in the page, hidden.
  await expect(page.getByRole('heading', { level: 2, name: 'Set up the printer' })).toBeVisible();
  await expect(page.locator('.step-loading')).toHaveCount(0);
  const setUp = page.getByTestId('oauth-verdict');
  await expect(setUp).toHaveAttribute('data-verdict', 'not-offered');
  await expectNoAxeViolations(page, 'set-up-printer overruled');

  // Taken back there: the makers' word again, kept across a reload.
  await setUp.getByRole('button', { name: 'Its email settings do offer OAuth 2.0' }).click();
  await expect(setUp).toHaveAttribute('data-verdict', 'unknown');
  await page.reload();
  await expect(page.getByTestId('oauth-verdict')).toHaveAttribute('data-verdict', 'unknown');
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Find the printer/ })
    .click();
  await expect(
    printerCard(page, 'EPSON ET-2850 Series').getByTestId('oauth-verdict'),
  ).toHaveAttribute('data-verdict', 'unknown');
});

test("a maker's page that names the model gives a verdict with its source: supported, and Lexmark's from FW24", async ({
  page,
  request,
  wizard,
}) => {
  // Two printers chosen in an earlier run, not on this network now: their cards still judge them.
  const earlier = (
    id: string,
    model: string,
    vendor: 'sharp' | 'lexmark',
    firmware: string | null,
  ) => ({
    id,
    name: model,
    model,
    vendor,
    addresses: ['192.0.2.10'],
    webConfigUrl: null,
    firmwareVersion: firmware,
  });
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
    printers: [
      earlier('host:sharp-bp.example', 'SHARP BP-70C65', 'sharp', null),
      earlier('host:lexmark-cx.example', 'Lexmark CX532adwe', 'lexmark', 'CXTGV.221.058'),
    ],
  });
  await openWizard(page, wizard);
  const card = (name: string) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  const sharp = card('SHARP BP-70C65').getByTestId('oauth-verdict');
  await expect(sharp).toHaveAttribute('data-verdict', 'supported');
  await expect(sharp).toContainText('OAuth 2.0 for Exchange Online: supported');
  await expect(
    sharp.getByRole('button', { name: /^Source: Sharp BP-70C65 User’s Manual/ }),
  ).toBeVisible();
  await expect(sharp.getByText('Opens global.sharp')).toBeVisible();
  const lexmark = card('Lexmark CX532adwe').getByTestId('oauth-verdict');
  await expect(lexmark).toHaveAttribute('data-verdict', 'update-first');
  await expect(lexmark).toContainText('supported from firmware FW24: update first');
  await expect(lexmark).toContainText(
    "This printer reports firmware CXTGV.221.058. The wizard does not compare Lexmark's version numbers with FW24",
  );
  await expect(
    lexmark.getByRole('button', { name: /^Source: Lexmark Knowledge Base/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'supported and update-first');
  await screenshot(page, 'en/oauth-supported-update-first');
});

test('in Ukrainian: the verdict, its source and the overrule', async ({
  page,
  request,
  wizard,
}) => {
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
    language: 'uk',
  });
  await openWizard(page, wizard);
  const card = printerCard(page, 'Brother MFC-L2750DW series');
  const verdict = card.getByTestId('oauth-verdict');
  await expect(verdict).toContainText(
    'OAuth 2.0 для Exchange Online: невідомо: пошукайте OAuth 2.0 в налаштуваннях ел. пошти',
  );
  await expect(verdict.getByRole('button', { name: /^Де шукати: Brother/ })).toBeVisible();
  await card.getByRole('checkbox').check();
  await card
    .getByRole('button', { name: 'У налаштуваннях ел. пошти мого принтера немає OAuth 2.0' })
    .click();
  await expect(verdict).toContainText('не пропонується на цій моделі');
  await expectNoAxeViolations(page, 'uk verdict');
  await screenshot(page, 'uk/oauth-overruled');
});
