/**
 * What each answer of Microsoft's identity platform means for the wizard: AADSTS codes and OAuth
 * errors to problem ids (reference section B.5). The sign-in classifier
 * (electron/services/signin/classify.ts) and the troubleshooter's recogniser both use this table.
 */
import type { signinProblems } from '../problems/signin';

export type SigninProblemId = keyof typeof signinProblems;

export const problemByAadsts: Readonly<Record<number, SigninProblemId>> = {
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
  // Microsoft Entra authentication and authorization error codes (docs/troubleshoot.md).
  500011: 'signin-resource-not-found',
  50158: 'signin-external-challenge',
  50097: 'signin-device-auth-required',
  50105: 'signin-user-not-assigned',
  50057: 'signin-account-disabled',
  50053: 'signin-account-locked',
  50055: 'signin-password-expired',
  7000112: 'signin-app-disabled',
  65002: 'signin-first-party-client',
  // PassThroughUserMfaError: an external account that is not in this tenant, like 50020.
  90072: 'signin-external-account',
};

export const problemByOAuthError: Readonly<Record<string, SigninProblemId>> = {
  authorization_declined: 'signin-declined',
  access_denied: 'signin-declined',
  expired_token: 'signin-code-expired',
  bad_verification_code: 'signin-bad-code',
};

/**
 * AADSTS53003 is every Conditional Access block, in one text whatever condition matched:
 * "Access has been blocked by Conditional Access policies. The access policy does not allow
 * token issuance." (Microsoft Entra error-code reference, BlockedByConditionalAccess; the same
 * words on a device-code sign-in in Azure/azure-cli#32809, 2026). So the text never says that
 * the device code flow was the cause: the wizard knows only which of its sign-ins was refused,
 * and the What If check names the policy (docs/practice-answers.md).
 */
export const conditionalAccessBlock = 53003;
