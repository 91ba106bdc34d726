/**
 * The journey, as the main process owns it: progress (step, choices, printers, the status
 * board) and the last result of each check. The renderer sends intents and shows what main
 * pushes; it never writes progress or the board itself.
 */
import type { PrinterAccount, Progress, StepId } from '../model';
import type { PrinterSetupRecord } from '../printer-setup';
import type { Problem } from '../problem';
import type {
  MailCheckRequest,
  MailCheckResult,
  TenantCheckId,
  TenantCheckResult,
} from './exchange';
import type { WayProofAsked, WayProofResult } from './ways';

type NoParams = Record<string, never>;

/** Progress as main holds it, with the count of changes so far (newer wins) and the last save. */
export interface ProgressState {
  progress: Progress;
  /** Goes up by one with every change; of two states the renderer keeps the higher. */
  revision: number;
  /** Set when the last write to disk failed (the change is kept in memory); cleared by a good one. */
  saveProblem: Problem | null;
}

/**
 * The choices the person makes on the Welcome step and in the top bar, and the account story's
 * way and mailbox on Sign in (who consented is main's to record, never the page's).
 */
export type Choices = Partial<Pick<Progress, 'language' | 'accountKind' | 'cloud'>> & {
  printerAccount?: Pick<PrinterAccount, 'way' | 'mailbox'>;
};

/** The last run of one check: on its way, answered, or not to be had (a problem). */
export type LastRun<Request, Result> =
  | { state: 'running'; request: Request }
  | { state: 'done'; request: Request; result: Result }
  | { state: 'failed'; request: Request; problem: Problem };

/** Whether a chosen printer still answers, and where. */
export interface PrinterReach {
  /** The address it answered at (it may have moved: then progress keeps the new one). */
  address: string;
}

/** Asked by the step itself (probe, once more after a moment) or by the person (search too). */
export interface ReachRequest {
  printerId: string;
  search: boolean;
}

/** The last result of each check main runs (the test-message watches are their own value). */
export interface CheckRuns {
  mailCheck: LastRun<MailCheckRequest, MailCheckResult> | null;
  tenantChecks: LastRun<{ checks: TenantCheckId[] }, TenantCheckResult[]> | null;
  /** Per chosen printer (by id): the last check that it still answers. */
  printers: Record<string, LastRun<ReachRequest, PrinterReach>>;
  /** Per chosen printer (by id): the last proof of its way to keep sending (never a password). */
  wayProofs: Record<string, LastRun<WayProofAsked, WayProofResult>>;
}

export const noCheckRuns: CheckRuns = {
  mailCheck: null,
  tenantChecks: null,
  printers: {},
  wayProofs: {},
};

export interface JourneyApi {
  getProgressState: { params: NoParams; result: ProgressState };
  goToStep: { params: { step: StepId }; result: ProgressState };
  setChoices: { params: Choices; result: ProgressState };
  /** One printer's record on the printer steps; main sums every chosen printer on the board. */
  setPrinterRecord: {
    params: { printerId: string; record: PrinterSetupRecord };
    result: ProgressState;
  };
  getCheckRuns: { params: NoParams; result: CheckRuns };
  /**
   * Checks that a chosen printer still answers; with `search`, searches the network again
   * first. A printer that moved keeps its new address in progress.
   */
  checkPrinterReach: { params: ReachRequest; result: PrinterReach };
}

export interface JourneyEvents {
  'progress-changed': ProgressState;
  'check-runs-changed': CheckRuns;
}
