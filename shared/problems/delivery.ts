import type { ProblemEntry } from './types';

/** Problems of watching for the printer's test message (shared/contract/delivery.ts). */
export const deliveryProblems = {
  'test-watch-unknown': { area: 'delivery', severity: 'warning' },
} as const satisfies Record<string, ProblemEntry>;
