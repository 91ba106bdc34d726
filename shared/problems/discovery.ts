import type { ProblemEntry } from './types';

/** Problems of finding printers and probing their addresses. */
export const discoveryProblems = {
  'printer-address-invalid': { area: 'discovery', severity: 'error' },
  'printer-name-unknown': { area: 'discovery', severity: 'error' },
  'printer-unreachable': { area: 'discovery', severity: 'error' },
  'printer-not-answering': { area: 'discovery', severity: 'error' },
  'printer-not-a-printer': { area: 'discovery', severity: 'error' },
  'printer-redirect-elsewhere': { area: 'discovery', severity: 'error' },
  'printer-unknown': { area: 'discovery', severity: 'warning' },
  'printer-firmware-update': { area: 'discovery', severity: 'info' },
  'printer-firmware-unknown': { area: 'discovery', severity: 'info' },
} as const satisfies Record<string, ProblemEntry>;
