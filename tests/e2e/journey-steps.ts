/**
 * Steps of the practice journey shared by the browser-shell journey (journey.spec.ts) and the
 * Electron shell harness (tests/shell-harness/): the wizard's words per language, the count of
 * a person's actions, and the practice Microsoft sign-in page as a person goes through it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { repoRoot } from '../support/wizard-process';

export type { Language } from '../../shared/model';
import type { Language } from '../../shared/model';

/** The wizard's own words in a language, read from its locale files. */
export function wordsOf(language: Language) {
  const cache = new Map<string, Record<string, unknown>>();
  return (key: string, values: Record<string, string> = {}): string => {
    const [namespace, rest] = key.includes(':') ? key.split(':') : ['common', key];
    const file = path.join(repoRoot, 'renderer', 'locales', language, `${namespace}.json`);
    if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
    let value: unknown = cache.get(file);
    for (const part of (rest ?? '').split('.')) value = (value as Record<string, unknown>)[part];
    if (typeof value !== 'string') throw new Error(`no word for ${key} in ${language}`);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  };
}

/**
 * A person's actions, counted two ways: per place (one action = a click, a choice or a filled-in
 * field, on the wizard or on another page) and the way: clicks, keystrokes (characters
 * typed and keys pressed) and tab switches (an action on another tab than the one before).
 * Filling a field is a click into it and its characters typed; choosing from a list is two
 * clicks (open, choose).
 */
export class Actions {
  wizard = 0;
  external = 0;
  clicks = 0;
  keystrokes = 0;
  tabSwitches = 0;
  readonly log: string[] = [];
  private lastTab: Page | null = null;
  async click(where: 'wizard' | 'external', target: Locator, what: string): Promise<void> {
    this.onTab(target.page());
    await target.click();
    this.clicks += 1;
    this.count(where, `click ${what}`);
  }
  async fill(where: 'wizard' | 'external', target: Locator, value: string, what: string) {
    this.onTab(target.page());
    await target.fill(value);
    this.clicks += 1;
    this.keystrokes += [...value].length;
    this.count(where, `fill ${what}`);
  }
  async check(where: 'wizard' | 'external', target: Locator, what: string) {
    this.onTab(target.page());
    await target.check();
    this.clicks += 1;
    this.count(where, `tick ${what}`);
  }
  async uncheck(where: 'wizard' | 'external', target: Locator, what: string) {
    this.onTab(target.page());
    await target.uncheck();
    this.clicks += 1;
    this.count(where, `untick ${what}`);
  }
  async select(where: 'wizard' | 'external', target: Locator, value: string, what: string) {
    this.onTab(target.page());
    await target.selectOption(value);
    this.clicks += 2;
    this.count(where, `choose ${what}`);
  }
  /** Keys pressed on a tab (say, Enter), counted as keystrokes. */
  async press(where: 'wizard' | 'external', target: Locator, key: string, what: string) {
    this.onTab(target.page());
    await target.press(key);
    this.keystrokes += 1;
    this.count(where, `press ${key} ${what}`);
  }
  /** One action per place, for what the person does without a counted click or key (reading). */
  count(where: 'wizard' | 'external', what: string): void {
    if (where === 'wizard') this.wizard += 1;
    else this.external += 1;
    this.log.push(`${where}: ${what}`);
  }
  /** The figures, as written to artifacts/journey-*.json. */
  figures(): { clicks: number; keystrokes: number; tabSwitches: number } {
    return { clicks: this.clicks, keystrokes: this.keystrokes, tabSwitches: this.tabSwitches };
  }
  private onTab(tab: Page): void {
    if (this.lastTab && this.lastTab !== tab) {
      this.tabSwitches += 1;
      this.log.push('switch tab');
    }
    this.lastTab = tab;
  }
}

/** The practice Microsoft page, as a person goes through it (all counted as external). */
export async function signInOnPracticeMicrosoft(
  signInPage: Page,
  code: string,
  actions: Actions,
  account = 'admin@contoso.example',
  /** Called on Microsoft's consent screen, if it comes (a screenshot). */
  lookAtConsent?: (consentPage: Page) => Promise<void>,
): Promise<void> {
  await signInPage.waitForLoadState();
  await expect(signInPage.getByRole('heading', { name: 'Enter code' })).toBeVisible();
  await actions.fill('external', signInPage.getByLabel('Code'), code, 'code');
  await actions.click('external', signInPage.getByRole('button', { name: 'Next' }), 'Next');
  await actions.click('external', signInPage.getByRole('button', { name: 'Continue' }), 'Continue');
  await actions.click('external', signInPage.getByRole('button', { name: account }), 'account');
  await actions.fill('external', signInPage.getByLabel('Password'), 'practice', 'password');
  await actions.click('external', signInPage.getByRole('button', { name: 'Sign in' }), 'Sign in');
  const consent = signInPage.getByRole('heading', { name: 'Permissions requested' });
  if (await consent.isVisible()) {
    await lookAtConsent?.(signInPage);
    // Microsoft offers the box to a Global Administrator only (a mailbox consents for itself).
    const forOrganization = signInPage.getByLabel('Consent on behalf of your organization');
    if (await forOrganization.isVisible()) {
      await actions.check('external', forOrganization, 'consent for the organization');
    }
    await actions.click('external', signInPage.getByRole('button', { name: 'Accept' }), 'Accept');
  }
  await expect(signInPage.getByText(/You have signed in/)).toBeVisible();
}

/** The practice world as the journeys start it: three printers, SMTP AUTH off for the organization. */
export const journeySwitches = {
  printers: 'three',
  tenant: 'normal',
  smtpAuthOrganization: 'off',
  smtpAuthMailbox: 'organization-setting',
  securityDefaults: 'off',
  exchangeReply: 'as-configured',
} as const;

/**
 * Opens a page outside the wizard with a click: a popup in the browser shell, the system
 * browser (shell.openExternal) in the Electron shell.
 */
export type OpenedBy = (click: () => Promise<void>) => Promise<Page>;

export interface JourneyStart {
  page: Page;
  w: ReturnType<typeof wordsOf>;
  actions: Actions;
  openAdminCenter: OpenedBy;
  openSignInPage: OpenedBy;
  /**
   * The account story chosen on Sign in: the guide's way (a Global Administrator's mailbox) or
   * the recommended one (the printer's own mailbox, signed in after the administrator consented).
   * Absent: nothing chosen (the signed-in account sends, as in the guide).
   */
  story?: { way: 'administrator' } | { way: 'own-mailbox'; mailbox: string };
  /** Called where a screen is worth a look (a screenshot), with its name. */
  look?: (screen: string) => Promise<void>;
}

/** The practice printer's own mailbox in the recommended way. */
export const practicePrinterMailbox = 'scanner@contoso.example';

/** The step's heading and the Next button, in the journey's language. */
export function stepControls(page: Page, w: ReturnType<typeof wordsOf>) {
  return {
    heading: (step: string) =>
      page.getByRole('heading', { level: 2, name: w(`steps.${step}.title`) }),
    next: () => page.locator('.step-nav').getByRole('button', { name: w('step.next') }),
  };
}

/**
 * The practice journey from Welcome to a passing Check Exchange Online, with the practice
 * switches as the journeys set them (SMTP AUTH off for the organization): choose the practice
 * ET-2850, turn SMTP AUTH on in the practice admin center, sign in with the device code, and
 * check Exchange Online. Ends on Check Exchange Online with the check passed.
 */
export async function journeyToCheckExchange(start: JourneyStart): Promise<void> {
  const { page, w, actions } = start;
  const { heading, next } = stepControls(page, w);
  await expect(heading('welcome')).toBeVisible();
  await actions.click('wizard', next(), 'Next (Welcome)');

  // Find the printer: the practice ET-2850.
  await expect(heading('find-printer')).toBeVisible();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }) });
  await actions.check(
    'wizard',
    card.getByRole('checkbox', { name: w('discovery:card.use') }),
    'use this printer',
  );
  await actions.click('wizard', next(), 'Next (Find the printer)');

  /** The organization switch is off: the person turns it on in the practice admin center. */
  const fixOrganizationSwitch = async (open: () => Promise<void>): Promise<void> => {
    const admin = await start.openAdminCenter(open);
    await admin.waitForLoadState();
    // The tick box turns SMTP AUTH *off* for the organization: the person unticks it.
    await actions.uncheck(
      'external',
      admin.getByLabel('Turn off SMTP AUTH protocol for your organization'),
      '"Turn off SMTP AUTH protocol"',
    );
    await actions.click(
      'external',
      admin.locator('#organization').getByRole('button', { name: 'Save' }),
      'Save',
    );
    await expect(admin.getByText('SMTP AUTH for the organization: on')).toBeVisible();
    await admin.close();
  };

  await expect(heading('prepare-exchange')).toBeVisible();
  if (!start.story) {
    // Prepare Exchange: the organization switch is off; fix it in the practice admin center
    // (its button is folded "For IT" in the switch's card).
    await actions.click(
      'wizard',
      page
        .getByRole('region', { name: w('exchange:prepare.organization.title') })
        .getByText(w('exchange:prepare.forIt')),
      'open "For IT"',
    );
    await fixOrganizationSwitch(() =>
      actions.click(
        'wizard',
        page.getByRole('button', { name: w('exchange:prepare.organization.open') }),
        'open the Exchange admin center',
      ),
    );
  }
  // With an account story the journey checks first: the switch is fixed where the check finds it.
  await actions.click('wizard', next(), 'Next (Prepare Exchange Online)');

  // Sign in (the wizard's own device-code sign-in).
  await expect(heading('sign-in')).toBeVisible();
  const story = start.story;
  if (story?.way === 'administrator') {
    await actions.check(
      'wizard',
      page.getByRole('radio', { name: w('signin:story.administrator.label') }),
      "the guide's way",
    );
    // Using an administrator's mailbox for a shared printer is named as a risk.
    await expect(page.getByTestId('account-risk')).toBeVisible();
  } else if (story?.way === 'own-mailbox') {
    await actions.check(
      'wizard',
      page.getByRole('radio', { name: w('signin:story.own.label') }),
      "the printer's own mailbox",
    );
    await actions.fill(
      'wizard',
      page.getByRole('textbox', { name: w('signin:story.own.mailbox') }),
      story.mailbox,
      "the printer's mailbox",
    );
  }
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('signin:start.button') }),
    'Start sign-in',
  );
  const signInOnce = async (account: string): Promise<void> => {
    const code = ((await page.getByTestId('user-code').textContent()) ?? '').trim();
    const microsoft = await start.openSignInPage(() =>
      actions.click(
        'wizard',
        page.getByRole('button', { name: w('signin:code.open') }),
        'open sign-in page',
      ),
    );
    await signInOnPracticeMicrosoft(microsoft, code, actions, account);
    await microsoft.close();
  };
  await signInOnce('admin@contoso.example');
  const board = page.getByRole('complementary');
  await expect(board.locator('[data-check="signed-in"]')).toHaveClass(/board-passed/, {
    timeout: 20_000,
  });
  if (story?.way === 'own-mailbox') {
    await start.look?.('sign-in-as-mailbox');
    // The administrator has consented for the organization; the wizard now says to sign in as
    // the printer's mailbox, so the check proves that mailbox as the printer will use it.
    await actions.click(
      'wizard',
      page.getByRole('button', {
        name: w('signin:story.stage.signInAsMailboxButton', { mailbox: story.mailbox }),
      }),
      'Sign in as the printer mailbox',
    );
    await expect(page.getByTestId('account-to-choose')).toContainText(story.mailbox);
    await signInOnce(story.mailbox);
  }
  if (story) {
    await expect(page.getByTestId('account-ready')).toBeVisible({ timeout: 20_000 });
    await start.look?.('sign-in-account-ready');
  }
  await actions.click('wizard', next(), 'Next (Sign in)');

  // Check Exchange Online: the real SMTP AUTH login.
  await expect(heading('verify-tenant')).toBeVisible();
  await actions.click(
    'wizard',
    page.getByRole('button', { name: w('exchange:verify.checkNow') }),
    'Check now',
  );
  if (start.story) {
    // Check first: SMTP AUTH is off for the organization; the fix is right where it was found.
    const fix = page.getByTestId('switch-fix');
    await expect(fix).toBeVisible({ timeout: 20_000 });
    await start.look?.('verify-tenant-switch-off');
    await fixOrganizationSwitch(() =>
      actions.click(
        'wizard',
        fix.getByRole('button', { name: w('troubleshoot:link.exchangeSettings') }),
        'open the Exchange admin center',
      ),
    );
    await actions.click(
      'wizard',
      fix.getByRole('button', { name: w('exchange:verify.switchFix.checkAgain') }),
      'Check again',
    );
  }
  await expect(page.getByTestId('mail-check-passed')).toBeVisible({ timeout: 20_000 });
  await start.look?.('verify-tenant-passed');
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Send a test from the printer" on Check the status sheet, as the wizard says it: start
 * watching, allow reading the mailbox on Microsoft's page if asked, send one scan from the
 * practice printer's panel to the mailbox the wizard names with the code it shows, and read the
 * result. The wizard must name the mailbox it watches and the story's mailbox as the sender,
 * and the scan must arrive from that sender. Returns the result, once there, for the caller to
 * judge.
 */
export async function sendTestScan(expected: {
  page: Page;
  context: BrowserContext;
  w: ReturnType<typeof wordsOf>;
  actions: Actions;
  /** The mailbox the wizard watches (the one signed in to it), where the scan goes. */
  watched: string;
  /** The account story's mailbox, the sender the wizard expects. */
  sender: string;
  look?: (screen: string) => Promise<void>;
}): Promise<Locator> {
  const { page, context, w, actions } = expected;
  const part = page.getByTestId('test-message-part');
  await expect(part.getByTestId('test-message-mailboxes')).toHaveText(
    w('delivery:watchedMailboxes', {
      printer: 'EPSON ET-2850 Series',
      mailbox: expected.watched,
      sender: expected.sender,
    }),
  );
  await actions.click('wizard', part.getByRole('button', { name: w('delivery:watch') }), 'watch');
  const state = part.getByTestId('test-message-state');
  const permission = part.getByTestId('test-message-permission');
  await expect(permission.or(state.getByText(expected.sender)).first()).toBeVisible({
    timeout: 20_000,
  });
  if (await permission.isVisible()) {
    const [consentPage] = await Promise.all([
      context.waitForEvent('page'),
      actions.click(
        'wizard',
        permission.getByRole('button', { name: w('delivery:permission.allow') }),
        'allow reading the mailbox',
      ),
    ]);
    await actions.click(
      'external',
      consentPage.getByRole('button', { name: new RegExp(escaped(expected.watched)) }),
      'account',
    );
    await actions.fill('external', consentPage.getByLabel('Password'), 'practice', 'password');
    await actions.click(
      'external',
      consentPage.getByRole('button', { name: 'Sign in' }),
      'Sign in',
    );
    const consent = consentPage.getByRole('heading', { name: 'Permissions requested' });
    await expect(consent.or(consentPage.getByText(/go back to the wizard/i))).toBeVisible();
    if (await consent.isVisible()) {
      await actions.click(
        'external',
        consentPage.getByRole('button', { name: 'Accept' }),
        'Accept',
      );
    }
    await expect(consentPage.getByText(/go back to the wizard/i)).toBeVisible();
    await consentPage.close();
  }
  // Watching: the wizard names the mailbox it watches, the sender it expects and the code.
  const watching = state.getByText(
    new RegExp(`${escaped(expected.watched)}.*${escaped(expected.sender)}`),
  );
  await expect(watching).toBeVisible({ timeout: 20_000 });
  const code = /PMW-\d{4}/.exec((await watching.textContent()) ?? '')?.[0] ?? '';
  expect(code).not.toBe('');
  await expected.look?.('test-message-watching');
  const [panel] = await Promise.all([
    page.waitForEvent('popup'),
    actions.click(
      'wizard',
      part.getByRole('button', { name: w('delivery:practicePanel') }),
      "open the practice printer's panel",
    ),
  ]);
  await panel.waitForLoadState();
  await actions.fill('external', panel.getByLabel('Recipient'), expected.watched, 'recipient');
  await actions.fill('external', panel.getByLabel('Subject'), code, 'subject');
  await actions.click('external', panel.getByRole('button', { name: 'Start' }), 'Start');
  await expect(panel.getByRole('status')).toHaveText('Sending completed.');
  await panel.close();
  const result = part.getByTestId('test-message-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}
