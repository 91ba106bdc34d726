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
import type { Problem } from '../problem';
import { problemFields, type Recorded } from './results';

export type { Recorded } from './results';

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

/**
 * "Printer firmware": the versions seen, or unknown. Information to check, never a warning:
 * the wizard cannot know the latest firmware, so nothing it does could clear one.
 */
export function printerFirmwareCheck(printers: readonly ChosenPrinter[]): Recorded {
  const versions = printers
    .filter((printer) => printer.firmwareVersion)
    .map((printer) => `${printer.model ?? printer.name}: ${printer.firmwareVersion}`);
  return versions.length > 0
    ? {
        state: 'info',
        summary: versions.join(', ').slice(0, 200),
        problemId: 'printer-firmware-update',
      }
    : { state: 'info', problemId: 'printer-firmware-unknown' };
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
      ...(failed.problemData ? { problemData: failed.problemData } : {}),
    };
  }
  if (attention || done.length < records.length) {
    return {
      state: 'attention',
      summary,
      ...(attention?.problemId ? { problemId: attention.problemId } : {}),
      ...(attention?.problemData ? { problemData: attention.problemData } : {}),
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

/**
 * "Way to keep sending" over the chosen printers that send without OAuth 2.0: failed when a
 * proof failed, passed when every way was proven, information while one is chosen but not
 * proven (or cannot be proven from here); null while no printer has a way.
 */
export function sendingWayCheck(
  printers: readonly ChosenPrinter[],
  setup: Readonly<Record<string, PrinterSetupRecord>>,
): Recorded | null {
  const chosen = printers.flatMap((printer) => {
    const way = setup[printer.id]?.sendingWay;
    return way ? [{ printer, way }] : [];
  });
  if (chosen.length === 0) return null;
  const summary = chosen
    .map(({ printer, way }) => `${printer.model ?? printer.name}: ${way.way}`)
    .join(', ')
    .slice(0, 200);
  const failed = chosen.find(({ way }) => way.proof?.state === 'failed');
  if (failed?.way.proof) {
    return {
      state: 'failed',
      summary,
      ...(failed.way.proof.problemId ? { problemId: failed.way.proof.problemId } : {}),
      ...(failed.way.proof.problemData ? { problemData: failed.way.proof.problemData } : {}),
    };
  }
  const proven = chosen.every(({ way }) => way.proof?.state === 'passed');
  if (proven) return { state: 'passed', summary };
  const attention = chosen.find(({ way }) => way.proof?.state === 'attention');
  if (attention?.way.proof) {
    return {
      state: 'attention',
      summary,
      ...(attention.way.proof.problemId ? { problemId: attention.way.proof.problemId } : {}),
      ...(attention.way.proof.problemData ? { problemData: attention.way.proof.problemData } : {}),
    };
  }
  return { state: 'info', summary };
}

function judgeOne(watch: TestWatch): Recorded['state'] {
  const outcome = watch.outcome;
  switch (outcome.state) {
    case 'arrived':
      return 'passed';
    case 'seen-by-person':
      return outcome.arrived ? 'passed' : 'failed';
    // Not proven either way yet: the message is on its way, or the person has something to do
    // first (allow reading the mailbox or say what they saw, watch again after a stop). The
    // board waits; the Check the status sheet step says what to do.
    case 'watching':
    case 'needs-permission':
    case 'stopped':
      return 'waiting';
    case 'wrong-sender':
    case 'nothing-arrived':
    case 'failed':
      return 'failed';
    default:
      return assertNever(outcome);
  }
}

/**
 * "Printer's test message" for these printers, or null while no watch has started: passed
 * when every printer's message arrived, waiting while one is on its way (or not yet watched),
 * failed when one did not arrive or came from another address.
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
    const problem: Problem =
      outcome.state === 'failed'
        ? { id: outcome.problemId, ...(outcome.data ? { data: outcome.data } : {}) }
        : {
            id:
              outcome.state === 'wrong-sender'
                ? 'test-message-wrong-sender'
                : 'test-message-not-arrived',
          };
    return { state: 'failed', summary, ...problemFields(problem) };
  }
  if (passed === printerIds.length) return { state: 'passed', summary };
  return { state: 'waiting', summary };
}
