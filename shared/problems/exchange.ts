import { smtpProblems } from '../exchange/replies';
import type { ProblemEntry } from './types';

/**
 * Problems of preparing and checking Exchange Online: every outcome of the SMTP AUTH check
 * (one per Exchange reply we tell apart, in shared/exchange/replies.ts), the test
 * address, and the tenant checks over Microsoft Graph.
 */
export const exchangeProblems = {
  'exchange-personal-account': { area: 'exchange', severity: 'info' },
  // SMTP AUTH check: one entry per outcome, beside the Exchange reply table.
  ...smtpProblems,
  // Test message address
  'test-address-invalid': { area: 'exchange', severity: 'warning' },
  'test-address-multiple': { area: 'exchange', severity: 'warning' },
  // Tenant checks (Microsoft Graph)
  'graph-consent-missing': { area: 'exchange', severity: 'warning' },
  'graph-licence-missing': { area: 'exchange', severity: 'info' },
  'graph-role-missing': { area: 'exchange', severity: 'warning' },
  'graph-unauthorized': { area: 'exchange', severity: 'warning', remedies: ['sign-in-again'] },
  'graph-throttled': { area: 'exchange', severity: 'warning', counts: 'seconds' },
  'graph-server-error': { area: 'exchange', severity: 'warning' },
  'graph-malformed': { area: 'exchange', severity: 'warning' },
  'graph-unreachable': { area: 'exchange', severity: 'warning' },
  // "Do it for me" through Exchange's admin endpoint (electron/services/exchange-admin.ts)
  'exchange-admin-consent-missing': { area: 'exchange', severity: 'info' },
  'exchange-admin-role-missing': { area: 'exchange', severity: 'warning' },
  'exchange-admin-unauthorized': {
    area: 'exchange',
    severity: 'warning',
    remedies: ['sign-in-again'],
  },
  'exchange-admin-busy': { area: 'exchange', severity: 'warning' },
  'exchange-admin-unreachable': { area: 'exchange', severity: 'warning' },
  'exchange-admin-unexpected': { area: 'exchange', severity: 'warning' },
  'exchange-admin-not-applied': { area: 'exchange', severity: 'error' },
  'admin-change-unknown': { area: 'exchange', severity: 'warning' },
  // Any "Do it for me" change that outlasted its stated time (electron/services/net/change-deadline.ts)
  'admin-change-out-of-time': { area: 'exchange', severity: 'warning' },
  // "Do it for me" in Microsoft Entra over Graph (electron/services/entra-admin.ts)
  'entra-admin-consent-missing': { area: 'exchange', severity: 'info' },
  'entra-admin-role-missing': { area: 'exchange', severity: 'warning' },
  'entra-admin-busy': { area: 'exchange', severity: 'warning' },
  'entra-admin-unexpected': { area: 'exchange', severity: 'warning' },
  'entra-admin-not-applied': { area: 'exchange', severity: 'error' },
  'security-defaults-on': {
    area: 'exchange',
    severity: 'error',
    links: ['entraProperties'],
    remedies: ['turn-off-security-defaults', 'prepare-exchange', 'run-security-defaults-check'],
    fixedOn: 'prepare-exchange',
  },
  'ca-blocks-device-code': {
    area: 'exchange',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['allow-printer-device-code', 'run-ca-check'],
    fixedOn: 'prepare-exchange',
  },
  'ca-device-code-report-only': {
    area: 'exchange',
    severity: 'warning',
    links: ['conditionalAccess'],
    remedies: ['allow-printer-device-code', 'run-ca-check'],
  },
  'ca-device-code-may-apply': {
    area: 'exchange',
    severity: 'warning',
    links: ['conditionalAccess'],
    remedies: ['run-ca-check'],
  },
  'consent-role-limited': { area: 'exchange', severity: 'warning' },
  'consent-role-missing': { area: 'exchange', severity: 'error' },
} as const satisfies Record<string, ProblemEntry>;
