import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChecks, type CheckState } from '../../shared/model';
import { useAnnounceTestMessages } from '../delivery/announce-test-messages';
import { useShownProgress, useWizard } from '../store/wizard-store';
import { announce } from './Announcer';

/**
 * Sums up every check the journey runs, as main recorded them (progress, pushed by main); until
 * a check has run it says plainly that it has not.
 */
export function StatusBoard() {
  const { t } = useTranslation();
  const progress = useShownProgress();
  useAnnounceResults();
  useAnnounceTestMessages();
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

/** Reads out each check whose result changes while the wizard is open (not the ones loaded). */
function useAnnounceResults(): void {
  const { t } = useTranslation();
  const progress = useShownProgress();
  // Main's progress is the first one heard: the new journey's drawn before it is not.
  const loaded = useWizard((store) => store.state.phase === 'ready');
  const before = useRef<Record<string, CheckState> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const now: Record<string, CheckState> = Object.fromEntries(
      statusChecks.map((check) => [check.id, progress.checks[check.id]?.state ?? 'not-run']),
    );
    const earlier = before.current;
    before.current = now;
    if (!earlier) return;
    const news = statusChecks
      .filter(
        (check) =>
          now[check.id] !== earlier[check.id] &&
          now[check.id] !== 'running' &&
          // The test message's own result is read out in full where it is watched.
          check.id !== 'printer-test-message',
      )
      .map((check) =>
        t('board.changed', {
          check: t(`board.checks.${check.id}`),
          state: t(`board.state.${now[check.id]}`),
        }),
      );
    if (news.length > 0) announce(news.join(' '));
  }, [progress.checks, t, loaded]);
}
