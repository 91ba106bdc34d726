/**
 * i18next with every locale bundled (they are small): one JSON file per language and
 * namespace under renderer/locales/<language>/<namespace>.json.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { supportedLanguages, type Language } from '../../shared/model';

const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const namespaces = [
  ...new Set(Object.keys(files).map((file) => (file.split('/').at(-1) ?? '').replace('.json', ''))),
];

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, content] of Object.entries(files)) {
  const [language, name] = file.split('/').slice(-2);
  if (!language || !name) continue;
  (resources[language] ??= {})[name.replace('.json', '')] = content;
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}
