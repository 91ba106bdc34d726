import type { Problem, ProblemData, ProblemId } from '../../shared/problem';

/** Thrown by services for an expected failure; the dispatcher turns it into a problem reply. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(id: ProblemId, data?: ProblemData) {
    super(id);
    this.name = 'ProblemError';
    this.problem = data === undefined ? { id } : { id, data };
  }
}

/**
 * The system's error code (EACCES, ENOSPC…) of a failure, never its message: messages carry
 * paths and other text that must not cross the contract. 'unknown' when there is none.
 */
export function systemErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,31}$/.test(code) ? code : 'unknown';
}
