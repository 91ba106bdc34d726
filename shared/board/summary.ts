/**
 * The status board in three plain rows, each summing up the checks behind it: Microsoft 365
 * ready for the printer, the printer signed in, the test scan arrived. A row is green when the
 * checks that prove it passed and nothing behind it needs attention; the details stay on
 * demand.
 */
import type { CheckId, CheckResult } from '../model';
import { isGood, shownState, type ShownState } from './results';

export interface BoardRow {
  id: 'microsoft-365' | 'printer' | 'test-scan';
  /** Every check the row sums up, in board order. */
  checks: readonly CheckId[];
  /** The checks that must have passed for the row to be green (the rest may stay not run). */
  proof: readonly CheckId[];
  /** Only 'passed' proves it ('info', a way chosen but not proven, does not). */
  strict?: true;
}

/**
 * "Microsoft 365 ready" when every chosen printer sends by another way: the printer signs in to
 * nothing of the wizard's, so the ways' proof from this computer is what says Exchange Online
 * takes its mail (shared/sending-ways.ts everyPrinterHasAWay).
 */
export const wayMicrosoftRow: BoardRow = {
  id: 'microsoft-365',
  checks: ['sending-way'],
  proof: ['sending-way'],
  strict: true,
};

/** The rows for this journey: with every printer on another way, its Microsoft 365 row. */
export function boardRowsFor(everyPrinterOnAWay: boolean): readonly BoardRow[] {
  return everyPrinterOnAWay
    ? boardRows.map((row) => (row.id === 'microsoft-365' ? wayMicrosoftRow : row))
    : boardRows;
}

export const boardRows: readonly BoardRow[] = [
  {
    id: 'microsoft-365',
    checks: [
      'smtp-auth-organization',
      'smtp-auth-mailbox',
      'security-defaults',
      'signed-in',
      'consent-role',
      'smtp-login',
      'test-message',
      'conditional-access',
    ],
    proof: ['signed-in', 'smtp-login'],
  },
  {
    id: 'printer',
    checks: [
      'printer-found',
      'printer-firmware',
      'sending-way',
      'printer-signed-in',
      'status-sheet',
    ],
    proof: ['printer-found', 'printer-signed-in', 'status-sheet'],
  },
  {
    id: 'test-scan',
    checks: ['printer-test-message'],
    proof: ['printer-test-message'],
  },
];

/** A row's state from the board's results. */
export function rowState(
  row: BoardRow,
  checks: Partial<Record<CheckId, CheckResult>>,
): Exclude<ShownState, 'info'> {
  const shown = row.checks.map((id) => shownState(checks[id]));
  if (shown.includes('failed')) return 'failed';
  if (shown.includes('attention') || shown.includes('stale')) return 'attention';
  const proven = (id: CheckId): boolean =>
    row.strict ? shownState(checks[id]) === 'passed' : isGood(checks[id]);
  if (row.proof.every(proven)) return 'passed';
  if (shown.includes('running')) return 'running';
  if (shown.includes('waiting')) return 'waiting';
  return 'not-run';
}
