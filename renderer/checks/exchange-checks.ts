/**
 * The Exchange checks as every screen uses them (the "Check Exchange Online" step and the
 * troubleshooter's remedies): run one through the store, and read its last run as main keeps
 * it, so the step, the troubleshooter and the status board show the same result, and it is
 * still there after the person leaves the screen and comes back.
 */
import type {
  MailCheckRequest,
  MailCheckResult,
  TenantCheckId,
  TenantCheckResult,
} from '../../shared/contract/exchange';
import { tenantCheckIds } from '../../shared/contract/exchange';
import type { Reply } from '../../shared/contract';
import type { CheckRuns } from '../../shared/contract/journey';
import { useMainValue, useWizard } from '../store/wizard-store';

export type MailCheckRun = NonNullable<CheckRuns['mailCheck']>;
export type TenantChecksRun = NonNullable<CheckRuns['tenantChecks']>;

/** The last mail check (null before the first), and how to run one (its own answer). */
export function useMailCheck(): {
  last: MailCheckRun | null;
  running: boolean;
  run(request: MailCheckRequest): Promise<Reply<MailCheckResult>>;
} {
  const runs = useMainValue('checkRuns');
  const runMailCheck = useWizard((store) => store.runMailCheck);
  const last = runs.status === 'ready' ? runs.value.mailCheck : null;
  return {
    last,
    running: last?.state === 'running',
    // The outcome also arrives as the check's last run (main pushes it) for every screen.
    run: (request) => runMailCheck(request),
  };
}

/** The last tenant checks (null before the first), and how to run some (in the list's order). */
export function useTenantChecks(): {
  last: TenantChecksRun | null;
  running: boolean;
  run(checks: readonly TenantCheckId[]): Promise<Reply<TenantCheckResult[]>>;
} {
  const runs = useMainValue('checkRuns');
  const runTenantChecks = useWizard((store) => store.runTenantChecks);
  const last = runs.status === 'ready' ? runs.value.tenantChecks : null;
  return {
    last,
    running: last?.state === 'running',
    run: (checks) => runTenantChecks(tenantCheckIds.filter((id) => checks.includes(id))),
  };
}

/** The result of a finished mail check, if the last one finished. */
export function mailResult(last: MailCheckRun | null): MailCheckResult | null {
  return last?.state === 'done' ? last.result : null;
}

/** The results of finished tenant checks, if the last run finished. */
export function tenantResults(last: TenantChecksRun | null): TenantCheckResult[] | null {
  return last?.state === 'done' ? last.result : null;
}
