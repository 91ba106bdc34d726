/**
 * Pseudo-locale, for finding what translation would break: every string of the catalogue
 * accented, about 40% longer (vowels doubled) and wrapped in ⟦ ⟧ between right-to-left marks.
 * Text that shows up plain on screen was never in the catalogue (a literal string); a ⟦ without
 * its ⟧ was cut off. Turned on by localStorage `wizard-pseudo-locale` = `1` (the e2e suite's
 * pseudo-locale run); placeholders, nested keys, tags and addresses stay as they are.
 */
const plainLetters = 'acdeghiklnorstuwyzACDEGHIKLNORSTUWYZ';
const markedLetters = 'áçďéğĥíķłñöřšŧüŵýžÅÇĎÉĞĤÎĶŁÑØŘŠŦÛŴÝŽ';
const accented = new Map([...plainLetters].map((char, index) => [char, markedLetters[index]]));
const vowels = new Set('aeiouAEIOU');
const rightToLeftMark = '\u200f';
const kept = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>|https?:\/\/\S+|[\w.-]+@[\w.-]+)/;

export const pseudoStorageKey = 'wizard-pseudo-locale';

export function pseudoText(text: string): string {
  if (text.trim() === '') return text;
  const body = text
    .split(kept)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : [...part]
            .map((char) => (accented.get(char) ?? char).repeat(vowels.has(char) ? 2 : 1))
            .join(''),
    )
    .join('');
  return `${rightToLeftMark}⟦${body}⟧${rightToLeftMark}`;
}

/** A namespace's strings, each made pseudo (arrays and nesting kept). */
export function pseudoBundle<T>(value: T): T {
  if (typeof value === 'string') return pseudoText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => pseudoBundle(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, pseudoBundle(item)]),
    ) as T;
  }
  return value;
}

export function pseudoLocaleOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(pseudoStorageKey) === '1';
  } catch {
    return false;
  }
}
