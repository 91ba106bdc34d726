/**
 * Every language has every string: the same keys as English, the same placeholders, and words
 * (title = what it means, cause = why it happens, fix = what to do) for every problem in the
 * catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../shared/model';
import { problemCatalogue } from '../../shared/problems/index';

const localesDir = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
// The glossary has its own test (glossary.test.ts): its notes and brackets differ per language.
const namespaces = readdirSync(path.join(localesDir, 'en'))
  .map((file) => file.replace('.json', ''))
  .filter((namespace) => namespace !== 'glossary');

function load(language: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8'));
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value))
    value.forEach((item, index) =>
      flatten(item, `${prefix}[${index}]`).forEach((v, k) => out.set(k, v)),
    );
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, prefix ? `${prefix}.${key}` : key).forEach((v, k) => out.set(k, v));
    }
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

// i18next plural keys end in a CLDR category; each language has its own set of categories.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const base = (key: string): string => key.replace(pluralSuffix, '');
const unique = (keys: Iterable<string>): string[] => [...new Set([...keys].map(base))].sort();

describe.each(supportedLanguages.filter((language) => language !== 'en'))('%s', (language) => {
  // The plural forms a count of printers, codes or messages (0 to 1000) can select here.
  const rules = new Intl.PluralRules(language);
  const categories = [...new Set(Array.from({ length: 1001 }, (_, count) => rules.select(count)))];

  it.each(namespaces)(
    'has every key of %s, with the same placeholders, none empty',
    (namespace) => {
      const english = flatten(load('en', namespace));
      const translated = flatten(load(language, namespace));
      expect(unique(translated.keys())).toEqual(unique(english.keys()));
      for (const [key, text] of english) {
        const forms = pluralSuffix.test(key)
          ? categories.map((category) => `${base(key)}_${category}`)
          : [key];
        for (const form of forms) {
          const other = translated.get(form) ?? '';
          expect(other.trim(), `${namespace}:${form}`).not.toBe('');
          // A plural form may or may not spell out {{count}} ("one printer" vs "{{count}}").
          const comparable = (text: string): string[] =>
            placeholders(text).filter((name) => !pluralSuffix.test(key) || name !== 'count');
          expect(comparable(other), `${namespace}:${form}`).toEqual(comparable(text));
        }
      }
    },
  );
});

describe('problem catalogue', () => {
  it.each(Object.entries(problemCatalogue))(
    '%s has a title, a cause and a fix in every language',
    (id, entry) => {
      for (const language of supportedLanguages) {
        const words = flatten(load(language, entry.area));
        // A part that counts something has plural forms; every language has `other`.
        for (const part of ['title', 'cause', 'fix']) {
          const key = `problems.${id}.${part}`;
          expect(words.get(key) ?? words.get(`${key}_other`), `${language} ${part}`).toBeTruthy();
        }
      }
    },
  );
});
