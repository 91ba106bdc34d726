/**
 * The journey's checks as main runs them: each check records its own result on the status
 * board when it ends (one progress change, one write) and keeps its last run (running,
 * answered or failed) as a value main pushes, so the step, the troubleshooter and the board
 * show one truth, and it is still there after the person leaves the step and comes back.
 * The board lines that follow other values (the sign-in, the chosen printers, their records,
 * the test-message watches) are recorded here too, when those values change.
 */
import { checksFor } from '../../shared/board/sign-in';
import {
  printerFirmwareCheck,
  printerFoundCheck,
  printerSetupChecks,
  sendingWayCheck,
  testMessageCheck,
} from '../../shared/board/printers';
import type { WayProofRequest, WayProofResult } from '../../shared/contract/ways';
import type { SendingWayChoice } from '../../shared/sending-ways';
import { sameResult } from '../../shared/board/results';
import type { TestWatches } from '../../shared/contract/delivery';
import type {
  MailCheckRequest,
  MailCheckResult,
  TenantCheckId,
  TenantCheckResult,
} from '../../shared/contract/exchange';
import {
  noCheckRuns,
  type CheckRuns,
  type PrinterReach,
  type ProgressState,
  type ReachRequest,
} from '../../shared/contract/journey';
import type { SignInStatus } from '../../shared/contract/signin';
import type { Progress } from '../../shared/model';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import type { ChosenPrinter, PrinterEntry } from '../../shared/printers';
import { problem, type Problem } from '../../shared/problem';
import { ProblemError } from '../common/problem-error';
import type { DiscoveryService } from './discovery/discovery-service';
import { toChosenPrinter } from './discovery/grouping';
import { relocatePrinter } from './discovery/relocate';
import type { MailCheckService } from './mail-check';
import type { BoardEntry, ProgressService } from './progress-service';
import type { TenantCheckService } from './tenant-checks';
import type { WayProofService } from './sending-way-proof';

export interface JourneyOptions {
  progress: ProgressService;
  mailCheck: MailCheckService;
  tenantChecks: TenantCheckService;
  /** "Prove this way" (absent in tests that do not need it). */
  wayProof?: WayProofService;
  discovery: Pick<DiscoveryService, 'searchAgain' | 'probe'>;
  /** The test-message watches as they are now (for the board when the printers change). */
  testWatches?: () => TestWatches;
  /** Told after every change of a check's last run. */
  onRuns(runs: CheckRuns): void;
  /** Admits a moved printer's new Web Config origin to the link allow-list. */
  admit?: (webConfigUrl: string | null) => void;
  /** Waits between a printer's tries (tests inject a quick one). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Journey {
  runs(): CheckRuns;
  runMailCheck(request: MailCheckRequest): Promise<MailCheckResult>;
  runTenantChecks(checks: TenantCheckId[]): Promise<TenantCheckResult[]>;
  /** Keeps the chosen printers (as discovery lists them) and records "Printer found". */
  choosePrinters(chosen: ChosenPrinter[]): Promise<ChosenPrinter[]>;
  /** Probes a printer; a chosen one keeps its firmware version, and "Printer firmware" follows. */
  probePrinter(id: string): Promise<PrinterEntry>;
  checkPrinterReach(request: ReachRequest): Promise<PrinterReach>;
  setPrinterRecord(printerId: string, record: PrinterSetupRecord): Promise<ProgressState>;
  /**
   * Proves a printer's chosen way from this computer; keeps its last run (without the
   * password) and the proof in the printer's record, and records "Way to keep sending".
   */
  proveSendingWay(request: WayProofRequest): Promise<WayProofResult>;
  /** Records "Signed in" and "Consent role" when the sign-in says something new. */
  recordSignIn(status: SignInStatus): Promise<void>;
  /** Records "Printer's test message" when the watches say something new. */
  recordTestWatches(): Promise<void>;
}

/** The proof in a printer's record is main's: the renderer's copy is never taken. */
function keepMainsProof(
  asked: PrinterSetupRecord,
  before: SendingWayChoice | undefined,
): PrinterSetupRecord {
  const record: PrinterSetupRecord = { ...asked };
  delete record.sendingWay;
  if (!asked.sendingWay) return record;
  const choice: SendingWayChoice = { ...asked.sendingWay };
  delete choice.proof;
  const kept = before && before.way === choice.way ? before.proof : undefined;
  return { ...record, sendingWay: kept ? { ...choice, proof: kept } : choice };
}

function problemFields(
  found: Problem,
): Pick<PrinterSetupRecord['signedIn'] & object, 'problemId' | 'problemData'> {
  return { problemId: found.id, ...(found.data ? { problemData: found.data } : {}) };
}

function proofProblem(result: WayProofResult) {
  const shown = result.problem ?? result.steps.find((step) => step.problem)?.problem ?? null;
  return shown ? problemFields(shown) : {};
}

function proofFailure(failure: Problem | null): Problem {
  return failure ?? problem('request-failed', { method: 'proveSendingWay', reference: '-' });
}

const problemOf = (error: unknown): Problem =>
  error instanceof ProblemError
    ? error.problem
    : problem('request-failed', { method: 'check', reference: '-' });

/** What a proof of the way leaves in the printer's record (never the password). */
function proofOf(
  result: WayProofResult | null,
  failure: Problem | null,
  at: string,
): NonNullable<SendingWayChoice['proof']> {
  if (!result) return { state: 'failed', at, ...(failure ? problemFields(failure) : {}) };
  // A way proven with only an SPF warning sends: it is proven, with that to look at.
  return {
    state: result.passed ? 'passed' : 'failed',
    at: result.at,
    ...(result.mxHost ? { mxHost: result.mxHost } : {}),
    ...(result.publicAddress ? { publicAddress: result.publicAddress } : {}),
    ...proofProblem(result),
  };
}

/** The printer's record with the way just proven (its first choice time kept for the same way). */
function withProvenWay(
  before: PrinterSetupRecord | undefined,
  request: { way: SendingWayChoice['way']; sender: string },
  proven: { proof: NonNullable<SendingWayChoice['proof']>; at: string },
): PrinterSetupRecord {
  const chosenAt = before?.sendingWay?.way === request.way ? before.sendingWay.chosenAt : proven.at;
  return {
    ...(before ?? { signedIn: null, answers: {}, statusSheet: null }),
    sendingWay: {
      way: request.way,
      chosenAt,
      sender: request.sender.trim().slice(0, 320),
      proof: proven.proof,
    },
  };
}

/** The board lines a printer record speaks to: its way, its sign-in, its status sheet. */
function printerSetupEntries(
  printers: readonly ChosenPrinter[],
  printerSetup: Progress['printerSetup'],
): BoardEntry[] {
  const summaries = printerSetupChecks(printers, printerSetup);
  const entries: BoardEntry[] = [];
  const way = sendingWayCheck(printers, printerSetup);
  if (way) entries.push({ check: 'sending-way', result: way });
  if (summaries.signedIn) entries.push({ check: 'printer-signed-in', result: summaries.signedIn });
  if (summaries.statusSheet) entries.push({ check: 'status-sheet', result: summaries.statusSheet });
  return entries;
}

/** Probes a printer; a chosen one's firmware goes on its record and the board. */
async function probeChosenPrinter(options: JourneyOptions, id: string): Promise<PrinterEntry> {
  const { progress } = options;
  const isChosen = (printerId: string): boolean =>
    progress.current().printers.some((printer) => printer.id === printerId);
  let entry: PrinterEntry;
  try {
    entry = await options.discovery.probe(id);
  } catch (error) {
    if (isChosen(id)) {
      await progress.record([
        {
          check: 'printer-firmware',
          result: { state: 'info', problemId: 'printer-firmware-unknown' },
        },
      ]);
    }
    throw error;
  }
  if (isChosen(id)) {
    const printers = progress.current().printers.map((printer) =>
      printer.id === id
        ? {
            ...printer,
            firmwareVersion: entry.probe?.firmwareVersion ?? null,
            webConfigUrl: entry.webConfigUrl ?? printer.webConfigUrl,
          }
        : printer,
    );
    await progress.update(
      (current) => ({ ...current, printers }),
      [{ check: 'printer-firmware', result: printerFirmwareCheck(printers) }],
    );
  }
  return entry;
}

export function createJourney(options: JourneyOptions): Journey {
  const { progress } = options;
  let runs: CheckRuns = noCheckRuns;
  const setRuns = (change: Partial<CheckRuns>): void => {
    runs = { ...runs, ...change };
    options.onRuns(runs);
  };
  const setPrinterRun = (id: string, run: CheckRuns['printers'][string]): void =>
    setRuns({ printers: { ...runs.printers, [id]: run } });
  // Per organization, a Global Administrator who signed in during this run: a later account
  // without that role is then told so truthfully, not that nobody can consent.
  const administrators = new Map<string, string>();

  /** Only the entries the board does not already say, so nothing is written for nothing. */
  const news = (entries: readonly BoardEntry[]): BoardEntry[] =>
    entries.filter((entry) => !sameResult(progress.current().checks[entry.check], entry.result));

  const testMessageEntry = (printers: readonly ChosenPrinter[]): BoardEntry[] => {
    const result = options.testWatches
      ? testMessageCheck(
          printers.map((printer) => printer.id),
          options.testWatches(),
        )
      : null;
    return result ? [{ check: 'printer-test-message', result }] : [];
  };

  /** Runs a check, keeping its last run and recording its board entries once it ends. */
  async function tracked<Request, Result>(
    key: 'mailCheck' | 'tenantChecks',
    request: Request,
    work: () => Promise<Result>,
    board: (result: Result) => BoardEntry[],
  ): Promise<Result> {
    setRuns({ [key]: { state: 'running', request } });
    try {
      const result = await work();
      // The board's change is told at once; the write to disk follows (the reply waits for it).
      const saved = progress.record(board(result));
      setRuns({ [key]: { state: 'done', request, result } });
      await saved;
      return result;
    } catch (error) {
      setRuns({ [key]: { state: 'failed', request, problem: problemOf(error) } });
      throw error;
    }
  }

  const chosen = (id: string): ChosenPrinter | undefined =>
    progress.current().printers.find((printer) => printer.id === id);

  return {
    runs: () => runs,
    runMailCheck: (request) =>
      tracked(
        'mailCheck',
        request,
        () => options.mailCheck.run(request),
        (result) => result.board,
      ),
    runTenantChecks: (checks) =>
      tracked(
        'tenantChecks',
        { checks },
        () => options.tenantChecks.run(checks),
        (results) => results.flatMap((result) => result.board),
      ),
    async choosePrinters(printers) {
      await progress.update(
        (current) => ({ ...current, printers }),
        [
          { check: 'printer-found', result: printerFoundCheck(printers) },
          ...testMessageEntry(printers),
        ],
      );
      return printers;
    },
    probePrinter: (id) => probeChosenPrinter(options, id),
    async checkPrinterReach(request) {
      const { printerId, search } = request;
      const printer = chosen(printerId);
      if (!printer) throw new ProblemError('printer-unknown');
      const knownAddress = printer.addresses[0] ?? printer.webConfigUrl ?? '';
      setPrinterRun(printerId, { state: 'running', request });
      try {
        const found = await relocatePrinter(options.discovery, printerId, {
          search,
          knownAddress,
          ...(options.sleep ? { sleep: options.sleep } : {}),
        });
        if (found.webConfigUrl !== printer.webConfigUrl) {
          // It moved: keep the new address, and let its new Web Config be opened.
          options.admit?.(found.webConfigUrl);
          const moved = toChosenPrinter(found);
          await progress.update((current) => ({
            ...current,
            printers: current.printers.map((item) =>
              item.id === printerId
                ? { ...moved, firmwareVersion: moved.firmwareVersion ?? item.firmwareVersion }
                : item,
            ),
          }));
        }
        const reach = { address: found.addresses[0] ?? found.host ?? knownAddress };
        setPrinterRun(printerId, { state: 'done', request, result: reach });
        return reach;
      } catch (error) {
        setPrinterRun(printerId, { state: 'failed', request, problem: problemOf(error) });
        throw error;
      }
    },
    setPrinterRecord(printerId, asked) {
      if (!chosen(printerId)) return Promise.reject(new ProblemError('printer-unknown'));
      const current = progress.current();
      const record = keepMainsProof(asked, current.printerSetup[printerId]?.sendingWay);
      const printerSetup = { ...current.printerSetup, [printerId]: record };
      return progress.update(
        (now) => ({ ...now, printerSetup }),
        printerSetupEntries(current.printers, printerSetup),
      );
    },
    async proveSendingWay(request) {
      const { printerId } = request;
      if (!chosen(printerId)) throw new ProblemError('printer-unknown');
      if (!options.wayProof) {
        throw new ProblemError('request-failed', { method: 'proveSendingWay', reference: '-' });
      }
      // What main keeps and pushes: never the password.
      const asked = {
        printerId,
        way: request.way,
        sender: request.sender,
        recipient: request.recipient,
      };
      setRuns({
        wayProofs: { ...runs.wayProofs, [printerId]: { state: 'running', request: asked } },
      });
      let result: WayProofResult | null = null;
      let failure: Problem | null = null;
      try {
        result = await options.wayProof.run(request);
      } catch (error) {
        failure = problemOf(error);
      }
      const at = new Date().toISOString();
      const current = progress.current();
      const record = withProvenWay(current.printerSetup[printerId], request, {
        proof: proofOf(result, failure, at),
        at,
      });
      const printerSetup = { ...current.printerSetup, [printerId]: record };
      const way = sendingWayCheck(current.printers, printerSetup);
      const saved = progress.update(
        (now) => ({ ...now, printerSetup: { ...now.printerSetup, [printerId]: record } }),
        way ? [{ check: 'sending-way', result: way }] : [],
      );
      setRuns({
        wayProofs: {
          ...runs.wayProofs,
          [printerId]: result
            ? { state: 'done', request: asked, result }
            : { state: 'failed', request: asked, problem: failure ?? problem('printer-unknown') },
        },
      });
      await saved;
      if (!result) throw new ProblemError(proofFailure(failure).id, proofFailure(failure).data);
      return result;
    },
    async recordSignIn(status) {
      const account = status.account;
      if (status.phase === 'signed-in' && account?.role.state === 'can-consent') {
        administrators.set(account.tenantId, account.username);
      }
      const checks = checksFor(
        status,
        account ? (administrators.get(account.tenantId) ?? null) : null,
      );
      if (!checks) return;
      const entries = news([
        { check: 'signed-in', result: checks.signedIn },
        ...(checks.consentRole
          ? [{ check: 'consent-role' as const, result: checks.consentRole }]
          : []),
      ]);
      // The account story keeps who could consent for the organization (one change, one write).
      const consenting =
        status.phase === 'signed-in' && account?.role.state === 'can-consent'
          ? account.username
          : null;
      if (consenting && progress.current().printerAccount.consentedBy !== consenting) {
        await progress.update(
          (current) => ({
            ...current,
            printerAccount: { ...current.printerAccount, consentedBy: consenting },
          }),
          entries,
        );
        return;
      }
      await progress.record(entries);
    },
    async recordTestWatches() {
      await progress.record(news(testMessageEntry(progress.current().printers)));
    },
  };
}
