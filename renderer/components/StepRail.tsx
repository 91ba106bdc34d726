import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepStatus } from '../../shared/board/steps';
import { journeySteps } from '../../shared/model';
import { useShownProgress, useWizard } from '../store/wizard-store';

const arrowMoves: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The left rail: every step of the journey with what the board says of it (done, needs
 * attention, not started), the current one marked, each one reachable. One Tab
 * stop (the current step); the arrow keys, Home and End move between steps, so a keyboard user
 * does not Tab through eight steps to reach the step's content.
 */
export function StepRail() {
  const { t } = useTranslation();
  const progress = useShownProgress();
  const goTo = useWizard((store) => store.goTo);
  const list = useRef<HTMLOListElement>(null);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const next = arrowMoves[event.key]?.(index, journeySteps.length - 1);
    if (next === undefined) return;
    event.preventDefault();
    list.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      <p className="visually-hidden" id="rail-keys">
        {t('rail.keys')}
      </p>
      <ol ref={list}>
        {journeySteps.map((step, index) => {
          const current = step === progress.step;
          const status = current ? 'current' : stepStatus(step, progress);
          return (
            <li key={step}>
              <button
                type="button"
                className={`rail-step rail-${status}`}
                aria-current={current ? 'step' : undefined}
                aria-describedby={current ? 'rail-keys' : undefined}
                tabIndex={current ? 0 : -1}
                onClick={() => goTo(step)}
                onKeyDown={(event) => move(event, index)}
              >
                <span className="rail-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="rail-text">
                  <span className="rail-title">{t(`steps.${step}.title`)}</span>
                  <span className="rail-status">{t(`rail.status.${status}`)}</span>
                  {status === 'not-needed' && (
                    <span className="rail-status">
                      {t(step === 'keep-sending' ? 'rail.notNeededOauth' : 'rail.notNeededWhy')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
