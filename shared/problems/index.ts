/**
 * The problem catalogue: every problem id the wizard knows, merged from one file per area.
 * It is the single source for step screens, the troubleshooter and the report.
 */
import { appProblems } from './app';
import { discoveryProblems } from './discovery';
import { signinProblems } from './signin';
import { exchangeProblems } from './exchange';
import { printerProblems } from './printer';
import { troubleshootProblems } from './troubleshoot';
import { deliveryProblems } from './delivery';
import { wayProblems } from './ways';
import type { StepId } from '../model';
import type { ProblemEntry } from './types';

export const problemCatalogue = {
  ...appProblems,
  ...discoveryProblems,
  ...signinProblems,
  ...exchangeProblems,
  ...printerProblems,
  ...troubleshootProblems,
  ...deliveryProblems,
  ...wayProblems,
} as const satisfies Record<string, ProblemEntry>;

export type ProblemId = keyof typeof problemCatalogue;

/** Every problem id, for validating what comes from a file or the network. */
export const problemIds = Object.keys(problemCatalogue) as [ProblemId, ...ProblemId[]];

/** A problem's data for its words, with `count` set to the number the words count, if any. */
export function problemWordValues(
  id: ProblemId,
  data: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const entry: ProblemEntry = problemCatalogue[id];
  const counted = entry.counts === undefined ? undefined : data?.[entry.counts];
  return typeof counted === 'number' ? { ...data, count: counted } : { ...data };
}
export type { ProblemArea, ProblemEntry, ProblemSeverity } from './types';

/** The journey step where this problem's fix is explained, if one is. */
export function fixingStep(id: ProblemId): StepId | undefined {
  const entry: ProblemEntry = problemCatalogue[id];
  return entry.fixedOn;
}
