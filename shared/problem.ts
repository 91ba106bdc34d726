/**
 * A problem crosses the contract as an id plus data; the renderer turns it into words in the
 * user's language (locale namespace = the problem's area, key `problems.<id>`).
 */
import { problemCatalogue, type ProblemId } from './problems/index';

export type ProblemData = Record<string, string | number | boolean>;

export interface Problem {
  id: ProblemId;
  data?: ProblemData;
}

export function problem(id: ProblemId, data?: ProblemData): Problem {
  return data === undefined ? { id } : { id, data };
}

export function isProblemId(value: unknown): value is ProblemId {
  return typeof value === 'string' && Object.hasOwn(problemCatalogue, value);
}

export type { ProblemId } from './problems/index';
