/**
 * Turns whatever a sign-in or token refresh ended with (an MSAL error, the OAuth error body the
 * network client saw, a network failure) into one problem id with a fix (shared/problems/signin.ts).
 * The data keeps the AADSTS code / OAuth error and the correlation ID for support, never a token.
 */
import type { ProblemId } from '../../../shared/problem';
import { ProblemError } from '../../problem-error';
import { NetworkFailureError, type NetworkFailure, type OAuthErrorRecord } from './network-client';

const byAadsts: Record<number, ProblemId> = {
  50076: 'signin-mfa-required',
  50079: 'signin-mfa-registration',
  53003: 'signin-conditional-access',
  530035: 'signin-security-defaults',
  65001: 'signin-consent-missing',
  65004: 'signin-consent-declined',
  90094: 'signin-admin-consent-required',
  90095: 'signin-admin-approval-requested',
  700016: 'signin-app-not-in-tenant',
  7000218: 'signin-not-public-client',
  50126: 'signin-wrong-password',
  50034: 'signin-account-not-found',
  50020: 'signin-external-account',
  700082: 'signin-refresh-expired',
  70008: 'signin-refresh-expired',
  50173: 'signin-revoked',
  70043: 'signin-sign-in-frequency',
  70020: 'signin-code-expired',
  70019: 'signin-code-expired',
  70018: 'signin-bad-code',
};

const byOAuthError: Record<string, ProblemId> = {
  authorization_declined: 'signin-declined',
  access_denied: 'signin-declined',
  expired_token: 'signin-code-expired',
  bad_verification_code: 'signin-bad-code',
};

const byMsalCode: Record<string, ProblemId> = {
  device_code_expired: 'signin-code-expired',
  user_timeout_reached: 'signin-code-expired',
};

interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  correlationId?: unknown;
  subError?: unknown;
  message?: unknown;
}

export interface ClassifyInput {
  error: unknown;
  oauth: OAuthErrorRecord | null;
  failure: NetworkFailure | null;
}

export function classifySignInError({ error, oauth, failure }: ClassifyInput): ProblemError {
  if (error instanceof ProblemError) return error;
  const networkFailure = error instanceof NetworkFailureError ? error.failure : failure;
  const msal = (typeof error === 'object' && error !== null ? error : {}) as MsalLikeError;
  const msalCode = typeof msal.errorCode === 'string' ? msal.errorCode : '';
  const msalText = `${typeof msal.errorMessage === 'string' ? msal.errorMessage : ''} ${
    typeof msal.message === 'string' ? msal.message : ''
  }`;
  const correlationId =
    oauth?.correlationId ?? (typeof msal.correlationId === 'string' ? msal.correlationId : '');

  const codes = [...(oauth?.codes ?? [])];
  const inText = /AADSTS(\d+)/.exec(msalText)?.[1];
  if (inText) codes.push(Number(inText));
  const data = (code: string | number): Record<string, string> => ({
    code: String(code),
    correlationId: correlationId || '-',
  });

  // Device-code-flow blocks are 53003 too; Microsoft's text names the flow when it is the cause.
  if (codes.includes(53003) && /device code/i.test(`${oauth?.description ?? ''} ${msalText}`)) {
    return new ProblemError('signin-device-code-blocked', data('AADSTS53003'));
  }
  for (const code of codes) {
    const id = byAadsts[code];
    if (id) return new ProblemError(id, data(`AADSTS${code}`));
  }
  const oauthError =
    oauth?.error ?? (msalCode === 'post_request_failed' ? msalText.trim() : msalCode);
  for (const [name, id] of Object.entries(byOAuthError)) {
    if (oauthError === name || msalText.includes(name)) return new ProblemError(id, data(name));
  }
  const fromMsal = byMsalCode[msalCode];
  if (fromMsal) return new ProblemError(fromMsal, data(msalCode));

  if (networkFailure) {
    const detail = { host: networkFailure.host, code: networkFailure.code };
    if (networkFailure.kind === 'timeout')
      return new ProblemError('signin-network-timeout', detail);
    if (networkFailure.kind === 'certificate') {
      return new ProblemError('signin-certificate-untrusted', detail);
    }
    return new ProblemError('signin-network', detail);
  }
  const code = codes[0] !== undefined ? `AADSTS${codes[0]}` : oauth?.error || msalCode || 'unknown';
  return new ProblemError('signin-failed', data(code));
}
