import type { ProblemEntry } from './types';

/**
 * Problems of the wizard's own Microsoft sign-in (device code), its token cache and the
 * role check. Each comes from one classified answer of Microsoft's identity platform
 * (AADSTS code or OAuth error) or from the network; the data carries `code` (AADSTS number or
 * OAuth error) and `correlationId` where Microsoft gave one, for support.
 */
export const signinProblems = {
  'signin-no-client-id': { area: 'signin', severity: 'warning' },
  'signin-client-id-invalid': { area: 'signin', severity: 'error' },
  /** The client ID file could not be written; `code` is the system's error code (EACCES…). */
  'signin-client-id-not-saved': { area: 'signin', severity: 'warning' },
  'signin-cloud-file-invalid': { area: 'signin', severity: 'error' },
  'signin-not-signed-in': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-declined': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-code-expired': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-browser-abandoned': {
    area: 'signin',
    severity: 'warning',
    counts: 'minutes',
    remedies: ['browser-sign-in'],
  },
  'signin-bad-code': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-mfa-required': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-mfa-registration': { area: 'signin', severity: 'error' },
  'signin-conditional-access': {
    area: 'signin',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['run-ca-check', 'browser-sign-in'],
  },
  'signin-device-code-blocked': {
    area: 'signin',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['browser-sign-in', 'run-ca-check', 'allow-printer-device-code'],
  },
  'signin-security-defaults': {
    area: 'signin',
    severity: 'error',
    links: ['entraProperties'],
    // The wizard itself signs in through the browser (not the device code flow), then changes them.
    remedies: [
      'browser-sign-in',
      'turn-off-security-defaults',
      'run-security-defaults-check',
      'prepare-exchange',
    ],
  },
  'signin-consent-missing': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-consent-declined': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-admin-consent-required': { area: 'signin', severity: 'error' },
  'signin-admin-approval-requested': { area: 'signin', severity: 'warning' },
  'signin-app-not-in-tenant': { area: 'signin', severity: 'error' },
  'signin-not-public-client': { area: 'signin', severity: 'error' },
  'signin-wrong-password': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-account-not-found': { area: 'signin', severity: 'error' },
  'signin-external-account': { area: 'signin', severity: 'error' },
  'signin-refresh-expired': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-revoked': { area: 'signin', severity: 'warning', remedies: ['sign-in-again'] },
  'signin-sign-in-frequency': {
    area: 'signin',
    severity: 'warning',
    links: ['conditionalAccess'],
    remedies: ['sign-in-again', 'run-ca-check'],
  },
  'signin-resource-not-found': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-external-challenge': {
    area: 'signin',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['sign-in-again', 'browser-sign-in'],
  },
  'signin-device-auth-required': {
    area: 'signin',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['run-ca-check', 'browser-sign-in'],
  },
  'signin-user-not-assigned': {
    area: 'signin',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['sign-in-again'],
  },
  'signin-account-disabled': {
    area: 'signin',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['sign-in-again'],
  },
  'signin-account-locked': {
    area: 'signin',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['sign-in-again'],
  },
  'signin-password-expired': {
    area: 'signin',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['sign-in-again'],
  },
  'signin-app-disabled': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-first-party-client': { area: 'signin', severity: 'error', remedies: ['sign-in-again'] },
  'signin-network': { area: 'signin', severity: 'error' },
  'signin-network-timeout': { area: 'signin', severity: 'error' },
  'signin-service-busy': { area: 'signin', severity: 'error' },
  'signin-certificate-untrusted': { area: 'signin', severity: 'error' },
  'signin-failed': { area: 'signin', severity: 'error' },
  'signin-role-check-failed': { area: 'signin', severity: 'warning' },
} as const satisfies Record<string, ProblemEntry>;
