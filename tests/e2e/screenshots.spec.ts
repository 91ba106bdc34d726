import { journeySteps, supportedLanguages } from '../../shared/model';
import { expect, openWizard, screenshot, test } from './fixtures';
import { resetProgress } from './helpers';
import { unfilledOnPage } from './page-checks';

// A picture of every step in every language, written to artifacts/screenshots/, to look at.
for (const language of supportedLanguages) {
  test(`screenshots of every step in ${language}`, async ({ page, request, wizard }) => {
    await resetProgress(request, wizard, { language });
    await openWizard(page, wizard);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const rail = page.getByRole('navigation').getByRole('button');
    for (const [index, step] of journeySteps.entries()) {
      await rail.nth(index).click();
      await expect(rail.nth(index)).toHaveAttribute('aria-current', 'step');
      // The step's own content, not the frame shown while its code and words load.
      await expect(page.locator('.step-loading, .practice-pending')).toHaveCount(0);
      await screenshot(page, `${language}/${String(index + 1).padStart(2, '0')}-${step}`);
      // No raw placeholder or missing-key marker (words-filled.spec.ts: with problems too).
      expect(await unfilledOnPage(page), `${language} ${step}`).toEqual([]);
    }
  });
}
