/**
 * The whole practice journey, Welcome to Done, by keyboard alone: Tab to reach things, Enter or
 * Space to use them, arrow keys in lists, typing in fields; on the wizard's screens and on the
 * practice Microsoft, admin center and Web Config pages. No click, no `fill`, no `check`.
 * Also: the sign-in code and each check's result reach the live region.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { startWizard } from '../support/wizard-process';
import { expect, openWizard, test } from './fixtures';
import { callApi, resetProgress } from './helpers';
import { journeySwitches, wordsOf } from './journey-steps';

const w = wordsOf('en');

class Keyboard {
  tabs = 0;
  keys = 0;

  /** Tabs forward until `target` has the focus (it must be enabled and shown). */
  async reach(page: Page, target: Locator, limit = 80): Promise<void> {
    await expect(target).toBeVisible();
    await expect(target).toBeEnabled();
    for (let presses = 0; presses < limit; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
      this.tabs += 1;
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
  }

  async press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await this.reach(page, target);
    await page.keyboard.press(key);
    this.keys += 1;
  }

  async type(page: Page, target: Locator, text: string): Promise<void> {
    await this.reach(page, target);
    await page.keyboard.type(text);
    this.keys += text.length;
  }

  /** A select list: Home to its first option, then arrow down until the option is chosen. */
  async choose(page: Page, target: Locator, value: string): Promise<void> {
    await this.reach(page, target);
    if ((await target.inputValue()) !== value) {
      await page.keyboard.press('Home');
      this.keys += 1;
    }
    for (let presses = 0; presses < 15; presses += 1) {
      if ((await target.inputValue()) === value) return;
      await page.keyboard.press('ArrowDown');
      this.keys += 1;
    }
    expect(await target.inputValue()).toBe(value);
  }
}

async function signInByKeyboard(keys: Keyboard, signInPage: Page, code: string): Promise<void> {
  await signInPage.waitForLoadState();
  await expect(signInPage.getByRole('heading', { name: 'Enter code' })).toBeVisible();
  await keys.type(signInPage, signInPage.getByLabel('Code'), code);
  await keys.press(signInPage, signInPage.getByRole('button', { name: 'Next' }));
  await keys.press(signInPage, signInPage.getByRole('button', { name: 'Continue' }));
  await keys.press(signInPage, signInPage.getByRole('button', { name: /admin@contoso\.example/ }));
  await keys.type(signInPage, signInPage.getByLabel('Password'), 'practice');
  await keys.press(signInPage, signInPage.getByRole('button', { name: 'Sign in' }));
  const consent = signInPage.getByRole('heading', { name: 'Permissions requested' });
  await expect(consent.or(signInPage.getByText(/You have signed in/))).toBeVisible();
  if (await consent.isVisible()) {
    const box = signInPage.getByLabel('Consent on behalf of your organization');
    await keys.press(signInPage, box, 'Space');
    await expect(box).toBeChecked();
    await keys.press(signInPage, signInPage.getByRole('button', { name: 'Accept' }));
  }
  await expect(signInPage.getByText(/You have signed in/)).toBeVisible();
}

async function pageOpenedBy(context: BrowserContext, open: Promise<void>): Promise<Page> {
  const [opened] = await Promise.all([context.waitForEvent('page'), open]);
  await opened.waitForLoadState();
  return opened;
}

test.describe.configure({ timeout: 180_000 });

test('the whole practice journey by keyboard alone', async ({ page, context, request }) => {
  const wizard = await startWizard({ demo: true });
  const keys = new Keyboard();
  try {
    await resetProgress(request, wizard);
    for (const [id, value] of Object.entries(journeySwitches)) {
      await callApi(request, wizard, 'setPracticeSwitch', { id, value });
    }
    await callApi(request, wizard, 'signOut', {});
    const heading = page.locator('#step-title');
    const next = page.locator('.step-nav').getByRole('button', { name: w('step.next') });
    const announced = page.getByTestId('announcer');
    const board = page.getByRole('complementary');

    await openWizard(page, wizard);
    await expect(heading).toHaveText(w('steps.welcome.title'));
    await keys.press(page, next);

    // Find the printer: focus lands on the step's heading; tick the practice ET-2850.
    await expect(heading).toHaveText(w('steps.find-printer.title'));
    await expect(heading).toBeFocused();
    const use = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) })
      .getByRole('checkbox', { name: w('discovery:card.use') });
    await keys.press(page, use, 'Space');
    await expect(use).toBeChecked();
    await keys.press(page, next);

    // Prepare Exchange: turn SMTP AUTH on in the practice admin center.
    await expect(heading).toHaveText(w('steps.prepare-exchange.title'));
    // The switch's clicks and admin-center button are folded "For IT" in its card.
    await keys.press(
      page,
      page
        .getByRole('region', { name: w('exchange:prepare.organization.title') })
        .getByText(w('exchange:prepare.forIt')),
    );
    const admin = await pageOpenedBy(
      context,
      keys.press(page, page.getByRole('button', { name: w('exchange:prepare.organization.open') })),
    );
    const turnOff = admin.getByLabel('Turn off SMTP AUTH protocol for your organization');
    await keys.press(admin, turnOff, 'Space');
    await expect(turnOff).not.toBeChecked();
    await keys.press(admin, admin.locator('#organization').getByRole('button', { name: 'Save' }));
    await expect(admin.getByText('SMTP AUTH for the organization: on')).toBeVisible();
    await admin.close();
    await keys.press(page, next);

    // Sign in: the code is read out through the live region.
    await expect(heading).toHaveText(w('steps.sign-in.title'));
    await expect(heading).toBeFocused();
    await keys.press(page, page.getByRole('button', { name: w('signin:start.button') }));
    const code = ((await page.getByTestId('user-code').textContent()) ?? '').trim();
    await expect(announced).toContainText(code.split('').join(' '));
    const microsoft = await pageOpenedBy(
      context,
      keys.press(page, page.getByRole('button', { name: w('signin:code.open') })),
    );
    await signInByKeyboard(keys, microsoft, code);
    await microsoft.close();
    await expect(board.locator('[data-check="signed-in"]')).toHaveClass(/board-passed/, {
      timeout: 20_000,
    });
    await expect(announced).toContainText(w('board.checks.signed-in'));
    await keys.press(page, next);

    // Check Exchange Online: the real SMTP AUTH login; its result is read out.
    await expect(heading).toHaveText(w('steps.verify-tenant.title'));
    await keys.press(page, page.getByRole('button', { name: w('exchange:verify.checkNow') }));
    await expect(page.getByTestId('mail-check-passed')).toBeVisible({ timeout: 20_000 });
    await expect(announced).toContainText(w('board.state.passed'));
    await keys.press(page, next);

    // Set up the printer in its practice Web Config, all by keyboard.
    await expect(heading).toHaveText(w('steps.set-up-printer.title'));
    await expect(page.getByTestId('printer-answers')).toContainText('127.0.0.1', {
      timeout: 15_000,
    });
    const webConfig = await pageOpenedBy(
      context,
      keys.press(
        page,
        page.getByRole('button', {
          name: w('printer:setup.openWebConfig', {
            page: w('printer:vendors.epson.labels.webConfig'),
          }),
        }),
      ),
    );
    await expect(webConfig.getByRole('heading', { name: 'Administrator Login' })).toBeVisible();
    await keys.type(
      webConfig,
      webConfig.getByLabel('Current password'),
      practicePrinterAdminPassword,
    );
    await keys.press(webConfig, webConfig.getByRole('button', { name: 'OK' }));
    await expect(webConfig.getByRole('heading', { name: 'Email Server > Basic' })).toBeVisible();
    await keys.choose(webConfig, webConfig.getByLabel('Authentication Method'), 'OAuth2');
    await keys.press(webConfig, webConfig.getByRole('button', { name: 'Sign In' }));
    await keys.press(webConfig, webConfig.getByRole('button', { name: 'Sign in with Microsoft' }));
    const printerCode = (
      (await webConfig.locator('[data-field="user-code"]').textContent()) ?? ''
    ).trim();
    const printerMicrosoft = await pageOpenedBy(
      context,
      keys.press(webConfig, webConfig.getByRole('link', { name: /devicelogin/ })),
    );
    await signInByKeyboard(keys, printerMicrosoft, printerCode);
    await printerMicrosoft.close();
    await expect(webConfig.locator('[data-field="current-status"]')).toHaveText('Signed in', {
      timeout: 20_000,
    });
    await keys.press(webConfig, webConfig.getByRole('button', { name: 'OK' }));
    await expect(webConfig.getByText('Setup complete.')).toBeVisible();
    await webConfig.close();
    await keys.press(
      page,
      page.getByRole('button', {
        name: w('printer:setup.confirmSignedIn', {
          status: w('printer:vendors.epson.labels.signedIn'),
        }),
      }),
    );

    // Check the status sheet.
    await expect(heading).toHaveText(w('steps.status-sheet.title'));
    await keys.press(page, page.getByRole('button', { name: w('printer:sheet.practiceRead') }));
    await expect(page.getByTestId('status-sheet-passed')).toBeVisible();
    await expect(board.locator('[data-check="status-sheet"]')).toHaveClass(/board-passed/);
    await keys.press(page, next);

    // Done: save the report.
    await expect(heading).toHaveText(w('steps.done.title'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      keys.press(page, page.getByRole('button', { name: w('printer:done.saveReport') })),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    await expect(page.getByTestId('report-saved')).toBeVisible();
    test.info().annotations.push({
      type: 'keyboard',
      description: `${keys.tabs} Tab presses, ${keys.keys} other keys`,
    });
  } finally {
    await callApi(request, wizard, 'signOut', {}).catch(() => {});
    await wizard.stop();
  }
});
