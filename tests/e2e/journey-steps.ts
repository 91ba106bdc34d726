/**
 * Steps of the practice journey shared by the browser-shell journey (journey.spec.ts) and the
 * Electron shell harness (tests/shell-harness/): the wizard's words per language, the count of
 * a person's actions, and the practice Microsoft sign-in page as a person goes through it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { repoRoot } from '../support/wizard-process';

export type { Language } from '../../shared/model';
import type { Language } from '../../shared/model';

/** The wizard's own words in a language, read from its locale files. */
export function wordsOf(language: Language) {
  const cache = new Map<string, Record<string, unknown>>();
  return (key: string, values: Record<string, string> = {}): string => {
    const [namespace, rest] = key.includes(':') ? key.split(':') : ['common', key];
    const file = path.join(repoRoot, 'renderer', 'locales', language, `${namespace}.json`);
    if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
    let value: unknown = cache.get(file);
    for (const part of (rest ?? '').split('.')) value = (value as Record<string, unknown>)[part];
    if (typeof value !== 'string') throw new Error(`no word for ${key} in ${language}`);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  };
}

export class Actions {
  wizard = 0;
  external = 0;
  readonly log: string[] = [];
  async click(where: 'wizard' | 'external', target: Locator, what: string): Promise<void> {
    await target.click();
    this.count(where, `click ${what}`);
  }
  async fill(where: 'wizard' | 'external', target: Locator, value: string, what: string) {
    await target.fill(value);
    this.count(where, `fill ${what}`);
  }
  async check(where: 'wizard' | 'external', target: Locator, what: string) {
    await target.check();
    this.count(where, `tick ${what}`);
  }
  async select(where: 'wizard' | 'external', target: Locator, value: string, what: string) {
    await target.selectOption(value);
    this.count(where, `choose ${what}`);
  }
  count(where: 'wizard' | 'external', what: string): void {
    if (where === 'wizard') this.wizard += 1;
    else this.external += 1;
    this.log.push(`${where}: ${what}`);
  }
}

/** The practice Microsoft page, as a person goes through it (all counted as external). */
export async function signInOnPracticeMicrosoft(
  signInPage: Page,
  code: string,
  actions: Actions,
): Promise<void> {
  await signInPage.waitForLoadState();
  await expect(signInPage.getByRole('heading', { name: 'Enter code' })).toBeVisible();
  await actions.fill('external', signInPage.getByLabel('Code'), code, 'code');
  await actions.click('external', signInPage.getByRole('button', { name: 'Next' }), 'Next');
  await actions.click('external', signInPage.getByRole('button', { name: 'Continue' }), 'Continue');
  await actions.click(
    'external',
    signInPage.getByRole('button', { name: /admin@contoso\.example/ }),
    'account',
  );
  await actions.fill('external', signInPage.getByLabel('Password'), 'practice', 'password');
  await actions.click('external', signInPage.getByRole('button', { name: 'Sign in' }), 'Sign in');
  const consent = signInPage.getByRole('heading', { name: 'Permissions requested' });
  if (await consent.isVisible()) {
    await actions.check(
      'external',
      signInPage.getByLabel('Consent on behalf of your organization'),
      'consent for the organization',
    );
    await actions.click('external', signInPage.getByRole('button', { name: 'Accept' }), 'Accept');
  }
  await expect(signInPage.getByText(/You have signed in/)).toBeVisible();
}
