import { useTranslation } from 'react-i18next';
import { accountKinds, microsoftClouds } from '../../../shared/model';
import { TroubleshootButton } from '../../troubleshoot/TroubleshootButton';
import { useShownProgress, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';
import { DeadlineNotice } from '../../components/DeadlineNotice';

/** Account kind and Microsoft cloud, and the guide's reminder about firmware (language: top bar). */
export function WelcomeStep() {
  const { t } = useTranslation('welcome');
  const progress = useShownProgress();
  const choose = useWizard((store) => store.choose);
  return (
    <StepFrame step="welcome">
      {progress.accountKind !== 'personal' && <DeadlineNotice />}
      <div className="notice notice-info welcome-trouble">
        <p className="notice-title">{t('trouble.title')}</p>
        <p>{t('trouble.text')}</p>
        <TroubleshootButton />
      </div>
      <fieldset className="field">
        <legend>{t('accountKind.legend')}</legend>
        {accountKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="account-kind"
              value={kind}
              checked={progress.accountKind === kind}
              onChange={() => choose({ accountKind: kind })}
            />
            <span>
              <span className="choice-title">{t(`accountKind.${kind}.title`)}</span>
              <span className="choice-hint">{t(`accountKind.${kind}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {progress.accountKind === 'work' && (
        <fieldset className="field">
          <legend>{t('cloud.legend')}</legend>
          {microsoftClouds.map((cloud) => (
            <label key={cloud} className="choice">
              <input
                type="radio"
                name="cloud"
                value={cloud}
                checked={progress.cloud === cloud}
                onChange={() => choose({ cloud })}
              />
              <span>
                <span className="choice-title">{t(`cloud.${cloud}.title`)}</span>
                <span className="choice-hint">{t(`cloud.${cloud}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="notice notice-info">
        <p className="notice-title">{t('firmware.title')}</p>
        <p>{t('firmware.text')}</p>
      </div>
    </StepFrame>
  );
}
