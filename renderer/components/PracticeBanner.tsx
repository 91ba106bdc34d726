import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { practiceSwitches, type PracticeSwitchId } from '../../shared/practice';
import { useAppInfo, useMainValue, useWizard } from '../store/wizard-store';

/**
 * Shown on every screen in practice mode, with the scenario switches of the practice world.
 * Until main says whether this run is practice, its row keeps the room the banner had the last
 * time this page started in practice mode (see `rememberPracticeRun`), so neither case moves
 * the page when the answer comes.
 */
export function PracticeBanner() {
  const { t } = useTranslation();
  // Some switches' words are the delivery step's: fetched beside, never waited for.
  const wordsReady = useTranslation('delivery', { useSuspense: false }).ready;
  const appInfo = useAppInfo();
  const settings = useMainValue('practice');
  const setSwitch = useWizard((store) => store.setPracticeSwitch);
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
  const practice = settings.status === 'ready' && wordsReady ? settings.value : null;
  return (
    <section className="practice" aria-label={t('practice.label')}>
      <p className="practice-text">
        <strong>{t('practice.title')}</strong> {t('practice.explain')}
      </p>
      {!practice && (
        <p className="practice-switches practice-pending" aria-hidden="true">
          {t('practice.switches')}
        </p>
      )}
      {practice && (
        <details className="practice-switches">
          <summary>{t('practice.switches')}</summary>
          {(Object.keys(practiceSwitches) as PracticeSwitchId[]).map((id) => (
            <label key={id} className="practice-switch">
              <span>{t(`practice.switch.${id}.label`, { ns: ['common', 'delivery'] })}</span>
              <select
                value={practice[id]}
                onChange={(event) => void setSwitch(id, event.target.value)}
              >
                {practiceSwitches[id].map((option) => (
                  <option key={option} value={option}>
                    {t(`practice.switch.${id}.options.${option}`, { ns: ['common', 'delivery'] })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </details>
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
