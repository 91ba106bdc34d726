/**
 * A value the main process owns, as the renderer knows it: still on its way, known, or not
 * to be had. "Not loaded yet" is its own case, so no screen can read it as "none".
 */
import type { Problem } from '../../shared/problem';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; problem: Problem };

export const loading = { status: 'loading' } as const;

export function ready<T>(value: T): Loadable<T> {
  return { status: 'ready', value };
}

export function failed<T>(problem: Problem): Loadable<T> {
  return { status: 'failed', problem };
}

/** The default branch of an exhaustive switch (shared/, used by every room). */
export { assertNever } from '../../shared/assert-never';
