import type { ProblemEntry } from './types';

/**
 * What users see on the printer (job error codes, control panel messages, Web Config states)
 * and what they tell the troubleshooter ("cannot sign in"), from the guide's Troubleshooting
 * section (shared/seeds). Words: locale namespace `troubleshoot`.
 */
export const troubleshootProblems = {
  // Job error codes: Job Status > Job Status on the printer.
  'job-error-360': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig', 'exchangeSettings', 'm365ActiveUsers'],
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  'job-error-361': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig'],
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  'job-error-370': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig'],
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  'job-error-other': {
    area: 'troubleshoot',
    severity: 'warning',
    links: ['webConfig'],
    remedies: ['run-exchange-check'],
  },
  // Messages on the printer's control panel.
  'printer-must-sign-in': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig'],
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  'printer-expiry-message': {
    area: 'troubleshoot',
    severity: 'warning',
    links: ['webConfig'],
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  // The printer sent nothing for 90 days and Microsoft ended its sign-in (AADSTS700082).
  'printer-sign-in-lapsed': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig'],
    remedies: ['run-exchange-check'],
  },
  // Network tab > Email Server > Basic in Web Config.
  'webconfig-signed-in-not-saved': {
    area: 'troubleshoot',
    severity: 'warning',
    links: ['webConfig'],
    remedies: ['run-exchange-check'],
  },
  'webconfig-not-signed-in': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['webConfig'],
    remedies: ['sign-in-again', 'run-ca-check'],
  },
  // Someone cannot sign in at all (the printer's or the wizard's sign-in).
  'cannot-sign-in': {
    area: 'troubleshoot',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['run-ca-check', 'sign-in-again', 'browser-sign-in'],
  },
  // An AADSTS code the catalogue has no entry for.
  'aadsts-unknown': {
    area: 'troubleshoot',
    severity: 'warning',
    links: ['conditionalAccess'],
    remedies: ['sign-in-again'],
  },
  // What the user gave could not be matched to anything the wizard knows.
  'troubleshoot-not-recognised': {
    area: 'troubleshoot',
    severity: 'info',
    remedies: ['run-exchange-check'],
  },
} as const satisfies Record<string, ProblemEntry>;
