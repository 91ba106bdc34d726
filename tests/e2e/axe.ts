import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe for a page, run in the page itself (axe's "legacy mode"). Otherwise every analyze() opens
 * a blank page to put the frames' results together and closes it again: here that took as long
 * as the checks themselves (1.7–2.9 s against 0.85–1.1 s on Welcome). The wizard allows no
 * frames (its CSP) and the practice pages have none, so the rules and findings are the same.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true);
}
