import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemCatalogue, problemWordValues } from '../../shared/problems/index';
import { linkAddress, problemLinks } from '../../shared/problems/links';
import type { Recognition } from '../../shared/troubleshoot/recognise';
import { expiryProblems, remediesFor } from '../../shared/troubleshoot/remedies';
import { AdminPageButton } from '../components/AdminPageButton';
import { useReadyState } from '../store/wizard-store';
import { AdminFixLinks } from './AdminFixLinks';
import { RemedyButtons } from './RemedyButtons';

/** What it means, why it happens, what to do now, and the buttons that do it. */
export function Diagnosis({ recognition, given }: { recognition: Recognition; given: string }) {
  const { t } = useTranslation('troubleshoot');
  const { progress } = useReadyState();
  const heading = useRef<HTMLHeadingElement>(null);
  const { problemId } = recognition;
  const data = problemWordValues(problemId, recognition.data);
  const entry = problemCatalogue[problemId];
  const words = useTranslation(entry.area).t;
  const personal = progress.accountKind === 'personal';

  useEffect(() => heading.current?.focus(), [recognition]);

  const links = problemLinks(problemId).filter((key) => key === 'webConfig' || !personal);
  const printers = progress.printers.filter((printer) => printer.webConfigUrl);

  return (
    <section className="diagnosis" aria-labelledby="diagnosis-title" data-problem={problemId}>
      <h3 id="diagnosis-title" ref={heading} tabIndex={-1}>
        {t('result.heading')}
      </h3>
      <p className="hint">{t(`result.recognisedAs.${recognition.as}`)}</p>
      {given && <p className="diagnosis-given">{t('result.quoted', { text: given })}</p>}
      <div className={`notice notice-${entry.severity}`}>
        <h4>{t('result.meaning')}</h4>
        <p className="notice-title" data-testid="diagnosis-meaning">
          {words(`problems.${problemId}.title`, data)}
        </p>
        <h4>{t('result.cause')}</h4>
        <p data-testid="diagnosis-cause">{words(`problems.${problemId}.cause`, data)}</p>
        <h4>{t('result.fix')}</h4>
        <p data-testid="diagnosis-fix">{words(`problems.${problemId}.fix`, data)}</p>
      </div>

      {expiryProblems.has(problemId) && <ExpiryExplanation />}

      <RemedyButtons actions={remediesFor(problemId)} />

      {links.length > 0 && (
        <div className="diagnosis-links">
          <h4>{t('result.links')}</h4>
          {links.includes('webConfig') &&
            (printers.length > 0 ? (
              printers.map((printer) => (
                <AdminPageButton
                  key={printer.id}
                  url={linkAddress('webConfig', {}, printer.webConfigUrl) ?? undefined}
                  label={t('link.webConfig', { printer: printer.name })}
                />
              ))
            ) : (
              <p className="hint">{t('link.noPrinter')}</p>
            ))}
          <AdminFixLinks keys={links} />
        </div>
      )}
    </section>
  );
}

/** Why sign-ins expire and how to keep the printer's alive (reference section C). */
function ExpiryExplanation() {
  const { t } = useTranslation('troubleshoot');
  const reasons = t('expiry.reasons', { returnObjects: true }) as string[];
  const avoid = t('expiry.avoid', { returnObjects: true }) as string[];
  return (
    <div className="expiry">
      <h4>{t('expiry.title')}</h4>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <h4>{t('expiry.avoidTitle')}</h4>
      <ul>
        {avoid.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </div>
  );
}
