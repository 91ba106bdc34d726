/**
 * What the troubleshooter offers to do for each problem, beyond the links to where the fix is
 * done (shared/problems/links.ts): the wizard's own checks that find or confirm the cause, and
 * the steps that fix it.
 */
import type { ProblemId } from '../problem';

export type RemedyAction =
  /** Go to the Sign in step and sign in again. */
  | 'sign-in-again'
  /** Sign in through the system browser (authorization code + PKCE) when device code is blocked. */
  | 'browser-sign-in'
  /** Run the SMTP AUTH login exactly as the printer does. */
  | 'run-exchange-check'
  /** Run the Conditional Access evaluation (tenant checks over Microsoft Graph). */
  | 'run-ca-check'
  /** Run the security defaults check. */
  | 'run-security-defaults-check'
  /** Go to Prepare Exchange Online, where the switches are explained. */
  | 'prepare-exchange'
  /** Go to Find the printer. */
  | 'find-printer'
  /** Send one test message from the signed-in mailbox to itself, as the printer would send. */
  | 'run-send-check'
  /** Start the journey that moves the printer from a password to OAuth 2.0. */
  | 'start-oauth-journey';

/** The wizard's own checks: running one tells whether the cause is still there. */
export const checkingActions: ReadonlySet<RemedyAction> = new Set([
  'run-exchange-check',
  'run-ca-check',
  'run-security-defaults-check',
  'run-send-check',
]);

const smtpRemedies: RemedyAction[] = ['run-exchange-check'];
const switchRemedies: RemedyAction[] = ['prepare-exchange', 'run-exchange-check'];
/** A password refused for good: the way out is OAuth 2.0, which the wizard's check proves. */
const retirementRemedies: RemedyAction[] = ['start-oauth-journey', 'run-exchange-check'];
/** Refused when sending: only a real message shows whether Exchange still refuses it. */
const sendRemedies: RemedyAction[] = ['run-send-check'];
/** Direct send and connector relay: SMTP AUTH with OAuth 2.0 does not depend on them. */
const relayRemedies: RemedyAction[] = ['start-oauth-journey'];

export const remedies: Partial<Record<ProblemId, readonly RemedyAction[]>> = {
  // The guide's printer-side cases.
  'job-error-360': ['sign-in-again', 'run-exchange-check'],
  'job-error-361': ['sign-in-again', 'run-exchange-check'],
  'job-error-370': ['sign-in-again', 'run-exchange-check'],
  'job-error-other': ['run-exchange-check'],
  'printer-must-sign-in': ['sign-in-again', 'run-exchange-check'],
  'printer-expiry-message': ['sign-in-again', 'run-exchange-check'],
  // The mailbox itself still works: the wizard's check proves it; the printer signs in again.
  'printer-sign-in-lapsed': ['run-exchange-check'],
  'webconfig-signed-in-not-saved': ['run-exchange-check'],
  'webconfig-not-signed-in': ['sign-in-again', 'run-ca-check'],
  'cannot-sign-in': ['run-ca-check', 'sign-in-again', 'browser-sign-in'],
  'aadsts-unknown': ['sign-in-again'],
  'troubleshoot-not-recognised': ['run-exchange-check'],
  // Sign-in answers.
  'signin-conditional-access': ['run-ca-check', 'browser-sign-in'],
  'signin-device-code-blocked': ['browser-sign-in', 'run-ca-check'],
  'signin-security-defaults': ['run-security-defaults-check', 'prepare-exchange'],
  'signin-refresh-expired': ['sign-in-again'],
  'signin-revoked': ['sign-in-again'],
  'signin-sign-in-frequency': ['sign-in-again', 'run-ca-check'],
  'signin-mfa-required': ['sign-in-again'],
  'signin-code-expired': ['sign-in-again'],
  'signin-browser-abandoned': ['browser-sign-in'],
  'signin-bad-code': ['sign-in-again'],
  'signin-declined': ['sign-in-again'],
  'signin-consent-missing': ['sign-in-again'],
  'signin-consent-declined': ['sign-in-again'],
  'signin-wrong-password': ['sign-in-again'],
  'signin-not-signed-in': ['sign-in-again'],
  'graph-unauthorized': ['sign-in-again'],
  'signin-resource-not-found': ['sign-in-again'],
  'signin-external-challenge': ['sign-in-again', 'browser-sign-in'],
  'signin-device-auth-required': ['run-ca-check', 'browser-sign-in'],
  'signin-user-not-assigned': ['sign-in-again'],
  'signin-account-disabled': ['sign-in-again'],
  'signin-account-locked': ['sign-in-again'],
  'signin-password-expired': ['sign-in-again'],
  'signin-app-disabled': ['sign-in-again'],
  'signin-first-party-client': ['sign-in-again'],
  // Exchange replies.
  'smtp-auth-disabled-tenant': switchRemedies,
  'smtp-auth-disabled-mailbox': switchRemedies,
  'smtp-auth-security-defaults': ['run-security-defaults-check', 'prepare-exchange'],
  'security-defaults-on': ['prepare-exchange', 'run-security-defaults-check'],
  'smtp-auth-policy-criteria': ['run-ca-check', 'run-exchange-check'],
  'smtp-auth-failed': ['sign-in-again', 'run-exchange-check'],
  'smtp-not-authenticated': smtpRemedies,
  'smtp-send-as-denied': smtpRemedies,
  'smtp-concurrency': smtpRemedies,
  'smtp-throttled': smtpRemedies,
  'smtp-submission-quota': smtpRemedies,
  'smtp-mailbox-full': smtpRemedies,
  'smtp-restricted-sender': smtpRemedies,
  'smtp-legacy-tls': smtpRemedies,
  'smtp-certificate': smtpRemedies,
  'smtp-port-blocked': smtpRemedies,
  'smtp-host-not-found': smtpRemedies,
  'smtp-no-starttls': smtpRemedies,
  'smtp-bad-greeting': smtpRemedies,
  'smtp-timeout': smtpRemedies,
  'smtp-connection-dropped': smtpRemedies,
  'smtp-unexpected-reply': smtpRemedies,
  'smtp-basic-auth-retired': retirementRemedies,
  'smtp-basic-auth-disabled': retirementRemedies,
  'smtp-tenant-threshold': sendRemedies,
  'smtp-tenant-recipient-limit': sendRemedies,
  'smtp-unregistered-domain': sendRemedies,
  'smtp-ip-blocked': sendRemedies,
  'smtp-forwarding-blocked': sendRemedies,
  'smtp-spam-abuse': sendRemedies,
  'smtp-banned-sender': sendRemedies,
  'smtp-server-busy': sendRemedies,
  'smtp-relay-not-attributed': relayRemedies,
  'smtp-relay-denied': relayRemedies,
  'smtp-recipient-rejected': relayRemedies,
  'ca-blocks-device-code': ['run-ca-check'],
  'ca-device-code-report-only': ['run-ca-check'],
  'ca-device-code-may-apply': ['run-ca-check'],
  // Printers.
  'printer-unreachable': ['find-printer'],
  'printer-firmware-update': ['find-printer'],
};

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
  return remedies[id] ?? [];
}
