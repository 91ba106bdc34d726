import { expect, type APIRequestContext } from '@playwright/test';
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
  await callApi(request, wizard, 'saveProgress', {
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
