/**
 * The two status board checks the sign-in decides ("Signed in", "Consent role"), from the
 * sign-in status, wherever the sign-in happened (step or troubleshooter). Main records them
 * whenever the status changes.
 */
import { assertNever } from '../assert-never';
import type { RoleCheck, SignInStatus } from '../contract/signin';
import type { CheckResult } from '../model';

type Recorded = Omit<CheckResult, 'at'>;

/** The board's two sign-in checks for a status; null while there is nothing to say yet. */
export function checksFor(
  status: SignInStatus,
): { signedIn: Recorded; consentRole: Recorded } | null {
  switch (status.phase) {
    case 'no-client-id':
    case 'waiting':
    case 'browser':
      return null;
    case 'signed-out':
      if (!status.problem) return null;
      return {
        signedIn: { state: 'failed', problemId: status.problem.id },
        consentRole: { state: 'attention', problemId: status.problem.id },
      };
    case 'signed-in':
      return {
        signedIn: { state: 'passed', summary: status.account.username },
        consentRole: consentRoleCheck(status.account.role),
      };
    default:
      return assertNever(status);
  }
}

function consentRoleCheck(role: RoleCheck): Recorded {
  switch (role.state) {
    case 'can-consent':
    case 'not-needed':
      return { state: 'passed' };
    case 'may-consent':
      return { state: 'attention' };
    case 'cannot-consent':
      return { state: 'attention', problemId: 'signin-admin-consent-required' };
    case 'unknown':
      return { state: 'attention', problemId: role.problem.id };
    default:
      return assertNever(role);
  }
}
