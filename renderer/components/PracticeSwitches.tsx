import { useTranslation } from 'react-i18next';
import {
  practiceSwitches,
  type PracticeSettings,
  type PracticeSwitchId,
} from '../../shared/practice';
import { useWizard } from '../store/wizard-store';

/**
 * The practice world's scenario switches, in the practice banner. A chunk of its own (with the
 * list of switches and the delivery words some of them use), fetched once the banner shows.
 */
export function PracticeSwitches({ settings }: { settings: PracticeSettings }) {
  const { t } = useTranslation(['common', 'delivery']);
  const setSwitch = useWizard((store) => store.setPracticeSwitch);
  return (
    <details className="practice-switches">
      <summary>{t('practice.switches')}</summary>
      {(Object.keys(practiceSwitches) as PracticeSwitchId[]).map((id) => (
        <label key={id} className="practice-switch">
          <span>{t(`practice.switch.${id}.label`, { ns: ['common', 'delivery'] })}</span>
          <select value={settings[id]} onChange={(event) => void setSwitch(id, event.target.value)}>
            {practiceSwitches[id].map((option) => (
              <option key={option} value={option}>
                {t(`practice.switch.${id}.options.${option}`, { ns: ['common', 'delivery'] })}
              </option>
            ))}
          </select>
        </label>
      ))}
    </details>
  );
}
