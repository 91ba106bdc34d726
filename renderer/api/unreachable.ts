import type { Reply } from '../../shared/contract';

/**
 * The reply when main cannot be reached. Written out rather than made with shared/problem's
 * `problem()`, which would bring the whole problem catalogue into the start bundle.
 */
export const mainUnreachable = {
  ok: false,
  problem: { id: 'main-unreachable' },
} as const satisfies Reply<never>;
