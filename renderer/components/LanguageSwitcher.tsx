import { useTranslation } from 'react-i18next';
import { isLanguage, supportedLanguages, type Language } from '../../shared/model';
import { useShownProgress, useWizard } from '../store/wizard-store';

/** Each language named in itself, so a user can find their own whatever is shown now. */
const autonyms: Record<Language, string> = {
  en: 'English',
  'zh-TW': '繁體中文',
  'zh-CN': '简体中文',
  ms: 'Bahasa Melayu',
  uk: 'Українська',
  ca: 'Català',
};

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const progress = useShownProgress();
  const choose = useWizard((store) => store.choose);
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select
        value={progress.language ?? 'system'}
        onChange={(event) => {
          const value = event.target.value;
          choose({ language: isLanguage(value) ? value : null });
        }}
      >
        <option value="system">{t('language.system')}</option>
        {supportedLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {autonyms[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
