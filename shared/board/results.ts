/**
 * The status board's results as main records them: a problem kept with the values its words
 * name, when two results say the same, and which results a later change makes out of date.
 */
import { type CheckId, type CheckResult, type CheckState } from '../model';
import type { Problem } from '../problem';

export type Recorded = Omit<CheckResult, 'at'>;

/** The most values a result keeps, and the longest (what the progress file accepts). */
export const problemDataLimits = { values: 12, length: 300 } as const;

/** A result's problem fields: its id and, when it has any, the values its words name. */
export function problemFields(
  problem: Problem | null | undefined,
): Pick<Recorded, 'problemId' | 'problemData'> {
  if (!problem) return {};
  const entries = Object.entries(problem.data ?? {})
    .slice(0, problemDataLimits.values)
    .map(([name, value]) => [
      name.slice(0, 40),
      typeof value === 'string' ? value.slice(0, problemDataLimits.length) : value,
    ]);
  return entries.length > 0
    ? { problemId: problem.id, problemData: Object.fromEntries(entries) }
    : { problemId: problem.id };
}

const sameData = (a: CheckResult['problemData'], b: CheckResult['problemData']): boolean =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Whether a result judges the same as another (its time and whether it is out of date aside). */
function sameJudgement(board: CheckResult | null | undefined, result: Recorded): boolean {
  return (
    !!board &&
    board.state === result.state &&
    board.summary === result.summary &&
    board.problemId === result.problemId &&
    sameData(board.problemData, result.problemData)
  );
}

/** Whether the board already says this (its time aside): nothing to record again. */
export function sameResult(board: CheckResult | null | undefined, result: Recorded): boolean {
  return !!board && !board.stale && sameJudgement(board, result);
}

/**
 * What each result was judged on: when one of these changes (another account, a failure, other
 * printers), a result recorded earlier no longer says what is true now.
 */
export const judgedOn: Partial<Record<CheckId, readonly CheckId[]>> = {
  'printer-firmware': ['printer-found'],
  'consent-role': ['signed-in'],
  'smtp-login': ['signed-in', 'smtp-auth-organization', 'smtp-auth-mailbox', 'security-defaults'],
  'test-message': ['smtp-login'],
  'conditional-access': ['signed-in'],
  'printer-signed-in': ['printer-found'],
  'status-sheet': ['printer-signed-in'],
  'printer-test-message': ['printer-found', 'status-sheet'],
};

/** Checks judged on this one, directly or through others. */
function dependantsOf(check: CheckId): Set<CheckId> {
  const found = new Set<CheckId>();
  const visit = (id: CheckId): void => {
    for (const [dependant, basis] of Object.entries(judgedOn) as [CheckId, CheckId[]][]) {
      if (basis.includes(id) && !found.has(dependant)) {
        found.add(dependant);
        visit(dependant);
      }
    }
  };
  visit(check);
  return found;
}

/**
 * The board after recording these results: each new result replaces the old (and is current
 * again); a result whose basis changed in this recording, and that is not itself recorded
 * again, is marked out of date. A basis that only starts or keeps running changes nothing yet.
 */
export function recordResults(
  checks: Partial<Record<CheckId, CheckResult>>,
  entries: readonly { check: CheckId; result: Recorded }[],
  at: string,
): Partial<Record<CheckId, CheckResult>> {
  const next = { ...checks };
  const recordedNow = new Set(entries.map((entry) => entry.check));
  const changed = entries.filter(
    (entry) =>
      entry.result.state !== 'running' &&
      entry.result.state !== 'waiting' &&
      // A result judged the same again (an out-of-date one too) changes nothing else.
      !sameJudgement(checks[entry.check], entry.result),
  );
  for (const entry of entries) next[entry.check] = { ...entry.result, at };
  for (const entry of changed) {
    for (const dependant of dependantsOf(entry.check)) {
      const earlier = next[dependant];
      if (earlier && !recordedNow.has(dependant) && !earlier.stale) {
        next[dependant] = { ...earlier, stale: true };
      }
    }
  }
  return next;
}

/** What the board shows for a result: its state, or "out of date" when a later change made it so. */
export type ShownState = CheckState | 'stale';

export function shownState(result: CheckResult | null | undefined): ShownState {
  if (!result) return 'not-run';
  return result.stale ? 'stale' : result.state;
}

/** Every state the board can show, for the words and the report. */
export const shownStates: readonly ShownState[] = [
  'not-run',
  'running',
  'waiting',
  'passed',
  'info',
  'attention',
  'failed',
  'stale',
];

/** Whether a result is settled as good: passed, or information to check (firmware). */
export const isGood = (result: CheckResult | null | undefined): boolean =>
  !!result && !result.stale && (result.state === 'passed' || result.state === 'info');
