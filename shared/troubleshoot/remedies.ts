/**
 * What the troubleshooter offers to do for each problem, beyond the links to where the fix is
 * done (shared/problems/links.ts): the wizard's own checks that find or confirm the cause, and
 * the steps that fix it. Each problem entry carries its own (`remedies` in shared/problems/).
 */
import type { ProblemId } from '../problem';
import { problemCatalogue } from '../problems/index';
import type { ProblemEntry, RemedyAction } from '../problems/types';

export type { RemedyAction } from '../problems/types';

/** The wizard's own checks: running one tells whether the cause is still there. */
export const checkingActions: ReadonlySet<RemedyAction> = new Set([
  'run-exchange-check',
  'run-ca-check',
  'run-security-defaults-check',
  'run-send-check',
]);

/** Every problem that has remedies, with them (read from the catalogue). */
export const remedies: Partial<Record<ProblemId, readonly RemedyAction[]>> = Object.fromEntries(
  Object.entries(problemCatalogue as Record<ProblemId, ProblemEntry>).flatMap(([id, entry]) =>
    entry.remedies ? [[id, entry.remedies]] : [],
  ),
);

/** Problems whose story is "the sign-in expired": the troubleshooter explains why and how to avoid it. */
export const expiryProblems: ReadonlySet<ProblemId> = new Set<ProblemId>([
  'printer-expiry-message',
  'printer-sign-in-lapsed',
  'job-error-361',
  'job-error-370',
  'signin-refresh-expired',
  'signin-revoked',
  'signin-sign-in-frequency',
]);

export function remediesFor(id: ProblemId): readonly RemedyAction[] {
  const entry: ProblemEntry = problemCatalogue[id];
  return entry.remedies ?? [];
}
