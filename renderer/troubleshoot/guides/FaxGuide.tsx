import { useTranslation } from 'react-i18next';
import { AdminPageButton } from '../../components/AdminPageButton';
import { useReadyState } from '../../store/wizard-store';

/** The guide's "Fax server OAuth 2.0" section: where the switch is, and who knows the rest. */
export function FaxGuide() {
  const { t } = useTranslation('guides');
  const troubleshoot = useTranslation('troubleshoot').t;
  const { progress } = useReadyState();
  const steps = t('fax.steps', { returnObjects: true }) as string[];
  const printers = progress.printers.filter((printer) => printer.webConfigUrl);
  return (
    <>
      <p className="hint">{t('compatible')}</p>
      <p>{t('fax.intro')}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {printers.length > 0 ? (
        printers.map((printer) => (
          <AdminPageButton
            key={printer.id}
            url={printer.webConfigUrl ?? undefined}
            label={troubleshoot('link.webConfig', { printer: printer.name })}
          />
        ))
      ) : (
        <p className="hint">{troubleshoot('link.noPrinter')}</p>
      )}
      <div className="notice notice-info">
        <p>{t('fax.provider')}</p>
      </div>
    </>
  );
}
