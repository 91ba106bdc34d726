/**
 * Each step's page height at 1366×768 in English and Ukrainian, and whether Back and Next are
 * on the first screen, written to artifacts/page-heights.json to compare before and after a
 * change (a measurement, no timed or height assertion), and that each step offers at most one
 * primary button besides Next. Signed in as the practice administrator, the practice printer
 * chosen, nothing checked yet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { journeySteps } from '../../shared/model';
import { repoRoot } from '../support/wizard-process';
import { expect, openWizard, test } from './fixtures';
import { callApi, resetProgress, signInThroughApi } from './helpers';
import { wordsOf } from './journey-steps';

const printer = {
  id: 'practice:et-2850',
  name: 'EPSON ET-2850 Series',
  model: 'ET-2850 Series',
  vendor: 'epson' as const,
  addresses: ['127.0.0.1'],
  webConfigUrl: null,
  firmwareVersion: '05.27.XK26P4',
};

test('each step’s height at 1366×768, English and Ukrainian', async ({ page, wizard, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInThroughApi(request, wizard);
  const heights: Record<
    string,
    Record<string, { height: number; nextOnFirstScreen: boolean; primaries: string[] }>
  > = {};
  for (const language of ['en', 'uk'] as const) {
    const w = wordsOf(language);
    heights[language] = {};
    for (const step of journeySteps) {
      await resetProgress(request, wizard, {
        language,
        step,
        visited: [...journeySteps],
        printers: [printer],
      });
      await openWizard(page, wizard);
      await expect(
        page.getByRole('heading', { level: 2, name: w(`steps.${step}.title`) }),
      ).toBeVisible();
      // Let the step's values (sign-in, printers, checks) arrive: measure once the height holds.
      await page.waitForLoadState('networkidle');
      let before = -1;
      for (let tries = 0; tries < 12; tries += 1) {
        await page.waitForTimeout(600);
        const now = await page.evaluate(() => document.documentElement.scrollHeight);
        if (now === before) break;
        before = now;
      }
      const measured = await page.evaluate(() => {
        window.scrollTo(0, 0);
        const next = document.querySelector('.step-nav button:last-of-type');
        const box = next?.getBoundingClientRect();
        return {
          height: document.documentElement.scrollHeight,
          nextOnFirstScreen: !!box && box.bottom <= window.innerHeight && box.top >= 0,
          primaries: [...document.querySelectorAll<HTMLElement>('main button.primary')]
            .filter((button) => button.offsetParent !== null && !button.closest('.step-nav'))
            .map((button) => button.textContent ?? ''),
        };
      });
      heights[language][step] = measured;
      // One next action per screen: at most one primary button besides Next (which then yields).
      expect(
        measured.primaries.length,
        `${language} ${step}: ${measured.primaries.join(', ')}`,
      ).toBeLessThanOrEqual(1);
    }
  }
  // The sign-in is kept in the OS keychain: leave none behind for other specs.
  await callApi(request, wizard, 'signOut', {});
  const out = path.join(repoRoot, 'artifacts', 'page-heights.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(heights, null, 2)}\n`);
});
