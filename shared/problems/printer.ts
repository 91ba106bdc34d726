import type { ProblemEntry } from './types';

/**
 * Problems of setting up a printer and checking its status sheet: one per field that can show
 * the wrong value (shared/printer-setup.ts), the printer gone away, and the setup report.
 */
export const printerProblems = {
  'printer-gone': { area: 'printer', severity: 'error' },
  'printer-no-web-config': { area: 'printer', severity: 'warning' },
  'printer-sign-in-failed': { area: 'printer', severity: 'error' },
  'printer-auth-method-wrong': { area: 'printer', severity: 'error' },
  'printer-email-service-wrong': { area: 'printer', severity: 'error' },
  'printer-not-signed-in': { area: 'printer', severity: 'error' },
  'printer-account-mismatch': { area: 'printer', severity: 'error' },
  'printer-sender-mismatch': { area: 'printer', severity: 'error' },
  'printer-smtp-server-wrong': { area: 'printer', severity: 'error' },
  'printer-smtp-port-wrong': { area: 'printer', severity: 'error' },
  'printer-secure-connection-wrong': { area: 'printer', severity: 'error' },
  'printer-certificate-validation-off': { area: 'printer', severity: 'warning' },
  'printer-sheet-unreadable': { area: 'printer', severity: 'error' },
  'report-not-saved': { area: 'printer', severity: 'error' },
  'report-save-cancelled': { area: 'printer', severity: 'info' },
} as const satisfies Record<string, ProblemEntry>;
