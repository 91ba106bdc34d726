/**
 * i18next with one JSON file per language and namespace under
 * renderer/locales/<language>/<namespace>.json. Only English (the fallback) and the language in
 * use are loaded; the build puts each language in its own chunk (vite.config.mts), so the page
 * starts without the other five.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { supportedLanguages, type Language } from '../../shared/model';

type Bundle = Record<string, unknown>;

const files = import.meta.glob<Bundle>('../locales/*/*.json', { import: 'default' });

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
    const mine = Object.entries(files).filter(([file]) => parse(file).language === language);
    bundles = Promise.all(
      mine.map(async ([file, load]) => [parse(file).namespace, await load()] as const),
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
