import { useTranslation } from 'react-i18next';
import { practiceSwitches, type PracticeSwitchId } from '../../shared/practice';
import { useMainValue, useReadyState, useWizard } from '../store/wizard-store';

/** Shown on every screen in practice mode, with the scenario switches of the practice world. */
export function PracticeBanner() {
  const { t } = useTranslation();
  const { appInfo } = useReadyState();
  const settings = useMainValue('practice');
  const setSwitch = useWizard((store) => store.setPracticeSwitch);
  if (!appInfo.practice) return null;
  const practice = settings.status === 'ready' ? settings.value : null;
  return (
    <section className="practice" aria-label={t('practice.label')}>
      <p className="practice-text">
        <strong>{t('practice.title')}</strong> {t('practice.explain')}
      </p>
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
