import type { ProblemEntry } from './types';

/** Problems of watching for the printer's test message (shared/contract/delivery.ts). */
export const deliveryProblems = {
  'test-watch-unknown': { area: 'delivery', severity: 'warning' },
  /** The watch ended (or the person looked) and the printer's test message was not there. */
  'test-message-not-arrived': { area: 'delivery', severity: 'error', links: ['webConfig'] },
  /** The message with the watch's code came from another address than the status sheet's. */
  'test-message-wrong-sender': { area: 'delivery', severity: 'error', links: ['webConfig'] },
} as const satisfies Record<string, ProblemEntry>;
