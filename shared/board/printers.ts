/**
 * The status board's printer lines, summed over the chosen printers: "Printer found",
 * "Printer firmware", "Printer signed in", "Status sheet" and "Printer's test message". Main
 * records them when the chosen printers, a printer's record or a test-message watch change.
 */
import { assertNever } from '../assert-never';
import type { TestWatch, TestWatches } from '../contract/delivery';
import type { CheckResult } from '../model';
import type { PrinterSetupRecord } from '../printer-setup';
import type { ChosenPrinter } from '../printers';

export type Recorded = Omit<CheckResult, 'at'>;

export const emptyPrinterRecord: PrinterSetupRecord = {
  signedIn: null,
  answers: {},
  statusSheet: null,
};

/** "Printer found": the chosen printers' models, or attention when none is chosen. */
export function printerFoundCheck(printers: readonly ChosenPrinter[]): Recorded {
  return printers.length > 0
    ? {
        state: 'passed',
        summary: printers
          .map((printer) => printer.model ?? printer.name)
          .join(', ')
          .slice(0, 200),
      }
    : { state: 'attention' };
}

/** "Printer firmware": the versions seen (worth checking for an update), or unknown. */
export function printerFirmwareCheck(printers: readonly ChosenPrinter[]): Recorded {
  const versions = printers
    .filter((printer) => printer.firmwareVersion)
    .map((printer) => `${printer.model ?? printer.name}: ${printer.firmwareVersion}`);
  return versions.length > 0
    ? {
        state: 'attention',
        summary: versions.join(', ').slice(0, 200),
        problemId: 'printer-firmware-update',
      }
    : { state: 'attention', problemId: 'printer-firmware-unknown' };
}

/** One line over every chosen printer's record; null while no printer has an answer. */
function summarise(
  records: readonly PrinterSetupRecord[],
  pick: (record: PrinterSetupRecord) => CheckResult | null,
): Recorded | null {
  const done = records.map(pick).filter((result) => result !== null);
  if (done.length === 0) return null;
  const passed = done.filter((result) => result.state === 'passed').length;
  const failed = done.find((result) => result.state === 'failed');
  const attention = done.find((result) => result.state === 'attention');
  const summary = `${passed}/${records.length}`;
  if (failed) {
    return {
      state: 'failed',
      summary,
      ...(failed.problemId ? { problemId: failed.problemId } : {}),
    };
  }
  if (attention || done.length < records.length) {
    return {
      state: 'attention',
      summary,
      ...(attention?.problemId ? { problemId: attention.problemId } : {}),
    };
  }
  return { state: 'passed', summary };
}

/** "Printer signed in" and "Status sheet" over the chosen printers' records. */
export function printerSetupChecks(
  printers: readonly ChosenPrinter[],
  setup: Readonly<Record<string, PrinterSetupRecord>>,
): { signedIn: Recorded | null; statusSheet: Recorded | null } {
  const records = printers.map((printer) => setup[printer.id] ?? emptyPrinterRecord);
  return {
    signedIn: summarise(records, (record) => record.signedIn),
    statusSheet: summarise(records, (record) => record.statusSheet),
  };
}

function judgeOne(watch: TestWatch): Recorded['state'] {
  const outcome = watch.outcome;
  switch (outcome.state) {
    case 'arrived':
      return 'passed';
    case 'seen-by-person':
      return outcome.arrived ? 'passed' : 'failed';
    case 'watching':
      return 'running';
    case 'wrong-sender':
    case 'nothing-arrived':
    case 'failed':
      return 'failed';
    // Not proven either way, and the person has something to do: allow reading the mailbox
    // (or say what they saw) ...
    case 'needs-permission':
      return 'attention';
    // ... or watch again: stopped by the person, or replaced by the next printer's watch.
    case 'stopped':
      return 'attention';
    default:
      return assertNever(outcome);
  }
}

/**
 * "Printer's test message" for these printers, or null while no watch has started: passed
 * when every printer's message arrived, running while one is watched, failed when one did not
 * arrive or came from another address.
 */
export function testMessageCheck(
  printerIds: readonly string[],
  watches: TestWatches,
): Recorded | null {
  const watched = printerIds.map((id) => watches[id]).filter((watch) => watch !== undefined);
  if (watched.length === 0) return null;
  const states = watched.map(judgeOne);
  const passed = states.filter((state) => state === 'passed').length;
  const summary = `${passed}/${printerIds.length}`;
  const failedWatch = watched.find((watch) => judgeOne(watch) === 'failed');
  if (failedWatch) {
    const outcome = failedWatch.outcome;
    const problemId =
      outcome.state === 'failed'
        ? outcome.problemId
        : outcome.state === 'wrong-sender'
          ? 'test-message-wrong-sender'
          : 'test-message-not-arrived';
    return { state: 'failed', summary, problemId };
  }
  if (states.includes('running')) return { state: 'running', summary };
  if (passed === printerIds.length) return { state: 'passed', summary };
  return { state: 'attention', summary };
}

/** Whether the board already says this (its time aside): nothing to record again. */
export function sameResult(board: CheckResult | null | undefined, result: Recorded): boolean {
  return (
    !!board &&
    board.state === result.state &&
    board.summary === result.summary &&
    board.problemId === result.problemId
  );
}
