/**
 * What the rail says of each step, from the board: done, needs attention or not started. A
 * step is done when a check of it passed and none needs attention, failed or is out of date
 * (firmware, information to check, neither holds it back nor proves it); a step without checks (Welcome, Done) is done once the person has been there and
 * moved on. Opening a step proves nothing, so it alone never makes a step done.
 */
import { statusChecks, type Progress, type StepId } from '../model';
import { everyPrinterHasAWay, isSignInStep, keepSendingOnTheWay } from '../sending-ways';

/**
 * 'not-needed': a sign-in step while every chosen printer sends by another way, or "Choose a
 * way to keep sending" while no chosen printer needs or has one.
 */
export type StepStatus = 'done' | 'attention' | 'not-started' | 'not-needed';

export function stepStatus(
  step: StepId,
  progress: Pick<Progress, 'checks' | 'visited' | 'step'> &
    Partial<Pick<Progress, 'printers' | 'printerSetup'>>,
): StepStatus {
  if (isSignInStep(step) && everyPrinterHasAWay(progress)) return 'not-needed';
  const { printers = [], printerSetup = {} } = progress;
  if (
    step === 'keep-sending' &&
    printers.length > 0 &&
    !keepSendingOnTheWay({ printers, printerSetup })
  ) {
    return 'not-needed';
  }
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
  // Firmware (information to check) alone proves nothing: a passed check does.
  return ran.some((result) => result.state === 'passed') ? 'done' : 'not-started';
}
