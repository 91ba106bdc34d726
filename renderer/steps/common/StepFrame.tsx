import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { journeySteps, type StepId } from '../../../shared/model';
import { everyPrinterHasAWay, isSignInStep } from '../../../shared/sending-ways';
import { useShownProgress, useWizard } from '../../store/wizard-store';

/**
 * The first step shown after start keeps the page's natural focus; later ones take it. The
 * steps drawn before main's progress came do not count: the step main says is current is
 * still the first one shown.
 */
let stepShownBefore = false;

/**
 * The frame every step shares: its title (focused when the step opens, so screen readers
 * announce it), its purpose, the step's own content, and Back / Next. Next stays disabled
 * while the step needs a choice first, with the reason said beside it.
 */
export function StepFrame({
  step,
  children,
  nextBlocked = null,
}: {
  step: StepId;
  children?: ReactNode;
  /** Why Next cannot be used yet (said beside it), or null when it can. */
  nextBlocked?: string | null;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const goNext = useWizard((store) => store.goNext);
  const goBack = useWizard((store) => store.goBack);
  const starting = useWizard((store) => store.state.phase === 'starting');
  const goTo = useWizard((store) => store.goTo);
  const progress = useShownProgress();
  // A sign-in step while every printer sends by another way: said at once, with the way on.
  const notNeeded = isSignInStep(step) && everyPrinterHasAWay(progress);
  const index = journeySteps.indexOf(step);
  useEffect(() => {
    if (starting) return;
    if (stepShownBefore) heading.current?.focus();
    stepShownBefore = true;
  }, [step, starting]);
  return (
    <article className="step" aria-labelledby="step-title">
      <p className="step-count">
        {t('step.count', { number: index + 1, total: journeySteps.length })}
      </p>
      <h2 id="step-title" ref={heading} tabIndex={-1}>
        {t(`steps.${step}.title`)}
      </h2>
      <p className="step-purpose">
        {t(
          step === 'set-up-printer' && everyPrinterHasAWay(progress)
            ? 'steps.set-up-printer.purposeOnAWay'
            : `steps.${step}.purpose`,
        )}
      </p>
      {notNeeded && (
        <div className="notice notice-info" data-testid="step-not-needed">
          <p>{t('step.notNeeded')}</p>
          <p>
            <button type="button" className="primary" onClick={() => goTo('set-up-printer')}>
              {t('step.notNeededGo')}
            </button>
          </p>
        </div>
      )}
      {children}
      <div className="step-nav">
        {index > 0 && (
          <button type="button" onClick={goBack}>
            {t('step.back')}
          </button>
        )}
        {index < journeySteps.length - 1 && (
          <button
            type="button"
            className="primary"
            onClick={goNext}
            disabled={nextBlocked !== null}
            aria-describedby={nextBlocked !== null ? 'next-blocked' : undefined}
          >
            {t('step.next')}
          </button>
        )}
      </div>
      {nextBlocked !== null && (
        <p className="hint step-nav-reason" id="next-blocked">
          {nextBlocked}
        </p>
      )}
    </article>
  );
}
