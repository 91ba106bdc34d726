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
import type { ProblemEntry } from './types';

export const problemCatalogue = {
  ...appProblems,
  ...discoveryProblems,
  ...signinProblems,
  ...exchangeProblems,
  ...printerProblems,
  ...troubleshootProblems,
  ...deliveryProblems,
} as const satisfies Record<string, ProblemEntry>;

export type ProblemId = keyof typeof problemCatalogue;
export type { ProblemArea, ProblemEntry, ProblemSeverity } from './types';
