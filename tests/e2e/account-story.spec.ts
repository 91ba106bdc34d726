/**
 * The account story catches a printer signed in with another account: the person chose the
 * printer's own mailbox (scanner@), but someone signs the practice printer in as the
 * administrator. Set up the printer named scanner@; the status sheet shows the other account,
 * and the wizard says the way back in plain words, naming scanner@; the test scan, sent as the
 * administrator, is named as from another address than scanner@ (English and Ukrainian).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { startWizard } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { callApi, resetProgress, signInThroughApi } from './helpers';
import {
  practicePrinterMailbox,
  sendTestScan,
  signInOnPracticeMicrosoft,
  Actions,
  wordsOf,
} from './journey-steps';

test.describe.configure({ timeout: 180_000 });

/** The practice printer's Web Config, signed in on Microsoft's page as `account`. */
async function signPrinterInAs(
  context: BrowserContext,
  page: Page,
  w: ReturnType<typeof wordsOf>,
  account: string,
) {
  const [webConfig] = await Promise.all([
    page.waitForEvent('popup'),
    page
      .getByRole('button', {
        name: w('printer:setup.openWebConfig', {
          page: w('printer:vendors.epson.labels.webConfig'),
        }),
      })
      .click(),
  ]);
  await webConfig.waitForLoadState();
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
  await signInOnPracticeMicrosoft(microsoft, code, new Actions(), account);
  await microsoft.close();
  await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
    timeout: 20_000,
  });
  await webConfig.getByRole('button', { name: 'OK' }).click();
  await webConfig.close();
}

for (const language of ['en', 'uk'] as const) {
  test(`a printer signed in with another account is caught, with the way back (${language})`, async ({
    page,
    context,
  }) => {
    const w = wordsOf(language);
    const wizard = await startWizard({ demo: true });
    try {
      await resetProgress(page.request, wizard, {
        language,
        printerAccount: { way: 'own-mailbox', mailbox: practicePrinterMailbox, consentedBy: null },
      });
      await callApi(page.request, wizard, 'setPracticeSwitch', { id: 'printers', value: 'three' });
      // SMTP AUTH on, so the printer's test scan goes out (the journeys turn it on themselves).
      await callApi(page.request, wizard, 'setPracticeSwitch', {
        id: 'smtpAuthOrganization',
        value: 'on',
      });
      await signInThroughApi(page.request, wizard);
      await openWizard(page, wizard);
      const rail = page.getByRole('navigation');
      await rail.getByRole('button', { name: w('steps.find-printer.title') }).click();
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) })
        .getByRole('checkbox', { name: w('discovery:card.use') })
        .check();
      await rail.getByRole('button', { name: w('steps.set-up-printer.title') }).click();
      // The wizard names the printer's own mailbox, not the administrator signed in to it.
      await expect(page.getByTestId('account-to-use')).toContainText(practicePrinterMailbox);
      // Someone signs the printer in as the administrator anyway.
      await signPrinterInAs(context, page, w, 'admin@contoso.example');
      await rail.getByRole('button', { name: w('steps.status-sheet.title') }).click();
      await page.getByRole('button', { name: w('printer:sheet.practiceRead') }).click();
      const field = page.locator('[data-field="authenticated-account"]');
      await expect(field.getByTestId('account-way-back')).toContainText(practicePrinterMailbox);
      await expect(page.getByTestId('status-sheet-passed')).toHaveCount(0);
      await screenshot(page, `${language}/account-story-other-account`);
      // The test scan: the wizard watches its own signed-in mailbox (admin@) for a message from
      // the story's mailbox; the printer, signed in as admin@, sends as admin@: another address.
      const result = await sendTestScan({
        page,
        context,
        w,
        actions: new Actions(),
        watched: 'admin@contoso.example',
        sender: practicePrinterMailbox,
      });
      await expect(result).toHaveAttribute('data-outcome', 'wrong-sender');
      await expect(result).toContainText(
        w('delivery:next.wrongSender', { expected: practicePrinterMailbox }),
      );
      await screenshot(page, `${language}/account-story-test-scan-other-sender`);
    } finally {
      await callApi(page.request, wizard, 'signOut', {}).catch(() => {});
      await wizard.stop();
    }
  });
}
