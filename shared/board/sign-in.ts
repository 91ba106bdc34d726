/**
 * The two status board checks the sign-in decides ("Signed in", "Consent role"), from the
 * sign-in status, wherever the sign-in happened (step or troubleshooter). Main records them
 * whenever the status changes.
 */
import { assertNever } from '../assert-never';
import type { RoleCheck, SignInStatus } from '../contract/signin';
import { problemFields, type Recorded } from './results';

export interface SignInChecks {
  signedIn: Recorded;
  /** null: nothing new to say (a failed sign-in says nothing about who can consent). */
  consentRole: Recorded | null;
}

/**
 * The board's two sign-in checks for a status; null while there is nothing to say yet.
 * `administrator`: an account of the same organization that signed in earlier in this run and
 * can consent for it, so a later account without that role does not need to.
 */
export function checksFor(
  status: SignInStatus,
  administrator: string | null = null,
): SignInChecks | null {
  switch (status.phase) {
    case 'no-client-id':
    case 'waiting':
    case 'browser':
      return null;
    case 'signed-out':
      if (!status.problem) return null;
      return {
        signedIn: { state: 'failed', ...problemFields(status.problem) },
        consentRole: null,
      };
    case 'signed-in':
      return {
        signedIn: { state: 'passed', summary: status.account.username },
        consentRole: consentRoleCheck(status.account.role, administrator),
      };
    default:
      return assertNever(status);
  }
}

function consentRoleCheck(role: RoleCheck, administrator: string | null): Recorded {
  switch (role.state) {
    case 'can-consent':
    case 'not-needed':
      return { state: 'passed' };
    case 'may-consent':
    case 'cannot-consent':
    case 'unknown':
      // A Global Administrator of this organization signed in earlier in this run: the
      // consent on behalf of the organization is theirs to give (and may be given already).
      if (administrator) return { state: 'passed', summary: administrator };
      if (role.state === 'may-consent') return { state: 'attention' };
      if (role.state === 'cannot-consent') {
        return { state: 'attention', problemId: 'consent-role-missing' };
      }
      return { state: 'attention', ...problemFields(role.problem) };
    default:
      return assertNever(role);
  }
}
