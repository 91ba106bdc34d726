import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useMainValue } from '../store/wizard-store';

const PracticeSwitches = lazy(() =>
  import('./PracticeSwitches').then((module) => ({ default: module.PracticeSwitches })),
);

/**
 * Shown on every screen in practice mode, with the scenario switches of the practice world.
 * Until main says whether this run is practice, its row keeps the room the banner had the last
 * time this page started in practice mode (see `rememberPracticeRun`), so neither case moves
 * the page when the answer comes.
 */
export function PracticeBanner() {
  const { t } = useTranslation();
  const appInfo = useAppInfo();
  const settings = useMainValue('practice');
  const practiceRun = appInfo?.practice;
  useEffect(() => {
    if (practiceRun !== undefined) rememberPracticeRun(practiceRun);
  }, [practiceRun]);
  if (practiceRun === undefined) {
    // The banner's own lines, unseen, keep its room whatever the window's width.
    return lastRunWasPractice() ? (
      <div className="practice practice-slot" aria-hidden="true">
        <p className="practice-text">
          <strong>{t('practice.title')}</strong> {t('practice.explain')}
        </p>
        <p className="practice-switches">{t('practice.switches')}</p>
      </div>
    ) : null;
  }
  if (!practiceRun) return null;
  // Its own room until the switches come, so the banner keeps its height.
  const pending = (
    <p className="practice-switches practice-pending" aria-hidden="true">
      {t('practice.switches')}
    </p>
  );
  return (
    <section className="practice" aria-label={t('practice.label')}>
      <p className="practice-text">
        <strong>{t('practice.title')}</strong> {t('practice.explain')}
      </p>
      {settings.status === 'ready' && settings.value ? (
        <Suspense fallback={pending}>
          <PracticeSwitches settings={settings.value} />
        </Suspense>
      ) : (
        pending
      )}
    </section>
  );
}

const practiceKey = 'wizard-last-run-practice';

/** Whether the last start of this page was a practice run (kept by the page, per origin). */
function lastRunWasPractice(): boolean {
  try {
    return window.localStorage.getItem(practiceKey) === '1';
  } catch {
    return false;
  }
}

function rememberPracticeRun(practice: boolean): void {
  try {
    if (practice !== lastRunWasPractice())
      window.localStorage.setItem(practiceKey, practice ? '1' : '0');
  } catch {
    // Storage refused (private mode): the banner's row is then only kept for the run itself.
  }
}
