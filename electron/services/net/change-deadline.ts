/**
 * One stated time for everything Microsoft is asked during one "Do it for me" change (its
 * reads, the change, the read-back and the checks that prove it), so the panel can say how long
 * the wizard waits at most and keep its word however many calls, tries and Retry-After waits
 * the change needs. The change runs inside `withinChangeDeadline`; every request to Microsoft
 * made meanwhile (Graph and the Exchange admin endpoint) shortens its own deadline to what is
 * left, and the ride-out does not wait past it. Outside a change nothing is bounded here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ProblemError } from '../../common/problem-error';

interface ChangeDeadline {
  endsAt: number;
  seconds: number;
  /** Set when the change is over: work it started that lives on (a timer) is not bounded. */
  over: boolean;
}

const changeDeadline = new AsyncLocalStorage<ChangeDeadline>();

/** The deadline of the change running now, if one is. */
const current = (): ChangeDeadline | null => {
  const deadline = changeDeadline.getStore();
  return deadline && !deadline.over ? deadline : null;
};

/** Runs one change with everything it asks Microsoft bounded by `seconds` in all. */
export async function withinChangeDeadline<T>(
  seconds: number,
  change: () => Promise<T>,
): Promise<T> {
  const deadline: ChangeDeadline = { endsAt: Date.now() + seconds * 1000, seconds, over: false };
  try {
    return await changeDeadline.run(deadline, change);
  } finally {
    deadline.over = true;
  }
}

/** Milliseconds left for the change running now; Infinity outside a change. */
export function changeTimeLeftMs(): number {
  const deadline = current();
  return deadline ? deadline.endsAt - Date.now() : Number.POSITIVE_INFINITY;
}

/** A request's own deadline, shortened to what the change has left. */
export function requestDeadlineMs(ownMs: number): number {
  return Math.max(1, Math.min(ownMs, changeTimeLeftMs()));
}

/** Less than this left is no time for an answer (and a timer may end a hair early). */
const tooLittleMs = 100;

/** The change's time is spent: say so (with the stated limit) instead of sending more. */
export function outOfTimeProblem(): ProblemError | null {
  const deadline = current();
  if (!deadline || deadline.endsAt - Date.now() > tooLittleMs) return null;
  return new ProblemError('admin-change-out-of-time', { seconds: deadline.seconds });
}
