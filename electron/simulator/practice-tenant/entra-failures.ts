/**
 * Entra's own words for each failure the wizard classifies (reference B.5), which scenario
 * shows which failure when, and the OAuth error body the token endpoint sends for one.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { PracticeSwitchValue } from '../../../shared/practice';
import { moreEntraFailures, moreEntraScenarios } from '../practice-entra-answers';
import { practiceClientIds } from './accounts';
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

/**
 * Entra's own words for each classified failure, each with its source: a reply captured in a
 * public issue (the wire text), or the error-code reference (reference B.5,
 * learn.microsoft.com/entra/identity-platform/reference-error-codes) where no capture was found.
 * `{issuedOn}` and `{validFrom}` are filled in when sent. docs/practice-answers.md has the table.
 */
const failures: Partial<Record<TenantScenario, OAuthFailure>> = {
  // Captured: Azure-Samples/active-directory-dotnetcore-console-up-v2#44, RogerSelwyn/
  // O365-HomeAssistant#113 (the resource is named by its app ID; here Microsoft Graph's).
  'mfa-required': {
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    description:
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
  },
  // Best guess: 50076's captured shape with the reference's "must enroll" (UserStrongAuthEnrollmentRequired).
  'mfa-registration': {
    status: 400,
    error: 'invalid_grant',
    code: 50079,
    description:
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
  },
  // One text for every Conditional Access block, whichever condition matched (error-code
  // reference, BlockedByConditionalAccess); the device-code block answers the same
  // (Azure/azure-cli#32809, a device-code sign-in refused in 2026).
  'conditional-access': { status: 400, error: 'invalid_grant', ...blockedByConditionalAccess },
  'device-code-blocked': { status: 400, error: 'invalid_grant', ...blockedByConditionalAccess },
  // Reference: BlockedBySecurityDefaults (added by MicrosoftDocs/azure-docs#115250).
  'security-defaults': {
    status: 400,
    error: 'invalid_grant',
    code: 530035,
    description:
      'Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.',
  },
  // Captured: KelvinTegelaar/CIPP#1716, mguessan/davmail#217 (the app's ID and name).
  'consent-missing': {
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    description: `The user or administrator has not consented to use the application with ID '${practiceClientIds.wizard}' named 'Printer Mail Setup Wizard (practice)'. Send an interactive authorization request for this user and resource.`,
  },
  // Reference: UserDeclinedConsent.
  'consent-declined': {
    status: 400,
    error: 'invalid_grant',
    code: 65004,
    description: 'User declined to consent to access the app.',
  },
  // Reference: AdminConsentRequired.
  'admin-consent-required': {
    status: 400,
    error: 'invalid_grant',
    code: 90094,
    description: 'Administrator consent is required.',
  },
  // Best guess: the reference names the interrupt (AdminConsentRequiredRequestAccess) only.
  'admin-approval-requested': {
    status: 400,
    error: 'invalid_grant',
    code: 90095,
    description: 'Admin consent is required for the permissions requested by this application.',
  },
  // Captured: MicrosoftDocs/azure-docs#55028, OfficeDev/microsoft-teams-apps-requestateam#369.
  'wrong-password': {
    status: 400,
    error: 'invalid_grant',
    code: 50126,
    description: 'Error validating credentials due to invalid username or password.',
  },
  // Reference: UserAccountNotFound ("To sign into this application, the account must be
  // added to the directory."); the first sentence is a best guess.
  'account-not-found': {
    status: 400,
    error: 'invalid_grant',
    code: 50034,
    description:
      'The user account does not exist in the directory. To sign into this application, the account must be added to the directory.',
  },
  // Best guess after the reference (UserUnauthorized / external account not in the tenant).
  'external-account': {
    status: 400,
    error: 'invalid_grant',
    code: 50020,
    description:
      'User account from identity provider does not exist in tenant and cannot access the application in that tenant.',
  },
  // Reference: UnauthorizedClient_DoesNotMatchRequest ("The application wasn't found in the
  // directory/tenant"); the wire sentence is a best guess.
  'app-not-in-tenant': {
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: 'Application was not found in the directory.',
  },
  // Captured: MicrosoftDocs/azure-docs#31986 (device code, 401 invalid_client), vscode#235176.
  'not-public-client': {
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    description:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  // Best guess: the reference says only "BadVerificationCode - Invalid verification code".
  'bad-verification-code': {
    status: 400,
    error: 'bad_verification_code',
    code: 70018,
    description: 'Invalid verification code.',
  },
  // Captured: Azure/azure-cli#22251.
  'code-expired': {
    status: 400,
    error: 'expired_token',
    code: 70020,
    description:
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  },
  // Captured: Azure/azure-cli#14244, mspnp/identity-reference-architectures#9.
  'refresh-expired': {
    status: 400,
    error: 'invalid_grant',
    code: 700082,
    description:
      'The refresh token has expired due to inactivity. The token was issued on {issuedOn} and was inactive for 90.00:00:00.',
  },
  // Captured: Azure/azure-cli#16745, microsoft/AzureStorageExplorer#9149 (2026).
  'tokens-revoked': {
    status: 400,
    error: 'invalid_grant',
    code: 50173,
    description:
      "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issuedOn}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validFrom}'.",
  },
  // Reference: BadTokenDueToSignInFrequency.
  'sign-in-frequency': {
    status: 400,
    error: 'invalid_grant',
    code: 70043,
    description:
      'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on {issuedOn} and the maximum allowed lifetime for this request is 43200.',
  },
  // Reference: MsodsServiceUnavailable.
  'unexpected-error': {
    status: 400,
    error: 'invalid_request',
    code: 90033,
    description: 'A transient error has occurred. Please try again.',
  },
  ...moreEntraFailures,
};

/** The dates Entra writes into some texts, filled in when the answer is sent. */
function withDates(description: string, now = Date.now()): string {
  const day = 24 * 60 * 60 * 1000;
  const stamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '0000Z');
  return description
    .replace('{issuedOn}', stamp(now - 91 * day))
    .replace('{validFrom}', stamp(now - day));
}

/** The scenarios that answer with an Entra error of their own (docs/practice-answers.md). */
export const entraFailureScenarios = Object.keys(failures) as TenantScenario[];

export function failureOf(scenario: TenantScenario): OAuthFailure {
  const failure = failures[scenario] ?? {
    status: 400,
    error: 'invalid_request',
    code: 90033,
    description: 'A transient error has occurred. Please try again.',
  };
  return { ...failure, description: withDates(failure.description) };
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
export function oauthErrorBody(failure: OAuthFailure, correlationId: string) {
  const traceId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const prefix = failure.code === undefined ? '' : `AADSTS${failure.code}: `;
  // The body's fields and their order as captured (vscode#235176, 2024): the description
  // ends with the trace, correlation and time, and error_uri points at the code's page.
  return {
    error: failure.error,
    error_description: `${prefix}${failure.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: failure.code === undefined ? [] : [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(failure.code === undefined
      ? {}
      : { error_uri: `https://login.microsoftonline.com/error?code=${failure.code}` }),
  };
}

export function sendOAuthError(
  response: ServerResponse,
  failure: OAuthFailure,
  correlationId: string,
): void {
  sendJson(response, failure.status, oauthErrorBody(failure, correlationId));
}
