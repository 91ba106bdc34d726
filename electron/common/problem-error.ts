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
