/**
 * The wizard's one store. Its state is starting, unreachable or ready (a discriminated union),
 * so a screen can never read progress that was never loaded; beside it, what the main process
 * owns (main-values.ts), each value loading, ready or failed. Connected once, at start, to the
 * pushed events. Progress changes are saved to the main process one after another, newest last.
 */
import { create } from 'zustand';
import type { ParamsOf, Reply, ResultOf, WizardMethod } from '../../shared/contract';
import type { SignInStatus } from '../../shared/contract/signin';
import {
  journeySteps,
  type AppInfo,
  type CheckId,
  type CheckResult,
  type Progress,
  type StepId,
} from '../../shared/model';
import type { PracticeSettings } from '../../shared/practice';
import { problem, type Problem } from '../../shared/problem';
import type { WizardClient } from '../api/client';
import type { Loadable } from './loadable';
import { createMainValues, type MainKey, type MainValuesPart } from './main-values';
import { checksFor, sameResult } from './sign-in-board';

export type WizardState =
  | { phase: 'starting' }
  | { phase: 'unreachable'; problem: Problem }
  | {
      phase: 'ready';
      appInfo: AppInfo;
      progress: Progress;
      /** Set when the last save failed; cleared by the next good one. */
      saveProblem: Problem | null;
    };

/** The requests whose answer is the new sign-in status (asking for it aside). */
export type SignInRequest = Exclude<
  { [M in WizardMethod]: ResultOf<M> extends SignInStatus ? M : never }[WizardMethod],
  'getSignInStatus'
>;

interface WizardActions {
  start(client: WizardClient): Promise<void>;
  goTo(step: StepId): void;
  goNext(): void;
  goBack(): void;
  choose(changes: Partial<Omit<Progress, 'step' | 'visited' | 'checks'>>): void;
  /** Puts a check's latest result on the status board (and remembers it). */
  recordCheck(id: CheckId, result: Omit<CheckResult, 'at'>): void;
  setPracticeSwitch(id: keyof PracticeSettings, value: string): Promise<void>;
  refreshAppInfo(): Promise<void>;
  /** A sign-in request; the status it answers is kept like a pushed one. */
  askSignIn<M extends SignInRequest>(method: M, params: ParamsOf<M>): Promise<Reply<SignInStatus>>;
}

export type WizardStore = {
  state: WizardState;
  client: WizardClient | null;
} & MainValuesPart &
  WizardActions;

/** Values main computes from saved progress, by the progress fields they depend on. */
const dependsOnProgress: { field: 'cloud' | 'accountKind'; keys: MainKey[] }[] = [
  { field: 'cloud', keys: ['exchangeSetup', 'signIn'] },
  { field: 'accountKind', keys: ['exchangeSetup'] },
];

export const useWizard = create<WizardStore>((set, get) => {
  let saving: Promise<unknown> = Promise.resolve();

  /** Puts the sign-in's checks on the board when they say something new. */
  const recordSignIn = (): void => {
    const { state, main } = get();
    if (state.phase !== 'ready' || main.signIn.status !== 'ready') return;
    const checks = checksFor(main.signIn.value);
    if (!checks) return;
    const board = state.progress.checks;
    if (!sameResult(board['signed-in'], checks.signedIn)) {
      get().recordCheck('signed-in', checks.signedIn);
    }
    if (!sameResult(board['consent-role'], checks.consentRole)) {
      get().recordCheck('consent-role', checks.consentRole);
    }
  };

  const values = createMainValues({
    readMain: () => get().main,
    writeMain: (main) => set({ main }),
    client: () => get().client,
    practiceRun: () => {
      const { state } = get();
      return state.phase === 'ready' && state.appInfo.practice;
    },
    saved: () => saving,
    changed: (key) => {
      if (key === 'signIn') recordSignIn();
    },
  });

  const update = (change: (progress: Progress) => Progress): void => {
    const { state, client } = get();
    if (state.phase !== 'ready' || !client) return;
    const before = state.progress;
    const progress = change(before);
    set({ state: { ...state, progress } });
    saving = saving.then(async () => {
      const reply = await client.invoke('saveProgress', progress);
      const current = get().state;
      if (current.phase !== 'ready') return;
      set({ state: { ...current, saveProblem: reply.ok ? null : reply.problem } });
    });
    const stale = dependsOnProgress
      .filter(({ field }) => before[field] !== progress[field])
      .flatMap(({ keys }) => keys);
    if (stale.length > 0) values.invalidate([...new Set(stale)]);
  };

  const move = (offset: number): void => {
    const { state } = get();
    if (state.phase !== 'ready') return;
    const next = journeySteps[journeySteps.indexOf(state.progress.step) + offset];
    if (next) get().goTo(next);
  };

  return {
    state: { phase: 'starting' },
    client: null,
    main: values.initial,
    fresh: values.fresh,
    accept: values.accept,
    async start(client) {
      if (get().client) return;
      set({ client });
      client.onEvent(values.receive);
      // Asked at once, beside the app's own start: none of them waits for another.
      void values.fresh('signIn');
      void values.fresh('exchangeSetup');
      const [appInfo, progress] = await Promise.all([
        client.invoke('getAppInfo', {}),
        client.invoke('getProgress', {}),
      ]);
      if (!appInfo.ok) return set({ state: { phase: 'unreachable', problem: appInfo.problem } });
      if (!progress.ok) return set({ state: { phase: 'unreachable', problem: progress.problem } });
      set({
        state: {
          phase: 'ready',
          appInfo: appInfo.value,
          progress: progress.value,
          saveProblem: null,
        },
      });
      void values.fresh('practice');
      recordSignIn();
    },
    goTo(step) {
      update((progress) => ({
        ...progress,
        step,
        visited: progress.visited.includes(step) ? progress.visited : [...progress.visited, step],
      }));
    },
    goNext: () => move(1),
    goBack: () => move(-1),
    choose(changes) {
      update((progress) => ({ ...progress, ...changes }));
    },
    recordCheck(id, result) {
      const at = new Date().toISOString();
      update((progress) => ({
        ...progress,
        checks: { ...progress.checks, [id]: { ...result, at } },
      }));
    },
    async setPracticeSwitch(id, value) {
      const { client } = get();
      if (!client) return;
      const reply = await client.invoke('setPracticeSwitch', { id, value } as never);
      if (reply.ok) values.accept('practice', reply.value);
    },
    async refreshAppInfo() {
      const { client } = get();
      if (!client) return;
      const keychain = await client.invoke('checkKeychain', {});
      const appInfo = await client.invoke('getAppInfo', {});
      const current = get().state;
      if (current.phase !== 'ready' || !appInfo.ok) return;
      set({
        state: {
          ...current,
          appInfo: keychain.ok ? { ...appInfo.value, keychain: keychain.value } : appInfo.value,
        },
      });
    },
    async askSignIn(method, params) {
      const { client } = get();
      if (!client) return { ok: false, problem: problem('main-unreachable') };
      const reply = (await client.invoke(method, params)) as Reply<SignInStatus>;
      if (reply.ok) values.accept('signIn', reply.value);
      return reply;
    },
  };
});

/** The ready state, for components that only render once the wizard is ready. */
export function useReadyState(): Extract<WizardState, { phase: 'ready' }> {
  const state = useWizard((store) => store.state);
  if (state.phase !== 'ready') throw new Error('The wizard is not ready yet');
  return state;
}

/** One value the main process owns, as the renderer knows it now. */
export function useMainValue<K extends MainKey>(key: K): WizardStore['main'][K] {
  return useWizard((store) => store.main[key]);
}

export type { Loadable };
