/**
 * What the rail says of each step, from the board: done, needs attention or not started. A
 * step is done when its checks that ran all passed (firmware, information to check, counts as
 * passed); a step without checks (Welcome, Done) is done once the person has been there and
 * moved on. Opening a step proves nothing, so it alone never makes a step done.
 */
import { statusChecks, type Progress, type StepId } from '../model';
import { isGood } from './results';

export type StepStatus = 'done' | 'attention' | 'not-started';

export function stepStatus(
  step: StepId,
  progress: Pick<Progress, 'checks' | 'visited' | 'step'>,
): StepStatus {
  const results = statusChecks
    .filter((check) => check.step === step)
    .map((check) => progress.checks[check.id]);
  if (results.length === 0) {
    return progress.visited.includes(step) && progress.step !== step ? 'done' : 'not-started';
  }
  const ran = results.filter((result) => result !== undefined);
  if (
    ran.some((result) => result.stale || result.state === 'failed' || result.state === 'attention')
  ) {
    return 'attention';
  }
  return ran.some(isGood) ? 'done' : 'not-started';
}
