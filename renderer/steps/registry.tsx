/**
 * Which screen shows each step. Welcome is in the start bundle (it is the first screen); every
 * other step is a chunk of its own, fetched when it is first shown or when the first screen is
 * up (`prefetchSteps`). A capability that lands replaces its step's entry with its own folder
 * under steps/; nothing else moves.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { StepId } from '../../shared/model';
import { prefetchWords } from '../i18n/index';
import { WelcomeStep } from './welcome/WelcomeStep';

type Screen = ComponentType | LazyExoticComponent<ComponentType>;

/**
 * A later step's code, with the words of every namespace: a step also shows words of others
 * (a problem's title in its area, the board's states), so it draws once they are all here.
 */
const withWords = <T,>(code: Promise<T>): Promise<T> =>
  Promise.all([code, prefetchWords()]).then(([module]) => module);

/** The later steps' modules, each fetched once. */
const later = {
  'find-printer': () =>
    withWords(import('./find-printer/FindPrinterStep')).then((module) => module.FindPrinterStep),
  'keep-sending': () =>
    withWords(import('./keep-sending/KeepSendingStep')).then((module) => module.KeepSendingStep),
  'prepare-exchange': () =>
    withWords(import('./prepare-exchange/PrepareExchangeStep')).then(
      (module) => module.PrepareExchangeStep,
    ),
  'sign-in': () => withWords(import('./sign-in/SignInStep')).then((module) => module.SignInStep),
  'verify-tenant': () =>
    withWords(import('./verify-tenant/VerifyTenantStep')).then((module) => module.VerifyTenantStep),
  'set-up-printer': () =>
    withWords(import('./set-up-printer/SetUpPrinterStep')).then(
      (module) => module.SetUpPrinterStep,
    ),
  'status-sheet': () =>
    withWords(import('./status-sheet/StatusSheetStep')).then((module) => module.StatusSheetStep),
  done: () => withWords(import('./done/DoneStep')).then((module) => module.DoneStep),
} satisfies Record<Exclude<StepId, 'welcome'>, () => Promise<ComponentType>>;

const lazyStep = (load: () => Promise<ComponentType>): Screen =>
  lazy(async () => ({ default: await load() }));

export const stepScreens: Record<StepId, Screen> = {
  welcome: WelcomeStep,
  'find-printer': lazyStep(later['find-printer']),
  'keep-sending': lazyStep(later['keep-sending']),
  'prepare-exchange': lazyStep(later['prepare-exchange']),
  'sign-in': lazyStep(later['sign-in']),
  'verify-tenant': lazyStep(later['verify-tenant']),
  'set-up-printer': lazyStep(later['set-up-printer']),
  'status-sheet': lazyStep(later['status-sheet']),
  done: lazyStep(later.done),
};

/** Fetches every later step's code and words (once; the browser keeps the modules). */
export function prefetchSteps(): Promise<unknown> {
  return Promise.allSettled(Object.values(later).map((load) => load()));
}
