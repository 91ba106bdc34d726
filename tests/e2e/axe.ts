import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

// The axe-core that @axe-core/playwright itself ships (the same rules and version).
const fromAxePlaywright = createRequire(require.resolve('@axe-core/playwright'));
const axeSource = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: unknown, options: object): Promise<AxeResults> };
  }
}

export interface AxeRun {
  /** Only this part of the page (a CSS selector), as AxeBuilder's include(). */
  include(selector: string): AxeRun;
  analyze(): Promise<{ violations: Result[] }>;
}

/**
 * axe-core's default rules on a page, run in the page itself, as @axe-core/playwright runs them
 * in its legacy mode; measured here, that mode spent more time around the checks than in them.
 * axe-core goes into a document once (evaluating its 580 KB took 460 ms of each 1.1–2.3 s
 * analysis on Welcome), and only the violations come back, with every node (passes and
 * inapplicable rules were sent back in full and thrown away): about 0.45 s a check. The wizard
 * allows no frames (its CSP) and the practice pages have none, so nothing is left unchecked;
 * foundation.spec shows it still finds a nameless button and low contrast.
 */
export function axeOn(page: Page): AxeRun {
  let context: string | null = null;
  const run: AxeRun = {
    include(selector) {
      context = selector;
      return run;
    },
    async analyze() {
      // A page that navigated or reloaded has a new document, without axe-core: put it in again.
      if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async (selector) => {
        if (!window.axe) throw new Error('axe-core did not load in this page');
        const results = await window.axe.run(selector ?? document, {
          resultTypes: ['violations'],
        });
        return results.violations;
      }, context);
      return { violations };
    },
  };
  return run;
}

/** No axe violation on the page; the message names where and lists what axe found. */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  const { violations } = await axeOn(page).analyze();
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
