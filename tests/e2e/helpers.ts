import type { APIRequestContext } from '@playwright/test';
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
