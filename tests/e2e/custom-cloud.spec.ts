/**
 * A custom cloud profile (WIZARD_CLOUD_FILE), laid out as Microsoft's own clouds are: the code
 * page on another origin than the sign-in host, and the browser sign-in's authorization
 * endpoint on the sign-in host. The wizard opens both, exactly as it opens Microsoft's, and
 * nothing else. The stand-in is the practice tenant, started here on loopback and named only
 * through the file (the wizard itself runs without --demo).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPracticeTenant,
  practiceClientIds,
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld } from '../../electron/simulator/practice-world';
import { startWizard } from '../support/wizard-process';
import { expect, screenshot, test } from './fixtures';
import { axeOn } from './axe';
import { callApi, finishBrowserSignIn } from './helpers';

test("a custom profile's code page and browser sign-in open like Microsoft's own", async ({
  browser,
}) => {
  const world = await startPracticeWorld({
    parts: [() => createPracticeTenant({ authorizeOnAuthority: true })],
    // A policy refuses the code sign-in, so the browser sign-in is needed.
    initial: { tenant: 'device-code-blocked' },
  });
  const tenant = world.part<PracticeTenant>(practiceTenantPartName);
  if (!tenant) throw new Error('the practice tenant did not start');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'custom-cloud-'));
  writeFileSync(path.join(folder, 'ca.pem'), world.certificate.cert);
  const cloudFile = path.join(folder, 'cloud.json');
  const profile = {
    authorityHost: tenant.identityOrigin,
    graphBaseUrl: tenant.graphBaseUrl,
    graphResource: 'https://graph.microsoft.com',
    smtpScope: 'https://outlook.office.com/SMTP.Send',
    deviceLoginUrl: `${tenant.pageOrigin}/devicelogin`,
    caFile: 'ca.pem',
  };
  expect(new URL(profile.deviceLoginUrl).origin).not.toBe(new URL(profile.authorityHost).origin);
  writeFileSync(cloudFile, JSON.stringify(profile));
  const wizard = await startWizard({
    demo: false,
    env: {
      WIZARD_CLOUD_FILE: cloudFile,
      WIZARD_CLIENT_ID: practiceClientIds.wizard,
      WIZARD_DISCOVERY_INTERFACES: '127.0.0.1',
    },
  });
  // The people of a private deployment trust its CA in their browser.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    // Not practice mode: the wizard is moved the way the page moves it, by an intent.
    await callApi(context.request, wizard, 'goToStep', { step: 'sign-in' });
    const page = await context.newPage();
    await page.goto(wizard.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();

    // The code page, on the profile's deviceLoginUrl origin.
    await page.getByRole('button', { name: 'Start sign-in' }).click();
    const code = (await page.getByTestId('user-code').textContent())?.trim() ?? '';
    const [codePage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open sign-in page' }).click(),
    ]);
    expect(new URL(codePage.url()).origin).toBe(tenant.pageOrigin);
    await codePage.getByLabel('Code').fill(code);
    await codePage.getByRole('button', { name: 'Next' }).click();
    await codePage.getByRole('button', { name: 'Continue' }).click();
    await codePage.getByRole('button', { name: /admin@contoso\.example/ }).click();
    await codePage.getByLabel('Password').fill('practice');
    await codePage.getByRole('button', { name: 'Sign in' }).click();
    await expect(codePage.getByText(/AADSTS53003/)).toBeVisible();
    await codePage.close();
    await expect(page.getByRole('alert')).toContainText(
      'A Conditional Access policy blocked the sign-in with a code (AADSTS53003).',
    );

    // The browser sign-in, on the profile's sign-in host (authorityHost).
    const [signInPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the sign-in page' }).click(),
    ]);
    await expect(signInPage.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
    await expect(page.getByText('The wizard will not open this address')).toHaveCount(0);
    await finishBrowserSignIn(signInPage, 'asked');
    await expect(page.getByTestId('signin-account')).toHaveText(
      'Alex Admin (admin@contoso.example)',
    );
    await expect(
      page.getByRole('heading', { name: 'Which policy blocks the printer?' }),
    ).toBeVisible();
    expect((await axeOn(page).analyze()).violations).toEqual([]);
    await screenshot(page, 'en/signin-custom-cloud-browser');
  } finally {
    await context.close();
    await wizard.stop();
    await world.stop();
  }
});
