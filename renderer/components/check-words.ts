/**
 * A board result's problem in words: the title filled with the values main kept with it (an
 * error code, a policy name), so no screen or report shows a placeholder.
 */
import type { TFunction } from 'i18next';
import type { CheckResult } from '../../shared/model';
import { problemCatalogue, problemWordValues, type ProblemId } from '../../shared/problems/index';

export function resultProblemTitle(
  t: TFunction,
  result: Pick<CheckResult, 'problemId' | 'problemData'> | null | undefined,
): string | null {
  if (!result?.problemId) return null;
  const entry = problemCatalogue[result.problemId];
  return t(`${entry.area}:problems.${result.problemId}.title`, {
    ...problemWordValues(result.problemId, result.problemData),
  });
}

/**
 * A problem's title with its placeholders kept as they are, for the main process to fill from
 * each result's own values (the report may hold one problem with different values).
 */
export function problemTitleTemplate(t: TFunction, id: ProblemId): string {
  const entry = problemCatalogue[id];
  return t(`${entry.area}:problems.${id}.title`, {
    missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
  });
}
