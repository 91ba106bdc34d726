/**
 * Which screen shows each step. A capability that lands replaces its step's entry with its own
 * folder under steps/; nothing else moves.
 */
import type { ReactElement } from 'react';
import type { StepId } from '../../shared/model';
import { FindPrinterStep } from './find-printer/FindPrinterStep';
import { SignInStep } from './sign-in/SignInStep';
import { PrepareExchangeStep } from './prepare-exchange/PrepareExchangeStep';
import { VerifyTenantStep } from './verify-tenant/VerifyTenantStep';
import { WelcomeStep } from './welcome/WelcomeStep';
import { SetUpPrinterStep } from './set-up-printer/SetUpPrinterStep';
import { StatusSheetStep } from './status-sheet/StatusSheetStep';
import { DoneStep } from './done/DoneStep';

export const stepScreens: Record<StepId, () => ReactElement> = {
  welcome: () => <WelcomeStep />,
  'find-printer': () => <FindPrinterStep />,
  'prepare-exchange': () => <PrepareExchangeStep />,
  'sign-in': () => <SignInStep />,
  'verify-tenant': () => <VerifyTenantStep />,
  'set-up-printer': () => <SetUpPrinterStep />,
  'status-sheet': () => <StatusSheetStep />,
  done: () => <DoneStep />,
};
