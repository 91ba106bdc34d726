/**
 * Counts read right in every language: i18next picks the plural form with the language's CLDR
 * rules (Intl.PluralRules), the way the app's i18next does. Ukrainian has one/few/many/other and
 * its "one" also covers 21, 31…; Chinese and Malay have one form, "other".
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { supportedLanguages, type Language } from '../../shared/model';
import { problemWordValues } from '../../shared/problems/index';

const localesDir = path.resolve(__dirname, '..', '..', 'renderer', 'locales');

function bundles(language: Language): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    readdirSync(path.join(localesDir, language)).map((file) => [
      file.replace('.json', ''),
      JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8')),
    ]),
  );
}

/**
 * Every key whose English words show a count, as `namespace:key` without the suffix (plural
 * words without a number, such as the label "Address"/"Addresses", are left out).
 */
function pluralKeys(): string[] {
  const keys = new Set<string>();
  const walk = (namespace: string, value: unknown, prefix: string): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        walk(namespace, item, prefix ? `${prefix}.${key}` : key);
      }
    } else if (/_other$/.test(prefix) && String(value).includes('{{count}}')) {
      keys.add(`${namespace}:${prefix.replace(/_other$/, '')}`);
    }
  };
  for (const [namespace, bundle] of Object.entries(bundles('en'))) walk(namespace, bundle, '');
  return [...keys].sort();
}

const instances = new Map<Language, i18n>();
beforeAll(async () => {
  for (const language of supportedLanguages) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      fallbackLng: false,
      resources: { [language]: bundles(language) },
      interpolation: { escapeValue: false },
    });
    instances.set(language, instance);
  }
});

const say = (language: Language, key: string, values: Record<string, unknown>): string =>
  instances.get(language)?.t(key, values) ?? '';
const names = 'A, B';

describe('plural forms', () => {
  it('English has the keys the app counts with', () => {
    expect(pluralKeys()).toEqual(
      expect.arrayContaining([
        'discovery:chosen',
        'exchange:problems.graph-throttled.fix',
        'printer:sheet.unanswered',
        'signin:code.slowDown',
        'signin:code.waiting',
        'signin:problems.signin-browser-abandoned.cause',
      ]),
    );
  });

  it.each(supportedLanguages)(
    '%s shows the number in every form that covers more than 1',
    (language) => {
      const rules = new Intl.PluralRules(language);
      for (const key of pluralKeys()) {
        for (const count of [0, 1, 2, 5, 21, 22, 25, 101, 111]) {
          const text = say(language, key, { count, names });
          expect(text, `${key} with ${count}`).not.toBe(key.split(':')[1]);
          // Only a form used for exactly one number (English "one" = 1) may leave the number out.
          const onlyThisNumber = Array.from({ length: 1001 }, (_, n) => n).filter(
            (n) => rules.select(n) === rules.select(count),
          );
          if (onlyThisNumber.length > 1) {
            expect(text, `${language} ${key} with ${count}`).toContain(String(count));
          }
          expect(text, `${key} with ${count}`).not.toMatch(/\{\{|\}\}/);
        }
      }
    },
  );

  it('Ukrainian picks one, few, many for 1, 2, 5 and one again for 21', () => {
    const forms = [1, 2, 5, 21].map((count) => say('uk', 'printer:sheet.unanswered', { count }));
    expect(forms).toEqual([
      'Ще треба перевірити 1 рядок.',
      'Ще треба перевірити 2 рядки.',
      'Ще треба перевірити 5 рядків.',
      'Ще треба перевірити 21 рядок.',
    ]);
    expect([1, 2, 5, 21].map((count) => say('uk', 'signin:code.waiting', { count }))).toEqual([
      expect.stringContaining('кожну 1 секунду'),
      expect.stringContaining('кожні 2 секунди'),
      expect.stringContaining('кожні 5 секунд'),
      expect.stringContaining('кожну 21 секунду'),
    ]);
    expect(say('uk', 'discovery:chosen', { count: 21, names })).toBe('Вибрано (21): A, B');
    expect(say('uk', 'discovery:chosen', { count: 1, names })).toBe('Вибрано (1): A, B');
  });

  it('English and Catalan say one second, one line', () => {
    expect(say('en', 'signin:code.waiting', { count: 1 })).toContain('checks every second.');
    expect(say('en', 'signin:code.waiting', { count: 5 })).toContain('checks every 5 seconds.');
    expect(say('en', 'printer:sheet.unanswered', { count: 1 })).toBe('1 line still to check.');
    expect(say('en', 'printer:sheet.unanswered', { count: 2 })).toBe('2 lines still to check.');
    expect(say('ca', 'printer:sheet.unanswered', { count: 1 })).toBe(
      'Encara queda 1 línia per comprovar.',
    );
    expect(say('ca', 'printer:sheet.unanswered', { count: 3 })).toBe(
      'Encara queden 3 línies per comprovar.',
    );
  });

  it.each(['zh-TW', 'zh-CN', 'ms'] as const)(
    '%s has one form, other, for every count',
    (language) => {
      const rules = new Intl.PluralRules(language);
      expect([0, 1, 2, 5, 21].map((count) => rules.select(count))).toEqual(Array(5).fill('other'));
      expect(say(language, 'printer:sheet.unanswered', { count: 1 })).toContain('1');
      expect(say(language, 'signin:code.waiting', { count: 21 })).toContain('21');
    },
  );

  it('a problem that counts passes its number as count', () => {
    expect(problemWordValues('graph-throttled', { seconds: 1 })).toEqual({ seconds: 1, count: 1 });
    expect(
      say(
        'en',
        'exchange:problems.graph-throttled.fix',
        problemWordValues('graph-throttled', { seconds: 1 }),
      ),
    ).toBe('Try this check again in 1 second.');
    expect(
      say(
        'uk',
        'signin:problems.signin-browser-abandoned.cause',
        problemWordValues('signin-browser-abandoned', { minutes: 10 }),
      ),
    ).toContain('10 хвилин,');
  });
});
