import { useTranslation } from 'react-i18next';
import { journeySteps, type StepId } from '../../../shared/model';

/**
 * A step whose code or words are still on their way: its count, title and purpose where the
 * step frame puts them (the common words, always there), and room below for the rest, so
 * nothing above moves when it comes. Its heading has an id of its own: the step shown before
 * stays in the page, hidden, until the new one is ready, and `step-title` names one heading.
 */
export function StepPlaceholder({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const index = journeySteps.indexOf(step);
  return (
    <article className="step step-loading" aria-labelledby="step-title-pending" aria-busy="true">
      <p className="step-count">
        {t('step.count', { number: index + 1, total: journeySteps.length })}
      </p>
      <h2 id="step-title-pending" tabIndex={-1}>
        {t(`steps.${step}.title`)}
      </h2>
      <p className="step-purpose">{t(`steps.${step}.purpose`)}</p>
    </article>
  );
}
