/**
 * The practice pages' labels (electron/simulator/practice-labels.ts) say what the wizard says:
 * every printer label the wizard names in renderer/locales/<lang>/printer.json that the practice
 * pages show has the same words there, with the English beside it; English alone where the
 * guide keeps the English label.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  knownPracticeLabels,
  practiceLabel,
  practiceLabelHtml,
} from '../../electron/simulator/practice-labels';
import { supportedLanguages, type Language } from '../../shared/model';
import { repoRoot } from '../support/wizard-process';

const epsonLabels = (language: Language): Record<string, string> => {
  const file = path.join(repoRoot, 'renderer', 'locales', language, 'printer.json');
  const words = JSON.parse(readFileSync(file, 'utf8')) as {
    vendors: { epson: { labels: Record<string, string> } };
  };
  return words.vendors.epson.labels;
};

/** The wizard's words for a label without the English it may already carry beside it. */
const withoutEnglish = (words: string, english: string): string =>
  words === english
    ? english
    : words
        .replace(english, '')
        .replace(/[(（]\s*[)）]/g, '')
        .replace(/^[\s(（]+|[\s)）]+$/g, '')
        .trim();

describe('practice labels', () => {
  const english = epsonLabels('en');
  const table = knownPracticeLabels();
  const shared = Object.entries(english).filter(([, label]) => label in table);

  it('cover the Web Config labels the wizard names', () => {
    expect(shared.length).toBeGreaterThanOrEqual(20);
  });

  for (const language of supportedLanguages.filter((language) => language !== 'en')) {
    it(`match the wizard's words in ${language}, English beside`, () => {
      const local = epsonLabels(language);
      const differing: string[] = [];
      for (const [key, label] of shared) {
        const wizardWords = withoutEnglish(local[key] ?? '', label);
        const expected = wizardWords === label ? label : `${wizardWords} (${label})`;
        if (practiceLabel(label, language) !== expected) {
          differing.push(`${key}: page "${practiceLabel(label, language)}", wizard "${expected}"`);
        }
      }
      expect(differing).toEqual([]);
    });
  }

  it('show English only in English, and mark the other language in HTML', () => {
    expect(practiceLabel('Email Server', 'en')).toBe('Email Server');
    expect(practiceLabel('Email Server', 'zh-TW')).toBe('電子郵件伺服器 (Email Server)');
    expect(practiceLabel('Email Server', 'ms')).toBe('Email Server');
    expect(practiceLabelHtml(['Email Server', 'Basic'], 'uk')).toBe(
      '<span lang="uk">Сервер ел. пошти &gt; Основні</span> (Email Server &gt; Basic)',
    );
    expect(practiceLabelHtml("Sender's Email Address", 'en')).toBe('Sender&#39;s Email Address');
  });
});
