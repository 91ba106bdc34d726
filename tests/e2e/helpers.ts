import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { initialProgress, type Progress } from '../../shared/model';
import type { WizardProcess } from '../support/wizard-process';

/** Calls the wizard's API directly, as the page would (token as bearer, JSON body). */
export async function callApi(
  request: APIRequestContext,
  wizard: WizardProcess,
  method: string,
  params: unknown,
): Promise<unknown> {
  const response = await request.post(`${wizard.origin}/api/${method}`, {
    headers: { Authorization: `Bearer ${wizard.token}`, 'Content-Type': 'application/json' },
    data: JSON.stringify(params),
  });
  return response.json();
}

/** Puts the wizard back at the start (and English), so tests don't depend on each other. */
export async function resetProgress(
  request: APIRequestContext,
  wizard: WizardProcess,
  progress: Partial<Progress> = {},
): Promise<void> {
  await callApi(request, wizard, 'setPracticeProgress', {
    ...initialProgress,
    language: 'en',
    ...progress,
  });
}

/**
 * Signs the wizard in as the practice tenant's administrator without the UI (device code on
 * the practice page, consent for the organization), and waits until main says signed in.
 */
export async function signInThroughApi(
  request: APIRequestContext,
  wizard: WizardProcess,
): Promise<void> {
  const started = (await callApi(request, wizard, 'startSignIn', {})) as {
    value: { prompt: { userCode: string; verificationUri: string } };
  };
  const pageOrigin = new URL(started.value.prompt.verificationUri).origin;
  const form = async (path: string, fields: Record<string, string>): Promise<string> =>
    (await request.post(`${pageOrigin}${path}`, { form: fields })).text();
  const confirm = await form('/devicelogin', { otc: started.value.prompt.userCode });
  const flow = /name="flow" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
  await form('/continue', { flow, action: 'continue' });
  await form('/account', { flow, upn: 'admin@contoso.example' });
  const afterPassword = await form('/password', { flow, password: 'practice' });
  if (afterPassword.includes('Permissions requested')) {
    await form('/consent', { flow, action: 'accept', organization: 'on' });
  }
  await expect
    .poll(async () => {
      const status = (await callApi(request, wizard, 'getSignInStatus', {})) as {
        value: { phase: string };
      };
      return status.value.phase;
    })
    .toBe('signed-in');
}

/**
 * The practice Microsoft page of the browser sign-in, as a person goes through it after "Pick
 * an account": admin@, the password, consent for the organization (expected when `consent` is
 * 'asked', answered only if shown when 'if-asked'), then Microsoft's "signed in" page, closed.
 */
export async function finishBrowserSignIn(
  signInPage: Page,
  consent: 'asked' | 'if-asked',
): Promise<void> {
  await signInPage.getByRole('button', { name: /admin@contoso\.example/ }).click();
  await signInPage.getByLabel('Password').fill('practice');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  const asked = signInPage.getByRole('heading', { name: 'Permissions requested' });
  if (consent === 'asked') await expect(asked).toBeVisible();
  if (consent === 'asked' || (await asked.isVisible())) {
    await signInPage.getByLabel('Consent on behalf of your organization').check();
    await signInPage.getByRole('button', { name: 'Accept' }).click();
  }
  await expect(signInPage.getByText(/Signed in\. You can close this window/)).toBeVisible();
  await signInPage.close();
}
