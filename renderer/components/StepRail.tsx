import { useTranslation } from 'react-i18next';
import { journeySteps } from '../../shared/model';
import { useReadyState, useWizard } from '../store/wizard-store';

/** The left rail: every step of the journey, the current one marked, each one reachable. */
export function StepRail() {
  const { t } = useTranslation();
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      <ol>
        {journeySteps.map((step, index) => {
          const current = step === progress.step;
          const seen = progress.visited.includes(step);
          const status = current ? 'current' : seen ? 'visited' : 'todo';
          return (
            <li key={step}>
              <button
                type="button"
                className={`rail-step rail-${status}`}
                aria-current={current ? 'step' : undefined}
                onClick={() => goTo(step)}
              >
                <span className="rail-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="rail-text">
                  <span className="rail-title">{t(`steps.${step}.title`)}</span>
                  <span className="rail-status">{t(`rail.status.${status}`)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
