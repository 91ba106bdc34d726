import { useTranslation } from 'react-i18next';
import type { StepId } from '../../../shared/model';
import { StepFrame } from './StepFrame';

/** A step whose capability has not landed yet: its title, purpose and what it will do. */
export function StepIntro({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const plan = t(`steps.${step}.plan`, { returnObjects: true }) as unknown;
  return (
    <StepFrame step={step}>
      {Array.isArray(plan) && (
        <>
          <h3>{t('step.planTitle')}</h3>
          <ul className="step-plan">
            {plan.map((line) => (
              <li key={String(line)}>{String(line)}</li>
            ))}
          </ul>
        </>
      )}
    </StepFrame>
  );
}
