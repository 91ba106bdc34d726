import { useTranslation } from 'react-i18next';
import { ConsentCheck } from './ConsentCheck';

/**
 * The guide's Epson Print Admin Serverless "To My Email" section: the administrator consents for
 * the organization once, then each user signs in on first use; with the wizard's role check.
 */
export function PrintAdminGuide() {
  const { t } = useTranslation('guides');
  const adminSteps = t('printAdmin.adminSteps', { returnObjects: true }) as string[];
  return (
    <>
      <p className="hint">{t('compatible')}</p>
      <p>{t('printAdmin.intro')}</p>
      <h3>{t('printAdmin.adminTitle')}</h3>
      <ol>
        {adminSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <ConsentCheck />
      <h3>{t('printAdmin.usersTitle')}</h3>
      <p>{t('printAdmin.users')}</p>
    </>
  );
}
