import type { ProblemEntry } from './types';

/** Problems of finding printers and probing their addresses. */
export const discoveryProblems = {
  'printer-address-invalid': { area: 'discovery', severity: 'error' },
  'printer-name-unknown': { area: 'discovery', severity: 'error' },
  'printer-unreachable': { area: 'discovery', severity: 'error', remedies: ['find-printer'] },
  'printer-not-answering': { area: 'discovery', severity: 'error' },
  'printer-not-a-printer': { area: 'discovery', severity: 'error' },
  'printer-redirect-elsewhere': { area: 'discovery', severity: 'error' },
  'printer-unknown': { area: 'discovery', severity: 'warning' },
  'printer-firmware-update': {
    area: 'discovery',
    severity: 'info',
    links: ['webConfig'],
    remedies: ['find-printer'],
  },
  'printer-firmware-unknown': { area: 'discovery', severity: 'info', links: ['webConfig'] },
} as const satisfies Record<string, ProblemEntry>;
