import { useTranslation } from 'react-i18next';
import { useTroubleshoot, type TroubleshootView } from '../troubleshoot-store';

const guides: Exclude<TroubleshootView, 'troubleshoot'>[] = ['fax', 'print-admin'];

/** The guide's extra sections, as short guided pages. */
export function GuideLinks() {
  const { t } = useTranslation('guides');
  const show = useTroubleshoot((store) => store.show);
  return (
    <nav className="guide-links" aria-labelledby="guide-links-title">
      <h3 id="guide-links-title">{t('more')}</h3>
      <ul>
        {guides.map((guide) => (
          <li key={guide}>
            <button type="button" className="guide-link" onClick={() => show(guide)}>
              {t(`open.${guide}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
