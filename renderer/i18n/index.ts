/**
 * i18next with one JSON file per language and namespace under
 * renderer/locales/<language>/<namespace>.json. The English words of the first screen
 * (start-namespaces.ts) are part of the app's own chunk; every other file is a chunk of its own
 * (vite.config.mts), fetched when a screen first asks for its namespace (react-i18next suspends
 * that screen meanwhile), when the language changes, or once the first screen is up
 * (`prefetchWords`).
 */
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, matchLanguage, supportedLanguages, type Language } from '../../shared/model';
import { missingKeyMarker } from './missing';
import { pseudoBundle, pseudoLocaleOn } from './pseudo';
import { startNamespaces } from './start-namespaces';

type Bundle = Record<string, unknown>;

// The pattern names start-namespaces.ts's list (import.meta.glob takes literals only).
const englishAtStart = import.meta.glob<Bundle>(
  '../locales/en/{common,welcome,troubleshoot,app}.json',
  { import: 'default', eager: true },
);
const later = import.meta.glob<Bundle>(
  ['../locales/*/*.json', '!../locales/en/{common,welcome,troubleshoot,app}.json'],
  { import: 'default' },
);

const fileOf = (language: string, namespace: string): string =>
  `../locales/${language}/${namespace}.json`;

/** Every namespace there is (English has them all). */
export const namespaces = [...Object.keys(englishAtStart), ...Object.keys(later)]
  .filter((file) => file.startsWith('../locales/en/'))
  .map((file) => file.slice('../locales/en/'.length, -'.json'.length));

/** One language's words of one namespace; empty if that language has no such file. */
async function loadWords(language: string, namespace: string): Promise<Bundle> {
  // The pseudo-locale stands in for every language: English, made pseudo.
  const pseudo = pseudoLocaleOn();
  const file = fileOf(pseudo ? 'en' : language, namespace);
  const words = englishAtStart[file] ?? (await later[file]?.()) ?? {};
  return pseudo ? pseudoBundle(words) : words;
}

/** Hands i18next the locale files as it asks for them (each a chunk, fetched once). */
const localeFiles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    loadWords(language, namespace).then(
      (words) => callback(null, words),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Starts i18next in `language` with the first screen's words (English ones already here). */
export async function initI18n(language: Language): Promise<typeof i18next> {
  const startWords: Record<string, Bundle> = {};
  for (const namespace of startNamespaces) {
    const words = englishAtStart[fileOf('en', namespace)];
    if (!words) throw new Error(`the start bundle lacks the English ${namespace} words`);
    startWords[namespace] = words;
  }
  await i18next
    .use(localeFiles)
    .use(initReactI18next)
    .init({
      // In pseudo mode English is pseudo too, so it comes through the backend as well.
      ...(pseudoLocaleOn() ? {} : { resources: { en: startWords } }),
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...supportedLanguages],
      ns: [...startNamespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      // A key missing in every language shows a marker naming it (found by the tests), never a
      // bare key that reads like a word. A value a word names but was not given stays as its
      // `{{placeholder}}`, which the tests look for too.
      appendNamespaceToMissingKey: true,
      parseMissingKeyHandler: (key: string, defaultValue?: string) =>
        defaultValue ?? missingKeyMarker(key),
    });
  return i18next;
}

/** Fetches the words of every namespace in the languages in use, for the screens to come. */
export function prefetchWords(): Promise<void> {
  return i18next.loadNamespaces(namespaces);
}

/** Loads a language's words (every namespace in use so far) if needed, then shows the page in it. */
export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

const languageKey = 'wizard-language';

/**
 * The language to draw the first screen in, before main's answers: the one this page showed
 * last (main's saved choice or the system's, as it was then), else the browser's.
 */
export function firstLanguage(browserLanguages: readonly string[]): Language {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(languageKey);
  } catch {
    // Storage refused: the browser's languages it is.
  }
  return last && isLanguage(last) ? last : matchLanguage(browserLanguages);
}

/** Marks the page's language, and keeps it for the next start (`firstLanguage`). */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageKey, language);
  } catch {
    // Storage refused: the next start draws in the browser's language until main answers.
  }
}
