import { useTranslation } from 'react-i18next';

/** How an administrator registers the wizard's Microsoft app (also in docs/client-id.md). */
export function ClientIdHelp() {
  const { t } = useTranslation('signin');
  const steps = t('clientIdHelp.steps', { returnObjects: true }) as unknown;
  const permissions = t('clientIdHelp.permissions', { returnObjects: true }) as unknown;
  return (
    <section aria-labelledby="client-id-help-title" className="signin-section">
      <h3 id="client-id-help-title">{t('clientIdHelp.title')}</h3>
      <p>{t('clientIdHelp.intro')}</p>
      <ol className="signin-register">
        {Array.isArray(steps) && steps.map((line) => <li key={String(line)}>{String(line)}</li>)}
      </ol>
      <h4>{t('clientIdHelp.permissionsTitle')}</h4>
      <ul>
        {Array.isArray(permissions) &&
          permissions.map((line) => <li key={String(line)}>{String(line)}</li>)}
      </ul>
      <p>{t('clientIdHelp.after')}</p>
    </section>
  );
}
