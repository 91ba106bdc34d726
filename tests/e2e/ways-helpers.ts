/**
 * What the specs of the ways to keep sending share: the practice switches they reset, Find
 * the printer with the practice Brother whose email settings have no OAuth 2.0, and opening a
 * step from the rail.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { journeySteps, type StepId } from '../../shared/model';
import { defaultPracticeSettings, type PracticeSwitchId } from '../../shared/practice';
import type { WizardProcess } from '../support/wizard-process';
import { expect } from './fixtures';
import { callApi, resetProgress } from './helpers';
import type { wordsOf } from './journey-steps';

export const waySwitches: PracticeSwitchId[] = [
  'mx',
  'port25',
  'directSend',
  'connector',
  'hveAccount',
  'passwordLogin',
  'smtpAuthOrganization',
];

export async function setSwitch(
  request: APIRequestContext,
  wizard: WizardProcess,
  id: PracticeSwitchId,
  value: string,
): Promise<void> {
  await callApi(request, wizard, 'setPracticeSwitch', { id, value });
}

/** Three practice printers, every way switch at its default, the journey at Find the printer. */
export async function resetWays(request: APIRequestContext, wizard: WizardProcess): Promise<void> {
  await setSwitch(request, wizard, 'printers', 'three');
  const defaults = defaultPracticeSettings();
  for (const id of waySwitches) await setSwitch(request, wizard, id, defaults[id]);
  await resetProgress(request, wizard, {
    step: 'find-printer',
    visited: ['welcome', 'find-printer'],
  });
}

export const brother = 'Brother MFC-L2750DW series';

/** Find the printer: use the practice Brother and say its email settings have no OAuth 2.0. */
export async function chooseBrotherWithoutOauth(
  page: Page,
  w: ReturnType<typeof wordsOf>,
): Promise<void> {
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: brother, exact: true }) });
  await card.getByRole('checkbox', { name: w('discovery:card.use') }).check();
  await card.getByRole('button', { name: w('discovery:oauth.overrule') }).click();
  await expect(card.getByTestId('oauth-verdict')).toHaveAttribute('data-verdict', 'not-offered');
  // Next: a printer that needs another way goes through "Choose a way to keep sending".
  await page
    .locator('.step-nav')
    .getByRole('button', { name: w('step.next') })
    .click();
  await expect(page.locator('#step-title')).toHaveText(w('steps.keep-sending.title'));
  await expect(page.getByTestId('way-need')).toHaveAttribute('data-need', 'needed');
}

export async function openStep(page: Page, step: StepId, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button').nth(journeySteps.indexOf(step)).click();
  await expect(page.locator('#step-title')).toHaveText(title);
  await expect(page.locator('.step-loading')).toHaveCount(0);
}
