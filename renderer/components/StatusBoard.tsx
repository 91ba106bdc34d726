import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shownState, type ShownState } from '../../shared/board/results';
import { boardRowsFor, rowState } from '../../shared/board/summary';
import { CheckSummary } from './CheckSummary';
import { statusChecks } from '../../shared/model';
import { everyPrinterHasAWay } from '../../shared/sending-ways';
import { TestMessageAnnouncements } from '../delivery/announce-test-messages';
import { useMainValue, useShownProgress, useWizard } from '../store/wizard-store';
import { announce } from './Announcer';
import { useDrawnLater } from './drawn-later';

/**
 * Sums up the journey in three plain rows (Microsoft 365 ready for the printer, the printer
 * signed in, the test scan arrived), each from the checks main recorded behind it; every check
 * is there on demand (its problem in words is on the step that ran it, and on Done). Until a check has run it says plainly that it has not.
 */
export function StatusBoard() {
  const { t, i18n } = useTranslation();
  const progress = useShownProgress();
  const onWays = everyPrinterHasAWay(progress);
  // The folded list of every check is filled in just after the first screen is drawn.
  const detailsDrawn = useDrawnLater();
  useAnnounceResults();
  const watchesKnown = useMainValue('testWatches').status === 'ready';
  return (
    <aside className="board" aria-labelledby="board-title">
      <h2 id="board-title">{t('board.title')}</h2>
      <ul className="board-list board-rows">
        {boardRowsFor(onWays).map((row) => {
          const state = rowState(row, progress.checks);
          const proof = progress.checks['sending-way'];
          // With every printer on another way, the Microsoft 365 row is its proof: say when.
          const byWay = onWays && row.id === 'microsoft-365';
          return (
            <li
              key={row.id}
              className={`board-item board-${state}`}
              data-row={row.id}
              data-by={byWay ? 'way' : undefined}
            >
              <span className="board-name">
                {t(`board.rows.${row.id}`)}
                {byWay && (
                  <span className="board-summary">
                    {state === 'passed' && proof
                      ? t('board.byWayProven', {
                          time: new Date(proof.at).toLocaleString(i18n.language),
                        })
                      : t('board.byWay')}
                  </span>
                )}
              </span>
              <span className="board-state">{t(`board.state.${state}`)}</span>
            </li>
          );
        })}
      </ul>
      <details className="board-details">
        <summary>{t('board.details')}</summary>
        <ul className="board-list">
          {detailsDrawn &&
            statusChecks.map((check) => {
              const result = progress.checks[check.id];
              const state = shownState(result);
              return (
                <li key={check.id} className={`board-item board-${state}`} data-check={check.id}>
                  <span className="board-name">
                    {t(`board.checks.${check.id}`)}
                    {result?.summary && <CheckSummary check={check.id} summary={result.summary} />}
                  </span>
                  <span className="board-state">{t(`board.state.${state}`)}</span>
                </li>
              );
            })}
        </ul>
      </details>
      {watchesKnown && <TestMessageAnnouncements />}
    </aside>
  );
}

/** Reads out each check whose result changes while the wizard is open (not the ones loaded). */
function useAnnounceResults(): void {
  const { t } = useTranslation();
  const progress = useShownProgress();
  // Main's progress is the first one heard: the new journey's drawn before it is not.
  const loaded = useWizard((store) => store.state.phase === 'ready');
  const before = useRef<Record<string, ShownState> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const now: Record<string, ShownState> = Object.fromEntries(
      statusChecks.map((check) => [check.id, shownState(progress.checks[check.id])]),
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
