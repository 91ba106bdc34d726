/**
 * E2E for the troubleshooter, driven like a user in the browser shell with the practice world:
 * a job error code, a pasted Exchange reply with its server suffix, a pasted AADSTS53003 in
 * Microsoft's words, the policy-reading fallback's exclusions, junk, and another language. Words are checked against the locale files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWizard, screenshot, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { callApi, finishBrowserSignIn, resetProgress, signInThroughApi } from './helpers';

const locales = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
type Words = { problems: Record<string, { title: string; cause: string; fix: string }> };
const words = (language: string, namespace: string): Words & Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(locales, language, `${namespace}.json`), 'utf8'));
const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

async function expectDiagnosis(
  page: Page,
  language: string,
  namespace: string,
  id: string,
  values: Record<string, string> = {},
): Promise<void> {
  const entry = words(language, namespace).problems[id];
  if (!entry) throw new Error(`No words for ${id}`);
  await expect(page.getByTestId('diagnosis-meaning')).toHaveText(fill(entry.title, values));
  await expect(page.getByTestId('diagnosis-cause')).toHaveText(fill(entry.cause, values));
  await expect(page.getByTestId('diagnosis-fix')).toHaveText(fill(entry.fix, values));
}

async function openFromTopBar(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: 'Something stopped working?' })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Something stopped working' }),
  ).toBeVisible();
}

async function paste(page: Page, kind: string, label: string, text: string): Promise<void> {
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: 'Explain' }).click();
}

function pasteSignInError(page: Page, text: string): Promise<void> {
  return paste(
    page,
    'A Microsoft sign-in error (AADSTS…)',
    'The error code or the whole message',
    text,
  );
}

test.beforeEach(async ({ request, wizard }) => {
  await resetProgress(request, wizard);
});

test('from Welcome, job error 361 is explained with why sign-ins expire, and the wizard checks the login itself', async ({
  page,
  wizard,
}) => {
  await openWizard(page, wizard);
  await page.getByRole('main').getByRole('button', { name: 'Something stopped working?' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Something stopped working' }),
  ).toBeFocused();
  await page.getByRole('textbox', { name: 'Error code' }).fill('361');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText('Recognised as a job error code.')).toBeVisible();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'job-error-361');
  await expect(page.getByRole('heading', { name: 'Why a sign-in expires' })).toBeVisible();
  await expect(page.getByText(/It was not used for 90 days/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to avoid it next time' })).toBeVisible();
  // No printer chosen yet: the Web Config button says where to choose one.
  await expect(page.getByText(/Choose the printer in Find the printer/)).toBeVisible();
  await expectNoAxeViolations(page, 'troubleshooter 361');
  await screenshot(page, 'en/troubleshoot-361');

  // Nobody is signed in: the check says so plainly, with its fix.
  await page.getByRole('button', { name: 'Check the login to Exchange Online now' }).click();
  await expect(
    page.getByRole('alert').filter({
      hasText: words('en', 'signin').problems['signin-not-signed-in']?.title ?? '?',
    }),
  ).toBeVisible();

  // "Sign in again" takes the user to the Sign in step.
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
});

test('a typed code the guide does not list is named as such', async ({ page, wizard }) => {
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await page.getByRole('textbox', { name: 'Error code' }).fill('123');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'job-error-other', { code: '123' });
});

test('a pasted Exchange reply with its bracketed server suffix', async ({ page, wizard }) => {
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await paste(
    page,
    'A reply from the mail server (for example 535 5.7.139 …)',
    "The server's reply, as shown",
    'Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.409Z 08DBB34A1B5F4C7E]',
  );
  await expect(page.getByText('Recognised as a reply from the mail server.')).toBeVisible();
  await expectDiagnosis(page, 'en', 'exchange', 'smtp-auth-disabled-tenant');
  await expect(
    page.getByRole('button', { name: 'Open the Exchange admin center (mail flow settings)' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Prepare Exchange Online' })).toBeVisible();
  await expectNoAxeViolations(page, 'troubleshooter smtp reply');
  await screenshot(page, 'en/troubleshoot-smtp-reply');
});

test("a pasted AADSTS53003, in Microsoft's words, offers the policy check and the browser sign-in", async ({
  page,
  context,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await pasteSignInError(
    page,
    // Microsoft's words for every Conditional Access block, whichever condition matched
    // (Entra error-code reference; Azure/azure-cli#32809): nothing in them names the flow.
    'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 2f8ccb7a-459e-44fb-b615-232475945800 Correlation ID: 7c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8 Timestamp: 2026-02-17 18:39:09Z',
  );
  await expect(page.getByText('Recognised as a Microsoft sign-in error.')).toBeVisible();
  await expectDiagnosis(page, 'en', 'signin', 'signin-conditional-access', {
    code: 'AADSTS53003',
    correlationId: '7c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8',
  });
  await expect(
    page.getByRole('button', { name: 'Check the Conditional Access policies now' }),
  ).toBeVisible();

  // The fallback: the wizard signs in through the browser; the printer still needs device code.
  await callApi(request, wizard, 'setPracticeSwitch', {
    id: 'tenant',
    value: 'device-code-blocked',
  });
  await page.getByRole('button', { name: 'Sign in through the browser instead' }).click();
  await expect(page.getByText('The printer cannot do this')).toBeVisible();
  await expect(page.getByText(/The printer itself still signs in with a code/)).toBeVisible();
  await expectNoAxeViolations(page, 'troubleshooter browser sign-in');
  await screenshot(page, 'en/troubleshoot-browser-signin');
  // Started and cancelled: the wizard stops waiting, the page that opened leads nowhere.
  const [abandoned] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open the sign-in page' }).click(),
  ]);
  await expect(page.getByText('Finish the sign-in in the browser.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Finish the sign-in in the browser.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await abandoned.close();
  const [signInPage] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open the sign-in page' }).click(),
  ]);
  await expect(signInPage.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await finishBrowserSignIn(signInPage, 'if-asked');
  await expect(
    page.getByText("Signed in as admin@contoso.example. The wizard's checks can run now."),
  ).toBeVisible();
  await callApi(request, wizard, 'signOut', {});
  await callApi(request, wizard, 'setPracticeSwitch', { id: 'tenant', value: 'normal' });
});

test('without What If, the policy check resolves exclusions by group and by role, and says "may" when it cannot tell', async ({
  page,
  request,
  wizard,
}) => {
  await signInThroughApi(request, wizard);
  const practice = (id: string, value: string) =>
    callApi(request, wizard, 'setPracticeSwitch', { id, value });
  await practice('graph', 'what-if-unavailable');
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await pasteSignInError(
    page,
    'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  );
  const check = page.getByRole('button', { name: 'Check the Conditional Access policies now' });
  const outcome = page.getByTestId('remedy-outcome');
  const passed = "Nothing found that blocks the printer's sign-in.";
  const blocks =
    'The Conditional Access policy "Block device code flow" blocks the printer\'s sign-in.';
  // admin@ is in "Device code flow exceptions" through the IT group, and a Global Administrator.
  // Each answer differs from the one before, so a stale one cannot pass.
  for (const [policy, expected] of [
    ['block-except-group', passed],
    ['block-device-code', blocks],
    ['block-except-role', passed],
  ] as const) {
    await practice('conditionalAccess', policy);
    await check.click();
    await expect(outcome).toContainText(expected);
  }
  // The memberships cannot be read: the exception group may or may not hold the account.
  await practice('graph', 'memberships-unreadable');
  await practice('conditionalAccess', 'block-except-group');
  await check.click();
  await expect(outcome).toContainText(
    'The policy "Block device code flow" may block the printer\'s sign-in.',
  );
  await expectNoAxeViolations(page, 'policy fallback: may apply');
  await screenshot(page, 'en/troubleshoot-ca-fallback-may-apply');
  await practice('graph', 'works');
  await practice('conditionalAccess', 'none');
  await callApi(request, wizard, 'signOut', {});
});

test('each diagnosis shows only the checks it ran, with when; a new one or reopening starts clean', async ({
  page,
  request,
  wizard,
}) => {
  await signInThroughApi(request, wizard);
  const practice = (id: string, value: string) =>
    callApi(request, wizard, 'setPracticeSwitch', { id, value });
  await practice('conditionalAccess', 'block-device-code');
  await openWizard(page, wizard);
  await openFromTopBar(page);
  const ranAt = page.getByTestId('remedy-ran-at');
  const outcome = page.getByTestId('remedy-outcome');
  // Every check a diagnosis ran, whatever it answered.
  const ran = page.getByTestId('remedy-ran');
  const blocks =
    'The Conditional Access policy "Block device code flow" blocks the printer\'s sign-in.';
  const browserPanel = page.getByRole('heading', { name: 'Sign in through the browser' });

  // "Nobody can sign in": the policy check finds the block; the browser sign-in opens.
  await page.getByRole('radio', { name: 'Nobody can sign in' }).check();
  await page.getByRole('button', { name: 'Explain' }).click();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'cannot-sign-in');
  await expect(ranAt).toHaveCount(0);
  await page.getByRole('button', { name: 'Check the Conditional Access policies now' }).click();
  await expect(outcome).toContainText(blocks);
  await expect(ranAt).toHaveText(/^The Conditional Access policies: checked at \d\d:\d\d:\d\d/);
  await page.getByRole('button', { name: 'Sign in through the browser instead' }).click();
  await expect(browserPanel).toBeVisible();
  await screenshot(page, 'en/troubleshoot-fresh-1-cannot-sign-in');

  // Error 361 next: none of that stays under it.
  await page.getByRole('radio', { name: /An error code in the printer's job history/ }).check();
  await page.getByRole('textbox', { name: 'Error code' }).fill('361');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'job-error-361');
  await expect(ran).toHaveCount(0);
  await expect(ranAt).toHaveCount(0);
  await expect(page.getByText(blocks)).toHaveCount(0);
  await expect(browserPanel).toHaveCount(0);
  await expectNoAxeViolations(page, 'troubleshooter: 361 after a diagnosis');
  await screenshot(page, 'en/troubleshoot-fresh-2-361');

  // The policy is gone; a pasted 550 5.7.30 starts clean too, and its own check shows.
  await practice('conditionalAccess', 'none');
  await paste(
    page,
    'A reply from the mail server (for example 535 5.7.139 …)',
    "The server's reply, as shown",
    '550 5.7.30 Basic authentication is not supported for Client Submission. [BN9PR03CA0170.namprd03.prod.outlook.com 2026-12-01T09:00:00.000Z 08DD0000]',
  );
  await expectDiagnosis(page, 'en', 'exchange', 'smtp-basic-auth-retired');
  await expect(ran).toHaveCount(0);
  await expect(browserPanel).toHaveCount(0);
  await page.getByRole('button', { name: 'Check the login to Exchange Online now' }).click();
  await expect(ranAt).toHaveText(/^The login to Exchange Online: checked at /);
  // The practice organization starts with SMTP AUTH off: that is this check's own answer.
  await expect(ran).toContainText(
    words('en', 'exchange').problems['smtp-auth-disabled-tenant']?.title ?? '?',
  );
  await expect(page.getByText(blocks)).toHaveCount(0);
  await screenshot(page, 'en/troubleshoot-fresh-3-5.7.30');

  // "Nobody can sign in" again: nothing from the first time; its check now finds nothing.
  await page.getByRole('radio', { name: 'Nobody can sign in' }).check();
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(ran).toHaveCount(0);
  await expect(ranAt).toHaveCount(0);
  await page.getByRole('button', { name: 'Check the Conditional Access policies now' }).click();
  await expect(outcome).toContainText("Nothing found that blocks the printer's sign-in.");
  await expect(ran).toHaveCount(1);

  // Closed and opened again: no diagnosis at all.
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  await openFromTopBar(page);
  await expect(page.getByTestId('diagnosis-meaning')).toHaveCount(0);
  await expect(ranAt).toHaveCount(0);

  // In Ukrainian: the check names itself and its time in the person's words.
  await page.getByRole('banner').getByRole('combobox').selectOption('uk');
  const uk = words('uk', 'troubleshoot') as unknown as {
    explain: string;
    kind: Record<string, string>;
    action: Record<string, string>;
    check: { ranAt: string; name: Record<string, string> };
  };
  await page.getByRole('radio', { name: uk.kind['cannot-sign-in'] }).check();
  await page.getByRole('button', { name: uk.explain }).click();
  await page.getByRole('button', { name: uk.action['run-ca-check'] }).click();
  await expect(ranAt).toHaveText(
    new RegExp(
      `^${fill(uk.check.ranAt, { check: uk.check.name['run-ca-check'] ?? '?', time: '\\d\\d:\\d\\d:\\d\\d' })}$`,
    ),
  );
  await expectNoAxeViolations(page, 'troubleshooter: a check with its time, uk');
  await screenshot(page, 'uk/troubleshoot-check-ran-at');
  await callApi(request, wizard, 'signOut', {});
});

test('junk is said plainly not to be recognised', async ({ page, wizard }) => {
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await paste(page, 'I will paste the text', 'The text you see', 'my scanner is being weird today');
  await expect(page.getByText('The wizard does not recognise this.').first()).toBeVisible();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'troubleshoot-not-recognised');
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible();
});

test('in Traditional Chinese: the printer message from the guide and error 370', async ({
  page,
  request,
  wizard,
}) => {
  await resetProgress(request, wizard, { language: 'zh-TW' });
  await openWizard(page, wizard);
  const zh = words('zh-TW', 'troubleshoot') as unknown as {
    open: string;
    title: string;
    explain: string;
    kind: Record<string, string>;
    text: Record<string, string>;
    jobCode: { label: string };
  };
  await page.getByRole('banner').getByRole('button', { name: zh.open }).click();
  await expect(page.getByRole('heading', { level: 2, name: zh.title })).toBeVisible();
  await page.getByRole('radio', { name: zh.kind.paste }).check();
  await page
    .getByLabel(zh.text.paste ?? '')
    .fill('要使用此功能，您必須登入電郵服務。請聯絡您的管理員。');
  await page.getByRole('button', { name: zh.explain }).click();
  await expectDiagnosis(page, 'zh-TW', 'troubleshoot', 'printer-must-sign-in');
  await expectNoAxeViolations(page, 'troubleshooter zh-TW');
  await screenshot(page, 'zh-TW/troubleshoot-must-sign-in');

  await page.getByRole('radio', { name: zh.kind['job-code'] }).check();
  await page.getByRole('textbox', { name: zh.jobCode.label }).fill('370');
  await page.getByRole('button', { name: zh.explain }).click();
  await expectDiagnosis(page, 'zh-TW', 'troubleshoot', 'job-error-370');
  await screenshot(page, 'zh-TW/troubleshoot-370');
});

test("the guide's extra sections: fax server and Print Admin Serverless with the role check", async ({
  page,
  request,
  wizard,
}) => {
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await page.getByRole('button', { name: 'Fax server OAuth 2.0' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fax server OAuth 2.0' })).toBeFocused();
  await expect(
    page.getByText('Select the Fax tab > Fax Server > Email Server Settings.'),
  ).toBeVisible();
  await expect(
    page.getByText('Set Authentication Method for the email server to OAuth2.'),
  ).toBeVisible();
  await expect(page.getByText(/ask your fax service provider/)).toBeVisible();
  await expectNoAxeViolations(page, 'fax guide');
  await page.getByRole('button', { name: 'Back to the troubleshooter' }).click();

  await page.getByRole('button', { name: 'Epson Print Admin Serverless: To My Email' }).click();
  await expect(
    page.getByText(/tick "Consent on behalf of organization", then select Accept/),
  ).toBeVisible();
  await expect(page.getByText(/Nobody is signed in to the wizard/)).toBeVisible();

  // Sign in (device code on the practice page, as an administrator) and check the role here.
  await signInThroughApi(request, wizard);
  await page.getByRole('button', { name: 'Back to the troubleshooter' }).click();
  await page.getByRole('button', { name: 'Epson Print Admin Serverless: To My Email' }).click();
  await expect(page.getByTestId('consent-role')).toContainText('Global Administrator');
  await expectNoAxeViolations(page, 'print admin guide');
  await screenshot(page, 'en/guide-print-admin');
  await callApi(request, wizard, 'signOut', {});
});

test('Outlook.com personal accounts get the short path: no admin pages or tenant checks', async ({
  page,
  request,
  wizard,
}) => {
  await resetProgress(request, wizard, { accountKind: 'personal' });
  await openWizard(page, wizard);
  await openFromTopBar(page);
  await paste(
    page,
    'A reply from the mail server (for example 535 5.7.139 …)',
    "The server's reply, as shown",
    '535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com 2024-01-01T00:00:00.000Z 08DC0000]',
  );
  await expectDiagnosis(page, 'en', 'exchange', 'smtp-auth-failed');
  await expect(
    page.getByRole('button', { name: 'Check the login to Exchange Online now' }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Nobody can sign in' }).check();
  await page.getByRole('button', { name: 'Explain' }).click();
  await expectDiagnosis(page, 'en', 'troubleshoot', 'cannot-sign-in');
  await expect(page.getByRole('button', { name: /Conditional Access/ })).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Sign in through the browser instead' }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await page.getByRole('button', { name: 'Epson Print Admin Serverless: To My Email' }).click();
  await expect(page.getByText(/Outlook.com personal accounts have no organization/)).toBeVisible();
});

test("Ukrainian: the fax guide in the guide's own words", async ({ page, request, wizard }) => {
  await resetProgress(request, wizard, { language: 'uk' });
  await openWizard(page, wizard);
  const uk = words('uk', 'troubleshoot') as unknown as { open: string };
  const ukGuides = words('uk', 'guides') as unknown as {
    open: { fax: string };
    fax: { title: string };
  };
  await page.getByRole('banner').getByRole('button', { name: uk.open }).click();
  await page.getByRole('button', { name: ukGuides.open.fax }).click();
  await expect(page.getByRole('heading', { level: 2, name: ukGuides.fax.title })).toBeVisible();
  await expect(
    page.getByText(/Факс > Факсовий сервер > Налаштування серверу електронної пошти/),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'fax guide uk');
  await screenshot(page, 'uk/guide-fax');
});
