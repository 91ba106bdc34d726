/**
 * Which screen shows each step. A capability that lands replaces its step's entry with its own
 * folder under steps/; nothing else moves.
 */
import type { ReactElement } from 'react';
import type { StepId } from '../../shared/model';
import { StepIntro } from './common/StepIntro';
import { PrepareExchangeStep } from './prepare-exchange/PrepareExchangeStep';
import { VerifyTenantStep } from './verify-tenant/VerifyTenantStep';
import { WelcomeStep } from './welcome/WelcomeStep';

export const stepScreens: Record<StepId, () => ReactElement> = {
  welcome: () => <WelcomeStep />,
  'find-printer': () => <StepIntro step="find-printer" />,
  'prepare-exchange': () => <PrepareExchangeStep />,
  'sign-in': () => <StepIntro step="sign-in" />,
  'verify-tenant': () => <VerifyTenantStep />,
  'set-up-printer': () => <StepIntro step="set-up-printer" />,
  'status-sheet': () => <StepIntro step="status-sheet" />,
  done: () => <StepIntro step="done" />,
};
