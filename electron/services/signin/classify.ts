/**
 * Turns whatever a sign-in or token refresh ended with (an MSAL error, the OAuth error body the
 * network client saw, a network failure) into one problem id with a fix (shared/problems/signin.ts).
 * The data keeps the AADSTS code / OAuth error and the correlation ID for support, never a token.
 */
import type { ProblemId } from '../../../shared/problem';
import {
  conditionalAccessBlock,
  problemByAadsts,
  problemByOAuthError,
} from '../../../shared/signin/aadsts';
import { ProblemError } from '../../common/problem-error';
import { NetworkFailureError, type NetworkFailure, type OAuthErrorRecord } from './network-client';

const byAadsts = problemByAadsts;
const byOAuthError = problemByOAuthError;

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

/** Which sign-in ended: the answer alone does not always say what was refused. */
export type SignInFlow = 'device-code' | 'browser' | 'silent';

export interface ClassifyInput {
  error: unknown;
  oauth: OAuthErrorRecord | null;
  failure: NetworkFailure | null;
  /** Default: a silent refresh (or a token asked for by a check). */
  flow?: SignInFlow;
}

/** An identity server's value as plain, bounded text (it is shown and copied for support). */
function plain(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ')
      .trim()
      .slice(0, 120)
  );
}

export function classifySignInError({
  error,
  oauth,
  failure,
  flow = 'silent',
}: ClassifyInput): ProblemError {
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
    code: plain(String(code)),
    correlationId: plain(correlationId) || '-',
  });

  // Microsoft's 53003 text is the same whichever condition of which policy matched; refused on
  // a device-code sign-in, the browser sign-in is the way on (shared/signin/aadsts.ts).
  if (codes.includes(conditionalAccessBlock)) {
    return new ProblemError(
      flow === 'device-code' ? 'signin-device-code-blocked' : 'signin-conditional-access',
      data(`AADSTS${conditionalAccessBlock}`),
    );
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
    if (networkFailure.kind === 'unavailable') {
      return new ProblemError('signin-service-busy', {
        host: networkFailure.host,
        status: networkFailure.code,
      });
    }
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
