import { useTranslation } from 'react-i18next';

/**
 * Why a printer may not show up, and how to read its address from its own control panel
 * (the guide's menu path, in the guide's words for each language).
 */
export function NoPrinterHelp({ nothingFound }: { nothingFound: boolean }) {
  const { t } = useTranslation('discovery');
  const reasons = t('help.reasons', { returnObjects: true }) as unknown;
  const body = (
    <>
      <ul className="help-list">
        {Array.isArray(reasons) &&
          reasons.map((reason) => <li key={String(reason)}>{String(reason)}</li>)}
      </ul>
      <p>{t('help.panelIntro')}</p>
      <p className="panel-path">{t('help.panelPath')}</p>
      <p>{t('help.then')}</p>
    </>
  );
  if (nothingFound) {
    return (
      <section className="notice notice-warning no-printer" aria-labelledby="no-printer-title">
        <h3 id="no-printer-title" className="notice-title">
          {t('help.nothingTitle')}
        </h3>
        {body}
      </section>
    );
  }
  return (
    <details className="help-details">
      <summary>{t('help.missingTitle')}</summary>
      {body}
    </details>
  );
}
