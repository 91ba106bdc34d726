/**
 * The wizard's one store. Its state is starting, unreachable or ready (a discriminated union).
 * While starting it already holds a progress to draw (a new journey's, with the user's clicks
 * on top) and the app info once main answers it, so the frame, the rail and Welcome draw before
 * main's first answers; only `ready` holds main's own progress. Beside it, what the main process
 * owns (main-values.ts), each value loading, ready or failed. Connected once, at start, to the
 * pushed events. Main owns progress and the status board: the store shows them as main pushes
 * them (`progress-changed`; of two states the higher revision wins) and sends intents (go to a
 * step, choose, run a check…) as actions. This folder and renderer/api are the only places
 * that call main (lint).
 */
import { create } from 'zustand';
import type { ParamsOf, Reply, ResultOf, WizardEvent, WizardMethod } from '../../shared/contract';
import type {
  MailCheckRequest,
  MailCheckResult,
  TenantCheckId,
  TenantCheckResult,
} from '../../shared/contract/exchange';
import type { Choices, PrinterReach, ProgressState } from '../../shared/contract/journey';
import type { SignInStatus } from '../../shared/contract/signin';
import {
  initialProgress,
  journeySteps,
  type AppInfo,
  type Progress,
  type StepId,
} from '../../shared/model';
import type { PracticeSettings } from '../../shared/practice';
import type { WayProofRequest, WayProofResult } from '../../shared/contract/ways';
import { everyPrinterHasAWay, isSignInStep, keepSendingOnTheWay } from '../../shared/sending-ways';
import { emptyPrinterRecord } from '../../shared/board/printers';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import type { Problem } from '../../shared/problem';
import { mainUnreachable } from '../api/unreachable';
import type { WizardClient } from '../api/client';
import type { Loadable } from './loadable';
import { createMainValues, type MainKey, type MainValuesPart } from './main-values';

export type WizardState =
  | {
      phase: 'starting';
      /** What to draw until main's progress comes: a new journey's, with the intents on top. */
      progress: Progress;
      /** Main's answer, kept as soon as it comes (it may come before the progress). */
      appInfo: AppInfo | null;
    }
  | { phase: 'unreachable'; problem: Problem }
  | {
      phase: 'ready';
      appInfo: AppInfo;
      progress: Progress;
      /** Main's count of progress changes: a state with a lower one is older. */
      revision: number;
      /** Set when main's last write of progress failed; cleared by the next good one. */
      saveProblem: Problem | null;
    };

/** The requests whose answer is the new sign-in status (asking for it aside). */
export type SignInRequest = Exclude<
  { [M in WizardMethod]: ResultOf<M> extends SignInStatus ? M : never }[WizardMethod],
  'getSignInStatus'
>;

/**
 * Requests whose answer is for the screen that asked only (a report, a reminder, a page to
 * open); what they change in main comes back as pushed values.
 */
export type Request = Extract<
  WizardMethod,
  | 'buildSetupReport'
  | 'saveSetupReport'
  | 'buildSignInReminder'
  | 'saveSignInReminder'
  | 'readStatusSheet'
  | 'startBrowserSignIn'
  | 'allowMailReading'
  | 'readMailboxSmtpAuth'
  | 'turnOnMailboxSmtpAuth'
  | 'undoAdminChange'
  | 'allowExchangeChanges'
  | 'readSecurityDefaults'
  | 'turnOffSecurityDefaults'
  | 'allowEntraChange'
  | 'planDeviceCodeExclusion'
  | 'readSmtpConsent'
  | 'excludeFromDeviceCodeBlocks'
  | 'startTestWatch'
  | 'stopTestWatch'
  | 'confirmTestMessage'
  | 'addPrinterByAddress'
>;

interface WizardActions {
  start(client: WizardClient): Promise<void>;
  goTo(step: StepId): void;
  goNext(): void;
  goBack(): void;
  choose(choices: Choices): void;
  /** Chooses or un-chooses one printer (one after another, so quick ticks all count). */
  choosePrinter(id: string, chosen: boolean): Promise<Problem | null>;
  /** Probes a printer (main keeps a chosen one's firmware version and puts it on the board). */
  probePrinter(id: string): Promise<Problem | null>;
  searchAgain(): Promise<Problem | null>;
  /** Checks that a chosen printer still answers (searching first when asked); main relocates it. */
  checkPrinterReach(printerId: string, search: boolean): Promise<Reply<PrinterReach>>;
  /**
   * Changes one printer's record; main keeps it and sums every chosen printer on the board.
   * Changes go one after another, each applied to the record the one before left.
   */
  updatePrinterRecord(
    printerId: string,
    change: (record: PrinterSetupRecord) => PrinterSetupRecord,
  ): Promise<void>;
  runMailCheck(request: MailCheckRequest): Promise<Reply<MailCheckResult>>;
  runTenantChecks(checks: TenantCheckId[]): Promise<Reply<TenantCheckResult[]>>;
  /** "Prove this way": main runs it, keeps its last run and the proof in the printer's record. */
  proveSendingWay(request: WayProofRequest): Promise<Reply<WayProofResult>>;
  setPracticeSwitch(id: keyof PracticeSettings, value: string): Promise<void>;
  refreshAppInfo(): Promise<void>;
  /** A sign-in request; the status it answers is kept like a pushed one. */
  askSignIn<M extends SignInRequest>(method: M, params: ParamsOf<M>): Promise<Reply<SignInStatus>>;
  /** A request whose answer is for the asking screen only (see `Request`). */
  ask<M extends Request>(method: M, params: ParamsOf<M>): Promise<Reply<ResultOf<M>>>;
}

export type WizardStore = {
  state: WizardState;
  client: WizardClient | null;
} & MainValuesPart &
  WizardActions;

export const useWizard = create<WizardStore>((set, get) => {
  const values = createMainValues({
    readMain: () => get().main,
    writeMain: (main) => set({ main }),
    client: () => get().client,
    practiceRun: () => {
      const { state } = get();
      return state.phase !== 'unreachable' && state.appInfo?.practice === true;
    },
    changed: () => undefined,
  });

  // Progress as main last said (the highest revision seen), and the intents sent but not yet
  // answered, shown on top of it at once so a click shows without waiting for main.
  let confirmed: ProgressState | null = null;
  const pending = new Map<number, (progress: Progress) => Progress>();
  let nextIntent = 0;

  const show = (): void => {
    const { state } = get();
    if (state.phase === 'unreachable') return;
    let progress = confirmed?.progress ?? initialProgress;
    for (const apply of pending.values()) progress = apply(progress);
    if (state.phase === 'starting') return set({ state: { ...state, progress } });
    if (!confirmed) return;
    set({
      state: {
        ...state,
        progress,
        revision: confirmed.revision,
        saveProblem: confirmed.saveProblem,
      },
    });
  };

  /** Keeps main's progress state unless the store already has a newer one. */
  const acceptProgress = (next: ProgressState): void => {
    if (confirmed && next.revision < confirmed.revision) return;
    confirmed = next;
    show();
  };

  const receive = (event: WizardEvent): void => {
    if (event.name === 'progress-changed') acceptProgress(event.data);
    else values.receive(event);
  };

  /** Sends a request to main; answers "main unreachable" before the store is connected. */
  const call = async <M extends WizardMethod>(
    method: M,
    params: ParamsOf<M>,
  ): Promise<Reply<ResultOf<M>>> => {
    const { client } = get();
    if (!client) return mainUnreachable;
    return client.invoke(method, params);
  };

  /**
   * An intent whose answer is main's new progress state. `expected` is what main will do, shown
   * until its answer comes (then main's own state stands, whatever it decided).
   */
  const intend = async <M extends 'goToStep' | 'setChoices' | 'setPrinterRecord'>(
    method: M,
    params: ParamsOf<M>,
    expected: (progress: Progress) => Progress,
  ): Promise<void> => {
    const id = (nextIntent += 1);
    pending.set(id, expected);
    show();
    const reply = (await call(method, params)) as Reply<ProgressState>;
    pending.delete(id);
    if (reply.ok) acceptProgress(reply.value);
    else show();
  };

  // Choices of printers go one after another: within a quick run of ticks each starts from
  // the list main answered to the one before (its progress-changed may still be on its way).
  let choosing: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let recording: Promise<unknown> = Promise.resolve();
  let answeredIds: string[] | null = null;

  const move = (offset: number): void => {
    const { state } = get();
    if (state.phase === 'unreachable') return;
    let index = journeySteps.indexOf(state.progress.step) + offset;
    // "Choose a way to keep sending" is on the way only for a printer that needs one (or has
    // one); otherwise Next and Back pass it by (the rail still reaches it).
    if (journeySteps[index] === 'keep-sending' && !keepSendingOnTheWay(state.progress)) {
      index += offset;
    }
    // Every printer sends by another way: the sign-in steps are not needed, so Next and Back
    // pass them by (the rail still reaches them, marked "not needed").
    if (everyPrinterHasAWay(state.progress)) {
      while (isSignInStep(journeySteps[index] ?? '')) index += offset;
    }
    const next = journeySteps[index];
    if (next) get().goTo(next);
  };

  return {
    state: { phase: 'starting', progress: initialProgress, appInfo: null },
    client: null,
    main: values.initial,
    fresh: values.fresh,
    accept: values.accept,
    async start(client) {
      if (get().client) return;
      set({ client });
      client.onEvent(receive);
      // What the first screen fills in (main's progress and app info) is asked at once, neither
      // waiting for the other; each answer is kept as it comes, and the wizard is ready when
      // both are in. What only later steps read is asked then (below), so the page's work
      // right after its first screen is drawn stays small.
      const appInfoAnswer = client.invoke('getAppInfo', {}).then((appInfo) => {
        const { state } = get();
        if (appInfo.ok && state.phase === 'starting') {
          set({ state: { ...state, appInfo: appInfo.value } });
          void values.fresh('practice');
        }
        return appInfo;
      });
      const [appInfo, progress] = await Promise.all([
        appInfoAnswer,
        client.invoke('getProgressState', {}),
      ]);
      if (!appInfo.ok) return set({ state: { phase: 'unreachable', problem: appInfo.problem } });
      if (!progress.ok) return set({ state: { phase: 'unreachable', problem: progress.problem } });
      // An event or an intent's answer may have brought a newer state while this travelled.
      if (!confirmed || confirmed.revision < progress.value.revision) confirmed = progress.value;
      set({
        state: {
          phase: 'ready',
          appInfo: appInfo.value,
          progress: confirmed.progress,
          revision: confirmed.revision,
          saveProblem: confirmed.saveProblem,
        },
      });
      // Intents still on their way stay shown on top.
      show();
      // For the later steps and the troubleshooter, long before anyone reaches them.
      void values.fresh('signIn');
      void values.fresh('exchangeSetup');
      void values.fresh('checkRuns');
    },
    goTo(step) {
      void intend('goToStep', { step }, (progress) => ({
        ...progress,
        step,
        visited: progress.visited.includes(step) ? progress.visited : [...progress.visited, step],
      }));
    },
    goNext: () => move(1),
    goBack: () => move(-1),
    choose(choices) {
      void intend('setChoices', choices, (progress) => {
        const { printerAccount, ...rest } = choices;
        return {
          ...progress,
          ...rest,
          ...(printerAccount
            ? { printerAccount: { ...progress.printerAccount, ...printerAccount } }
            : {}),
        };
      });
    },
    choosePrinter(id, chosen) {
      queued += 1;
      const turn = choosing.then(async (): Promise<Problem | null> => {
        const { state } = get();
        const base =
          answeredIds ??
          (state.phase === 'ready' ? state.progress.printers.map((printer) => printer.id) : []);
        const others = base.filter((item) => item !== id);
        const reply = await call('choosePrinters', { ids: chosen ? [...others, id] : others });
        queued -= 1;
        if (reply.ok) answeredIds = reply.value.map((printer) => printer.id);
        if (queued === 0) answeredIds = null;
        return reply.ok ? null : reply.problem;
      });
      choosing = turn;
      return turn;
    },
    async probePrinter(id) {
      const reply = await call('probePrinter', { id });
      return reply.ok ? null : reply.problem;
    },
    async searchAgain() {
      const reply = await call('searchAgain', {});
      if (reply.ok) values.accept('printers', reply.value);
      return reply.ok ? null : reply.problem;
    },
    checkPrinterReach: (printerId, search) => call('checkPrinterReach', { printerId, search }),
    updatePrinterRecord(printerId, change) {
      const { state } = get();
      if (state.phase !== 'ready') return Promise.resolve();
      // From the record as shown (earlier changes on their way included); sent in order.
      const record = change(state.progress.printerSetup[printerId] ?? emptyPrinterRecord);
      const expected = (progress: Progress): Progress => ({
        ...progress,
        printerSetup: { ...progress.printerSetup, [printerId]: record },
      });
      const id = (nextIntent += 1);
      pending.set(id, expected);
      show();
      const turn = recording.then(async () => {
        pending.delete(id);
        await intend('setPrinterRecord', { printerId, record }, expected);
      });
      recording = turn;
      return turn;
    },
    runMailCheck: (request) => call('runMailCheck', request),
    runTenantChecks: (checks) => call('runTenantChecks', { checks }),
    proveSendingWay: (request) => call('proveSendingWay', request),
    async setPracticeSwitch(id, value) {
      const reply = await call('setPracticeSwitch', { id, value } as never);
      if (reply.ok) values.accept('practice', reply.value);
    },
    async refreshAppInfo() {
      const keychain = await call('checkKeychain', {});
      const appInfo = await call('getAppInfo', {});
      const current = get().state;
      if (current.phase === 'unreachable' || !appInfo.ok) return;
      set({
        state: {
          ...current,
          appInfo: keychain.ok ? { ...appInfo.value, keychain: keychain.value } : appInfo.value,
        },
      });
    },
    async askSignIn(method, params) {
      const reply = (await call(method, params)) as Reply<SignInStatus>;
      if (reply.ok) values.accept('signIn', reply.value);
      return reply;
    },
    ask: (method, params) => call(method, params),
  };
});

/**
 * The progress to draw: main's once ready, a new journey's (with the user's clicks) while
 * starting. For the frame, the rail and Welcome, which draw before main answers.
 */
export function useShownProgress(): Progress {
  return useWizard((store) =>
    store.state.phase === 'unreachable' ? initialProgress : store.state.progress,
  );
}

/** Main's app info, or null until it has answered. */
export function useAppInfo(): AppInfo | null {
  return useWizard((store) => (store.state.phase === 'unreachable' ? null : store.state.appInfo));
}

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
