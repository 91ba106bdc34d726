import { useTranslation } from 'react-i18next';
import { problemCatalogue, problemWordValues } from '../../shared/problems/index';
import type { Problem } from '../../shared/problem';

/** A problem in the user's language: what happened, why, and what to do, plus data for support. */
export function ProblemNotice({ problem }: { problem: Problem }) {
  const entry = problemCatalogue[problem.id];
  const { t } = useTranslation(entry.area);
  const values = problemWordValues(problem.id, problem.data);
  return (
    <div className={`notice notice-${entry.severity}`} role="alert">
      <p className="notice-title">{t(`problems.${problem.id}.title`, values)}</p>
      <p className="notice-cause">{t(`problems.${problem.id}.cause`, values)}</p>
      <p>{t(`problems.${problem.id}.fix`, values)}</p>
    </div>
  );
}
