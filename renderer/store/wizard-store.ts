/**
 * The wizard's state. While starting, unreachable or ready, only what that phase has exists
 * (a discriminated union), so a screen can never read progress that was never loaded.
 * Progress changes are saved to the main process one after another, newest last.
 */
import { create } from 'zustand';
import {
  journeySteps,
  type AppInfo,
  type CheckId,
  type CheckResult,
  type Progress,
  type StepId,
} from '../../shared/model';
import type { PracticeSettings } from '../../shared/practice';
import type { Problem } from '../../shared/problem';
import type { WizardClient } from '../api/client';

export type WizardState =
  | { phase: 'starting' }
  | { phase: 'unreachable'; problem: Problem }
  | {
      phase: 'ready';
      appInfo: AppInfo;
      progress: Progress;
      /** Set when the last save failed; cleared by the next good one. */
      saveProblem: Problem | null;
      practice: PracticeSettings | null;
    };

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
}

export type WizardStore = { state: WizardState; client: WizardClient | null } & WizardActions;

export const useWizard = create<WizardStore>((set, get) => {
  let saving: Promise<unknown> = Promise.resolve();

  const update = (change: (progress: Progress) => Progress): void => {
    const { state, client } = get();
    if (state.phase !== 'ready' || !client) return;
    const progress = change(state.progress);
    set({ state: { ...state, progress } });
    saving = saving.then(async () => {
      const reply = await client.invoke('saveProgress', progress);
      const current = get().state;
      if (current.phase !== 'ready') return;
      set({ state: { ...current, saveProblem: reply.ok ? null : reply.problem } });
    });
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
    async start(client) {
      set({ client });
      const [appInfo, progress] = await Promise.all([
        client.invoke('getAppInfo', {}),
        client.invoke('getProgress', {}),
      ]);
      if (!appInfo.ok) return set({ state: { phase: 'unreachable', problem: appInfo.problem } });
      if (!progress.ok) return set({ state: { phase: 'unreachable', problem: progress.problem } });
      let practice: PracticeSettings | null = null;
      if (appInfo.value.practice) {
        const reply = await client.invoke('getPracticeSettings', {});
        if (reply.ok) practice = reply.value;
        client.onEvent((event) => {
          const current = get().state;
          if (event.name === 'practice-changed' && current.phase === 'ready') {
            set({ state: { ...current, practice: event.data } });
          }
        });
      }
      set({
        state: {
          phase: 'ready',
          appInfo: appInfo.value,
          progress: progress.value,
          saveProblem: null,
          practice,
        },
      });
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
      await client.invoke('setPracticeSwitch', { id, value } as never);
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
  };
});

/** The ready state, for components that only render once the wizard is ready. */
export function useReadyState(): Extract<WizardState, { phase: 'ready' }> {
  const state = useWizard((store) => store.state);
  if (state.phase !== 'ready') throw new Error('The wizard is not ready yet');
  return state;
}
