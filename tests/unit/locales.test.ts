/**
 * Every language has every string: the same keys as English, the same placeholders, and words
 * (title and fix) for every problem in the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../shared/model';
import { problemCatalogue } from '../../shared/problems/index';

const localesDir = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
const namespaces = readdirSync(path.join(localesDir, 'en')).map((file) =>
  file.replace('.json', ''),
);

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

describe.each(supportedLanguages.filter((language) => language !== 'en'))('%s', (language) => {
  it.each(namespaces)(
    'has every key of %s, with the same placeholders, none empty',
    (namespace) => {
      const english = flatten(load('en', namespace));
      const translated = flatten(load(language, namespace));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        const other = translated.get(key) ?? '';
        expect(other.trim(), `${namespace}:${key}`).not.toBe('');
        expect(placeholders(other), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    },
  );
});

describe('problem catalogue', () => {
  it.each(Object.entries(problemCatalogue))(
    '%s has a title and a fix in every language',
    (id, entry) => {
      for (const language of supportedLanguages) {
        const words = flatten(load(language, entry.area));
        expect(words.get(`problems.${id}.title`), `${language} title`).toBeTruthy();
        expect(words.get(`problems.${id}.fix`), `${language} fix`).toBeTruthy();
      }
    },
  );
});
