/**
 * i18next with one JSON file per language and namespace under
 * renderer/locales/<language>/<namespace>.json. English (the fallback, always needed) is part of
 * the app's own chunk; each other language is its own chunk (vite.config.mts), fetched only
 * when it is in use, so the page starts without the other five.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { supportedLanguages, type Language } from '../../shared/model';
import { missingKeyMarker } from './missing';
import { pseudoBundle, pseudoLocaleOn } from './pseudo';

type Bundle = Record<string, unknown>;

const english = import.meta.glob<Bundle>('../locales/en/*.json', {
  import: 'default',
  eager: true,
});
const others = import.meta.glob<Bundle>(['../locales/*/*.json', '!../locales/en/*.json'], {
  import: 'default',
});
const files: Record<string, () => Promise<Bundle>> = {
  ...others,
  ...Object.fromEntries(
    Object.entries(english).map(([file, bundle]) => [file, async () => bundle]),
  ),
};

function parse(file: string): { language: string; namespace: string } {
  const [language = '', name = ''] = file.split('/').slice(-2);
  return { language, namespace: name.replace('.json', '') };
}

export const namespaces = [...new Set(Object.keys(files).map((file) => parse(file).namespace))];

const loaded = new Map<string, Promise<Record<string, Bundle>>>();

/** Every namespace of one language, fetched once. */
function loadLanguage(language: Language): Promise<Record<string, Bundle>> {
  let bundles = loaded.get(language);
  if (!bundles) {
    // The pseudo-locale stands in for every language: English, made pseudo.
    const pseudo = pseudoLocaleOn();
    const source = pseudo ? 'en' : language;
    const mine = Object.entries(files).filter(([file]) => parse(file).language === source);
    bundles = Promise.all(
      mine.map(
        async ([file, load]) =>
          [parse(file).namespace, pseudo ? pseudoBundle(await load()) : await load()] as const,
      ),
    ).then((entries) => Object.fromEntries(entries));
    loaded.set(language, bundles);
  }
  return bundles;
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  const [english, chosen] = await Promise.all([loadLanguage('en'), loadLanguage(language)]);
  await i18next.use(initReactI18next).init({
    resources: { en: english, [language]: chosen },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    ns: namespaces,
    defaultNS: 'common',
    partialBundledLanguages: true,
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

/** Loads a language's words if needed, then shows the page in it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'common')) {
    for (const [namespace, bundle] of Object.entries(await loadLanguage(language))) {
      i18next.addResourceBundle(language, namespace, bundle, true, true);
    }
  }
  await i18next.changeLanguage(language);
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}
