/**
 * Turns whatever a sign-in or token refresh ended with (an MSAL error, the OAuth error body the
 * network client saw, a network failure) into one problem id with a fix (shared/problems/signin.ts).
 * The data keeps the AADSTS code / OAuth error and the correlation ID for support, never a token.
 */
import type { ProblemId } from '../../../shared/problem';
import {
  isDeviceCodeBlock,
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
  if (codes.some((code) => isDeviceCodeBlock(code, `${oauth?.description ?? ''} ${msalText}`))) {
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
