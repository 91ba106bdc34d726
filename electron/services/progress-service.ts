/**
 * The journey's progress, owned by the main process: loaded from disk once at start, kept in
 * memory, written atomically once per change (progress-store.ts) and announced to listeners
 * with a revision that goes up by one per change. Nothing re-reads the file while the wizard
 * runs. A failed write keeps the change in memory and says so (`saveProblem`) until a write
 * works again. Recording a result marks the results judged on it out of date when it changed
 * (shared/board/results.ts).
 */
import { recordResults } from '../../shared/board/results';
import type { Choices, ProgressState } from '../../shared/contract/journey';
import type { CheckId, CheckResult, Progress } from '../../shared/model';
import { problem, type Problem } from '../../shared/problem';
import { ProblemError, systemErrorCode } from '../common/problem-error';
import { normalise, progressSchema, type ProgressStore } from './progress-store';

export interface BoardEntry {
  check: CheckId;
  result: Omit<CheckResult, 'at'>;
}

export interface ProgressService {
  /** Progress as it is now (in memory). */
  current(): Progress;
  state(): ProgressState;
  /**
   * Applies one change, validated as a save is; resolves once it is on disk (or with the state
   * saying why not). Changes are written one after another, newest last.
   */
  update(
    change: (progress: Progress) => Progress,
    /** Board entries that belong to the same change (one write for both). */
    board?: readonly BoardEntry[],
  ): Promise<ProgressState>;
  /** Replaces the whole progress (the `setPracticeProgress` verb); refuses what the schema refuses. */
  replace(progress: Progress): Promise<ProgressState>;
  choose(choices: Choices): Promise<ProgressState>;
  /** Puts check results on the status board: one change, one write, whatever their number. */
  record(entries: readonly BoardEntry[]): Promise<ProgressState>;
  onChange(listener: (state: ProgressState, before: Progress) => void): () => void;
  /** Resolves once every write asked for so far is done (tests, shutdown). */
  settled(): Promise<void>;
}

export async function openProgress(
  store: ProgressStore,
  options: { now?: () => Date } = {},
): Promise<ProgressService> {
  const now = options.now ?? (() => new Date());
  let progress = await store.load();
  let revision = 0;
  // Changes asked for (the revision also counts save-problem news): a write skips itself when a
  // later change is queued behind it.
  let changes = 0;
  let saveProblem: Problem | null = null;
  let writing: Promise<void> = Promise.resolve();
  const listeners = new Set<(state: ProgressState, before: Progress) => void>();
  const withBoard = (next: Progress, entries: readonly BoardEntry[]): Progress => {
    if (entries.length === 0) return next;
    return { ...next, checks: recordResults(next.checks, entries, now().toISOString()) };
  };
  const state = (): ProgressState => ({ progress, revision, saveProblem });

  const announce = (before: Progress): void => {
    const snapshot = state();
    for (const listener of listeners) listener(snapshot, before);
  };

  const apply = (next: Progress): Promise<ProgressState> => {
    // Validated (and normalised) before it is kept: memory never holds what disk would refuse.
    const clean = normalise(progressSchema.parse(next));
    const before = progress;
    progress = clean;
    revision += 1;
    changes += 1;
    const mine = changes;
    announce(before);
    writing = writing.then(async () => {
      // A later change is already queued: it writes the newer progress, this one need not.
      if (mine !== changes) return;
      const hadProblem = saveProblem;
      try {
        await store.save(progress);
        saveProblem = null;
      } catch (error) {
        saveProblem =
          error instanceof ProblemError
            ? error.problem
            : problem('progress-not-saved', { code: systemErrorCode(error) });
      }
      if (hadProblem !== saveProblem) {
        revision += 1;
        announce(progress);
      }
    });
    return writing.then(state);
  };

  return {
    current: () => progress,
    state,
    update: (change, board = []) => apply(withBoard(change(progress), board)),
    replace: (next) => apply(next),
    choose: ({ printerAccount, ...choices }) =>
      apply({
        ...progress,
        ...choices,
        // Who consented stays: it is main's record, not a choice.
        ...(printerAccount
          ? { printerAccount: { ...progress.printerAccount, ...printerAccount } }
          : {}),
      }),
    record(entries) {
      if (entries.length === 0) return Promise.resolve(state());
      return apply(withBoard(progress, entries));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: () => writing,
  };
}
