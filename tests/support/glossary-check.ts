/**
 * Finds locale strings that name a glossary thing with another wording, or show a label without
 * the wording the glossary says goes beside it. Used by tests/unit/glossary.test.ts.
 */

export interface GlossaryEntry {
  /** The guide's term: what the person sees (on the printer, on Microsoft's page). */
  term: string;
  /** `<seed file>:<line>` or `<seed file>:<first>-<last>`. */
  seed: string;
  /** The guide's words on that line, as written there. */
  quote: string;
  /** The other wording, written in brackets right after the term. */
  beside?: string;
  /** Why the term is not word for word in the quote, when it is not. */
  note?: string;
  /**
   * `quoted`: the term's words are also ordinary words of the language, so only a quoted or
   * bracketed mention names the label (and needs `beside`).
   */
  mentions?: 'quoted';
}

export type Glossary = Record<string, GlossaryEntry>;
/** For some glossary things: regular expressions (flag u) of the wordings not to use. */
export type TermRules = Record<string, readonly string[]>;

export interface TermProblem {
  key: string;
  thing: string;
  found: string;
  why: 'alternative' | 'beside missing';
}

export function flattenStrings(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value))
    value.forEach((item, index) =>
      flattenStrings(item, `${prefix}[${index}]`).forEach((v, k) => out.set(k, v)),
    );
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      flattenStrings(item, prefix ? `${prefix}.${key}` : key).forEach((v, k) => out.set(k, v));
    }
  }
  return out;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words of alphabetic scripts end where a letter stops; Chinese has no such ends.
const wordLetter = '[\\p{Script=Latin}\\p{Script=Cyrillic}]';
const whole = (pattern: string): RegExp =>
  new RegExp(`(?<!${wordLetter})(?:${pattern})(?!${wordLetter})`, 'gu');
const quotes = '["\'«»“”„「」『』\\[\\]［］]?';
const openingQuotes = '"\'«“„「『\\[［';

/** `term` with `beside` in brackets after it, quotes allowed around either. */
function pair(entry: GlossaryEntry & { beside: string }): RegExp {
  return whole(
    `${escape(entry.term)}${quotes}\\s*[(（]${quotes}${escape(entry.beside)}${quotes}[)）]`,
  );
}

export function findTermProblems(
  strings: ReadonlyMap<string, string>,
  glossary: Glossary,
  rules: TermRules,
): TermProblem[] {
  const problems: TermProblem[] = [];
  for (const [key, text] of strings) {
    for (const [thing, patterns] of Object.entries(rules)) {
      for (const pattern of patterns) {
        for (const match of text.matchAll(whole(pattern))) {
          problems.push({ key, thing, found: match[0], why: 'alternative' });
        }
      }
    }
    for (const [thing, entry] of Object.entries(glossary)) {
      const { beside } = entry;
      // A string that shows the pair once may name the label again without repeating it.
      if (!beside || pair({ ...entry, beside }).test(text)) continue;
      const opening = entry.mentions === 'quoted' ? `(?<=[${openingQuotes}])` : '';
      for (const word of [entry.term, beside]) {
        for (const match of text.matchAll(whole(opening + escape(word)))) {
          problems.push({ key, thing, found: match[0], why: 'beside missing' });
        }
      }
    }
  }
  return problems;
}
