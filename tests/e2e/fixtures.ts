/**
 * E2E fixtures: each worker runs its own wizard (browser shell, practice world) with its own
 * config folder; `openWizard` opens it in the page as a user would, with the printed address.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  repoRoot,
  startWizard,
  type StartOptions,
  type WizardProcess,
} from '../support/wizard-process';

export const test = base.extend<
  object,
  { wizard: WizardProcess; wizardTiming: StartOptions['timing'] | undefined }
>({
  // A spec may ask for shorter timings (`test.use({ wizardTiming: … })`): its own wizard then.
  wizardTiming: [undefined, { scope: 'worker', option: true }],
  wizard: [
    async ({ wizardTiming }, use) => {
      const wizard = await startWizard({
        demo: true,
        ...(wizardTiming ? { timing: wizardTiming } : {}),
      });
      await use(wizard);
      await wizard.stop();
    },
    { scope: 'worker' },
  ],
});
export { expect };

export async function openWizard(page: Page, wizard: WizardProcess): Promise<void> {
  await page.goto(wizard.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** Screenshots go to artifacts/screenshots/ (ignored by git) on every run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(repoRoot, 'artifacts', 'screenshots', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}
