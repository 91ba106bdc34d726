/**
 * Accessibility beyond axe: Tab presses on Welcome, the skip link, focus on the new step's
 * heading, the language switch on every step (progress kept), 200% text, and the pseudo-locale
 * (long, accented, right-to-left marks) on every step: nothing cut off, no literal string.
 * Figures go to artifacts/keyboard-welcome.json; screenshots to artifacts/screenshots/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { journeySteps } from '../../shared/model';
import { practicePrinterSpecs } from '../../electron/simulator/practice-printers';
import { repoRoot } from '../support/wizard-process';
import { expect, openWizard, screenshot, test } from './fixtures';
import { callApi, resetProgress, signInThroughApi } from './helpers';
import { wordsOf } from './journey-steps';
import { cutOff, literalStrings } from './page-checks';

const w = wordsOf('en');
const rail = (page: Page) => page.getByRole('navigation').getByRole('button');
const focusedText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    return `${active?.tagName.toLowerCase()} ${(active?.textContent ?? '').trim().slice(0, 40)}`;
  });

/** Presses Tab until `isTarget` says the focused element is the one, at most `limit` times. */
async function tabsUntil(
  page: Page,
  isTarget: () => Promise<boolean>,
  limit = 40,
): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return presses;
  }
  throw new Error(`not reached in ${limit} Tab presses (focus on ${await focusedText(page)})`);
}

const nextFocused = (page: Page) => () =>
  page
    .locator('.step-nav')
    .getByRole('button', { name: w('step.next') })
    .evaluate((button) => button === document.activeElement);

test('Welcome: Next in a few Tab presses, fewer with the skip link', async ({
  page,
  wizard,
  request,
}) => {
  await resetProgress(request, wizard);
  await openWizard(page, wizard);
  await expect(
    page.getByRole('heading', { level: 2, name: w('steps.welcome.title') }),
  ).toBeVisible();
  const straight = await tabsUntil(page, nextFocused(page));

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: w('steps.welcome.title') }),
  ).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: w('skip.toContent') })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-title')).toBeFocused();
  const afterSkip = await tabsUntil(page, nextFocused(page));

  // 16 before this change (8 of them through the rail); now: skip link, language, help, about,
  // practice switches, rail, deadline details, help, account kind, cloud, Next.
  expect(straight).toBeLessThanOrEqual(11);
  expect(afterSkip).toBeLessThanOrEqual(5);
  const out = path.join(repoRoot, 'artifacts', 'keyboard-welcome.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ tabsToNext: straight, tabsToNextAfterSkipLink: 1 + afterSkip }, null, 2)}\n`,
  );

  // Next by keyboard: the new step's heading takes the focus, so it is read out first.
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-title')).toHaveText(w('steps.find-printer.title'));
  await expect(page.locator('#step-title')).toBeFocused();
  // The rail is one Tab stop; arrows move in it.
  const current = rail(page).nth(1);
  await current.focus();
  await page.keyboard.press('ArrowDown');
  await expect(rail(page).nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rail(page).nth(0)).toBeFocused();
});

test('the language changes on every step, from the top bar, and progress stays', async ({
  page,
  wizard,
  request,
}) => {
  await resetProgress(request, wizard, { accountKind: 'work' });
  await openWizard(page, wizard);
  const language = page.getByRole('banner').getByRole('combobox');
  const uk = wordsOf('uk');
  for (const [index, step] of journeySteps.entries()) {
    await rail(page).nth(index).click();
    await language.selectOption('uk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.locator('#step-title')).toHaveText(uk(`steps.${step}.title`));
    await expect(rail(page).nth(index)).toHaveAttribute('aria-current', 'step');
    await language.selectOption('en');
    await expect(page.locator('#step-title')).toHaveText(w(`steps.${step}.title`));
  }
  await rail(page).nth(0).click();
  await expect(page.getByLabel(w('welcome:accountKind.work.title'))).toBeChecked();
});

test('200% text: every step without loss, nothing cut off, no sideways scrolling', async ({
  page,
  wizard,
  request,
}) => {
  await resetProgress(request, wizard);
  // The browser's own text size setting (not page zoom): the default font size doubled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await openWizard(page, wizard);
  const rootSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(rootSize).toBe('32px');
  // The text itself doubles (the stylesheet sizes text in rem), not only the root's number.
  const bodyText = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(bodyText).toBe('32px');
  for (const [index, step] of journeySteps.entries()) {
    await rail(page).nth(index).click();
    await expect(page.locator('#step-title')).toHaveText(w(`steps.${step}.title`));
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize), step).toBe('32px');
    expect(await cutOff(page), step).toEqual([]);
    // A full-page capture (Playwright's or DevTools') resets the browser's text size before it
    // captures, so this one is of the window, scrolled to the step's heading.
    await page.locator('#step-title').evaluate((title) => title.scrollIntoView());
    const file = path.join(repoRoot, 'artifacts', 'screenshots', 'text-200', `${step}.png`);
    await page.screenshot({ path: file });
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize), step).toBe('32px');
  }
});

const exactly = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u');

/** What the user or the printer gave, not the catalogue: names, addresses, codes, products. */
const dataOnScreen = [
  // The practice printers' own names, models and locations, as they announce them.
  ...practicePrinterSpecs
    .flatMap((spec) => [spec.instance, spec.model, spec.location])
    .map(exactly),
  /@[\w.-]+$/u,
  /^https?:\/\//u,
  /^[\d.:]+$/u,
  /^(EPSON|Canon|Lexmark)\b/u,
  /\.local\.?$/u,
  /^(English|Bahasa Melayu|Català|Українська)$/u,
];

test('pseudo-locale: every step shows only catalogue words, nothing cut off', async ({
  page,
  wizard,
  request,
}) => {
  await resetProgress(request, wizard, { accountKind: 'work' });
  await signInThroughApi(request, wizard);
  await page.addInitScript(() => localStorage.setItem('wizard-pseudo-locale', '1'));
  await openWizard(page, wizard);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('⟦');
  for (const [index, step] of journeySteps.entries()) {
    await rail(page).nth(index).click();
    await expect(rail(page).nth(index)).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('#step-title')).toContainText('⟧');
    // Let the step load what it shows (printers, sign-in, checks) before reading it.
    await page.waitForTimeout(400);
    expect(await literalStrings(page, dataOnScreen), `${step}: literal strings`).toEqual([]);
    expect(await cutOff(page), `${step}: cut off`).toEqual([]);
    await screenshot(page, `pseudo/${step}`);
  }
  await page.getByRole('banner').getByRole('button').last().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await literalStrings(page, dataOnScreen), 'about: literal strings').toEqual([]);
  await screenshot(page, 'pseudo/about');
  // The worker's wizard goes on to other spec files: leave it signed out, as it started.
  await callApi(request, wizard, 'signOut', {});
});
