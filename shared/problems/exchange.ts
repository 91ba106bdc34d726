import type { ProblemEntry } from './types';

/**
 * Problems of preparing and checking Exchange Online: every outcome of the SMTP AUTH check
 * (one per Exchange reply we tell apart, see shared/exchange/smtp-replies.ts), the test
 * address, and the tenant checks over Microsoft Graph.
 */
export const exchangeProblems = {
  'exchange-personal-account': { area: 'exchange', severity: 'info' },
  // SMTP AUTH check
  'smtp-auth-disabled-tenant': { area: 'exchange', severity: 'error' },
  'smtp-auth-disabled-mailbox': { area: 'exchange', severity: 'error' },
  'smtp-auth-security-defaults': { area: 'exchange', severity: 'error' },
  'smtp-auth-policy-criteria': { area: 'exchange', severity: 'error' },
  'smtp-auth-failed': { area: 'exchange', severity: 'error' },
  'smtp-not-authenticated': { area: 'exchange', severity: 'error' },
  'smtp-send-as-denied': { area: 'exchange', severity: 'error' },
  'smtp-concurrency': { area: 'exchange', severity: 'warning' },
  'smtp-throttled': { area: 'exchange', severity: 'error' },
  'smtp-submission-quota': { area: 'exchange', severity: 'error' },
  'smtp-mailbox-full': { area: 'exchange', severity: 'error' },
  'smtp-restricted-sender': { area: 'exchange', severity: 'error' },
  'smtp-legacy-tls': { area: 'exchange', severity: 'error' },
  'smtp-certificate': { area: 'exchange', severity: 'error' },
  'smtp-port-blocked': { area: 'exchange', severity: 'error' },
  'smtp-host-not-found': { area: 'exchange', severity: 'error' },
  'smtp-no-starttls': { area: 'exchange', severity: 'error' },
  'smtp-bad-greeting': { area: 'exchange', severity: 'error' },
  'smtp-timeout': { area: 'exchange', severity: 'error' },
  'smtp-connection-dropped': { area: 'exchange', severity: 'error' },
  'smtp-unexpected-reply': { area: 'exchange', severity: 'error' },
  // Basic authentication (a password) refused: the retirement replies.
  'smtp-basic-auth-retired': { area: 'exchange', severity: 'error' },
  'smtp-basic-auth-disabled': { area: 'exchange', severity: 'error' },
  // Outbound and limit replies (Exchange Online Protection).
  'smtp-tenant-threshold': { area: 'exchange', severity: 'error' },
  'smtp-tenant-recipient-limit': { area: 'exchange', severity: 'error' },
  'smtp-unregistered-domain': { area: 'exchange', severity: 'error' },
  'smtp-ip-blocked': { area: 'exchange', severity: 'error' },
  'smtp-forwarding-blocked': { area: 'exchange', severity: 'error' },
  'smtp-spam-abuse': { area: 'exchange', severity: 'error' },
  'smtp-banned-sender': { area: 'exchange', severity: 'error' },
  'smtp-server-busy': { area: 'exchange', severity: 'warning' },
  // Relay and connector replies (direct send, SMTP relay through a connector).
  'smtp-relay-not-attributed': { area: 'exchange', severity: 'error' },
  'smtp-relay-denied': { area: 'exchange', severity: 'error' },
  'smtp-recipient-rejected': { area: 'exchange', severity: 'error' },
  // Test message address
  'test-address-invalid': { area: 'exchange', severity: 'warning' },
  'test-address-multiple': { area: 'exchange', severity: 'warning' },
  // Tenant checks (Microsoft Graph)
  'graph-consent-missing': { area: 'exchange', severity: 'warning' },
  'graph-licence-missing': { area: 'exchange', severity: 'info' },
  'graph-role-missing': { area: 'exchange', severity: 'warning' },
  'graph-unauthorized': { area: 'exchange', severity: 'warning' },
  'graph-throttled': { area: 'exchange', severity: 'warning', counts: 'seconds' },
  'graph-server-error': { area: 'exchange', severity: 'warning' },
  'graph-malformed': { area: 'exchange', severity: 'warning' },
  'graph-unreachable': { area: 'exchange', severity: 'warning' },
  'security-defaults-on': { area: 'exchange', severity: 'error' },
  'ca-blocks-device-code': { area: 'exchange', severity: 'error' },
  'ca-device-code-report-only': { area: 'exchange', severity: 'warning' },
  'ca-device-code-may-apply': { area: 'exchange', severity: 'warning' },
  'consent-role-limited': { area: 'exchange', severity: 'warning' },
  'consent-role-missing': { area: 'exchange', severity: 'error' },
} as const satisfies Record<string, ProblemEntry>;
