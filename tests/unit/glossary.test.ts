/**
 * One term per thing in each language: the glossary namespace (renderer/locales/<lang>/glossary.json)
 * holds the vendor guide's own term for each thing, with the guide line it came from; every other
 * string of that language must use it. The alternatives below are the wordings found drifting in
 * the catalogue (and close variants); finding one fails the test with the key that holds it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages, type Language } from '../../shared/model';
import {
  findTermProblems,
  flattenStrings,
  type Glossary,
  type TermRules,
} from '../support/glossary-check';

const localesDir = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
/** The guide in five languages (outside the repository; see docs/languages.md). */
const seedsDir = process.env['WIZARD_SEEDS_DIR'] ?? '/work/shared/seeds';

function loadGlossary(language: Language): Glossary {
  return JSON.parse(readFileSync(path.join(localesDir, language, 'glossary.json'), 'utf8'));
}

/** Every string of a language except the glossary itself, keyed `namespace:key`. */
function catalogue(language: Language): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(localesDir, language))) {
    const namespace = file.replace('.json', '');
    if (namespace === 'glossary') continue;
    const bundle: unknown = JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8'));
    for (const [key, text] of flattenStrings(bundle)) out.set(`${namespace}:${key}`, text);
  }
  return out;
}

/**
 * Wordings that name a glossary thing differently. Regular expressions (flag u), matched where a
 * letter does not continue the word on either side.
 */
const alternatives: Record<Language, TermRules> = {
  en: {
    consent: [
      'Consent on behalf of your organi[sz]ation',
      'Consent on behalf of the organi[sz]ation',
    ],
    exchangeAdminCenter: ['Exchange Admin Center', 'Exchange admin centre'],
    securityDefaults: ['Security Defaults'],
  },
  'zh-TW': {
    securityDefaults: ['安全性預設值', '安全預設值'],
    exchangeAdminCenter: ['Exchange 系統管理中心', 'Exchange系統管理中心'],
    m365AdminCenter: ['Microsoft 365 系統管理中心'],
    mailbox: ['信箱'],
    accessToken: ['權杖', '存取權杖', '重新整理權杖'],
    conditionalAccess: ['條件式存取'],
    globalAdministrator: ['全域系統管理員', '全域管理者'],
    account: ['帳號'],
    consent: ['代表您的組織同意', '代表組織表示同意'],
  },
  'zh-CN': {
    account: ['帐户', '帐号'],
    securityDefaults: ['默认安全(?!默认值)', '安全默认设置'],
    exchangeAdminCenter: ['Exchange 管理员中心'],
    accessToken: ['标记'],
    consent: ['代表您的组织同意'],
  },
  ms: {
    mailbox: ['[Pp]eti mel'],
    globalAdministrator: ['Pentadbir Global', 'pentadbir Global'],
    conditionalAccess: ['Akses Bersyarat'],
    securityDefaults: ['Lalai Keselamatan', 'keselamatan lalai'],
    m365AdminCenter: ['[Pp]usat bantuan Microsoft 365'],
    exchangeAdminCenter: ['[Pp]usat pentadbr'],
  },
  uk: {
    securityDefaults: ['[Пп]араметр\\p{L}* безпеки за замовчуванням'],
    accessToken: ['[Мм]аркер\\p{L}*'],
    consent: ['Погоджуюся від імені'],
  },
  ca: {
    consent: [
      "[Aa]ccept(?:o|ar|i|eu) en nom de l'organització(?!\\))",
      'Consent on behalf of your organi[sz]ation',
    ],
    accept: ['Aceptar'],
  },
};

describe('glossary', () => {
  const english = loadGlossary('en');

  it.each(supportedLanguages)('%s names the same things as English', (language) => {
    expect(Object.keys(loadGlossary(language)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(supportedLanguages)(
    '%s: every string uses the glossary term, never an alternative',
    (language) => {
      const problems = findTermProblems(
        catalogue(language),
        loadGlossary(language),
        alternatives[language],
      );
      expect(problems.map((p) => `${p.key}: ${p.why} «${p.found}» (${p.thing})`)).toEqual([]);
    },
  );

  it('finds an alternative and a label without its wording beside it', () => {
    const glossary = loadGlossary('ca');
    const strings = new Map([
      ['a', 'Marqueu «Consent on behalf of organization» i feu clic a Acceptar.'],
      ['b', "Marqueu «Consent on behalf of organization» (Accepto en nom de l'organització)."],
      ['c', 'Feu clic a Aceptar.'],
    ]);
    const problems = findTermProblems(strings, glossary, alternatives.ca);
    expect(problems.map((problem) => problem.key)).toEqual(['a', 'a', 'c']);
    expect(
      findTermProblems(
        new Map([['d', '停用安全性預設值']]),
        loadGlossary('zh-TW'),
        alternatives['zh-TW'],
      ).map((problem) => problem.found),
    ).toEqual(['安全性預設值']);
  });
});

describe.skipIf(!existsSync(seedsDir))(`glossary against the guide (${seedsDir})`, () => {
  const seedFiles: Record<Language, string> = {
    en: 'README.md',
    'zh-TW': '000_5019a71c3480183c.txt',
    'zh-CN': '001_8418d34d6b6d7c53.txt',
    ms: '002_acc9cbef6d362ed3.txt',
    uk: '003_69324fc70bb3b10a.txt',
    ca: '004_2b6a926cfd99ff55.txt',
  };
  const squash = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

  it.each(supportedLanguages)(
    '%s: each quote is on the guide line cited, and holds the term or says why not',
    (language) => {
      for (const [thing, entry] of Object.entries(loadGlossary(language))) {
        const match = /^(.+):(\d+)(?:-(\d+))?$/.exec(entry.seed);
        expect(match?.[1], `${thing}: seed file`).toBe(seedFiles[language]);
        const lines = readFileSync(path.join(seedsDir, match?.[1] ?? ''), 'utf8').split('\n');
        const first = Number(match?.[2]);
        const last = Number(match?.[3] ?? match?.[2]);
        const cited = lines.slice(first - 1, last).join(' ');
        expect(squash(cited), `${thing}: quote on line ${entry.seed}`).toContain(
          squash(entry.quote),
        );
        if (!squash(entry.quote).includes(squash(entry.term))) {
          expect(entry.note ?? '', `${thing}: why the term differs from the quote`).not.toBe('');
        }
      }
    },
  );
});
