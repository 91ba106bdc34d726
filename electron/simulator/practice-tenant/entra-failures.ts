/**
 * Entra's own words for each failure the wizard classifies (reference B.5), which scenario
 * shows which failure when, and the OAuth error body the token endpoint sends for one.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { PracticeSwitchValue } from '../../../shared/practice';
import { moreEntraFailures, moreEntraScenarios } from '../practice-entra-answers';
import { sendJson } from '../practice-http';

export type TenantScenario = PracticeSwitchValue<'tenant'>;

export interface OAuthFailure {
  status: number;
  error: string;
  code?: number;
  description: string;
}

const blockedByConditionalAccess = {
  code: 53003,
  description:
    'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
};

/** Entra's own words for each classified failure (reference B.5). */
const failures: Partial<Record<TenantScenario, OAuthFailure>> = {
  'mfa-required': {
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    description:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.',
  },
  'mfa-registration': {
    status: 400,
    error: 'invalid_grant',
    code: 50079,
    description:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access this resource.',
  },
  // One text for every Conditional Access block, whichever condition matched (error-code
  // reference, BlockedByConditionalAccess); the device-code block answers the same
  // (Azure/azure-cli#32809, a device-code sign-in refused in 2026).
  'conditional-access': { status: 400, error: 'invalid_grant', ...blockedByConditionalAccess },
  'device-code-blocked': { status: 400, error: 'invalid_grant', ...blockedByConditionalAccess },
  'security-defaults': {
    status: 400,
    error: 'invalid_grant',
    code: 530035,
    description:
      'Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.',
  },
  'consent-missing': {
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    description: 'The user or administrator has not consented to use the application.',
  },
  'consent-declined': {
    status: 400,
    error: 'invalid_grant',
    code: 65004,
    description: 'User declined to consent to access the app.',
  },
  'admin-consent-required': {
    status: 400,
    error: 'invalid_grant',
    code: 90094,
    description: 'Administrator consent is required.',
  },
  'admin-approval-requested': {
    status: 400,
    error: 'invalid_grant',
    code: 90095,
    description: 'Admin consent is required for the permissions requested by this application.',
  },
  'wrong-password': {
    status: 400,
    error: 'invalid_grant',
    code: 50126,
    description: 'Error validating credentials due to invalid username or password.',
  },
  'account-not-found': {
    status: 400,
    error: 'invalid_grant',
    code: 50034,
    description: 'The user account does not exist in the directory.',
  },
  'external-account': {
    status: 400,
    error: 'invalid_grant',
    code: 50020,
    description:
      'User account from identity provider does not exist in tenant and cannot access the application in that tenant.',
  },
  'app-not-in-tenant': {
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: 'Application was not found in the directory.',
  },
  'not-public-client': {
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    description:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  'bad-verification-code': {
    status: 400,
    error: 'bad_verification_code',
    code: 70018,
    description: 'Invalid verification code.',
  },
  'code-expired': {
    status: 400,
    error: 'expired_token',
    code: 70020,
    description:
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  },
  'refresh-expired': {
    status: 400,
    error: 'invalid_grant',
    code: 700082,
    description:
      'The refresh token has expired due to inactivity. The token was issued on a date and was inactive for 90.00:00:00.',
  },
  'tokens-revoked': {
    status: 400,
    error: 'invalid_grant',
    code: 50173,
    description:
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  },
  'sign-in-frequency': {
    status: 400,
    error: 'invalid_grant',
    code: 70043,
    description:
      'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.',
  },
  'unexpected-error': {
    status: 400,
    error: 'invalid_request',
    code: 90033,
    description: 'A transient error has occurred. Please try again.',
  },
  ...moreEntraFailures,
};
export function failureOf(scenario: TenantScenario): OAuthFailure {
  return (
    failures[scenario] ?? {
      status: 400,
      error: 'invalid_request',
      code: 90033,
      description: 'A transient error has occurred.',
    }
  );
}

/** Failures shown once the person has signed in on the page (as Microsoft does). */
export const afterSignInScenarios = new Set<TenantScenario>([
  'mfa-required',
  'mfa-registration',
  'conditional-access',
  'device-code-blocked',
  'security-defaults',
  'consent-missing',
  'consent-declined',
  'admin-consent-required',
  'admin-approval-requested',
  'wrong-password',
  'account-not-found',
  'external-account',
  ...moreEntraScenarios,
]);
export const refreshScenarios = new Set<TenantScenario>([
  'refresh-expired',
  'tokens-revoked',
  'sign-in-frequency',
]);

/** The token endpoint's error body, shaped like Entra's (trace and correlation IDs, timestamp). */
export function sendOAuthError(
  response: ServerResponse,
  failure: OAuthFailure,
  correlationId: string,
): void {
  const traceId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const prefix = failure.code === undefined ? '' : `AADSTS${failure.code}: `;
  sendJson(response, failure.status, {
    error: failure.error,
    error_description: `${prefix}${failure.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: failure.code === undefined ? [] : [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}
