import { useTranslation } from 'react-i18next';
import { statusChecks } from '../../shared/model';
import { useReadyState } from '../store/wizard-store';

/**
 * Sums up every check the journey runs. The steps that run a check record its result; until
 * then each says plainly that it has not run.
 */
export function StatusBoard() {
  const { t } = useTranslation();
  const { progress } = useReadyState();
  return (
    <aside className="board" aria-labelledby="board-title">
      <h2 id="board-title">{t('board.title')}</h2>
      <ul className="board-list">
        {statusChecks.map((check) => {
          const result = progress.checks[check.id];
          const state = result?.state ?? 'not-run';
          return (
            <li key={check.id} className={`board-item board-${state}`} data-check={check.id}>
              <span className="board-name">
                {t(`board.checks.${check.id}`)}
                {result?.summary && <span className="board-summary">{result.summary}</span>}
              </span>
              <span className="board-state">{t(`board.state.${state}`)}</span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
