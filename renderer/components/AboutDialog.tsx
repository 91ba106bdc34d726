import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/model';
import { useAppInfo, useWizard } from '../store/wizard-store';

/** Version, shell, platform and keychain state: what support asks first. */
export function AboutButton() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const appInfo = useAppInfo();
  const refresh = useWizard((store) => store.refreshAppInfo);
  return (
    <>
      <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
        {t('about.open')}
      </button>
      <dialog ref={dialog} className="about" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        {/* Main's facts, once it has answered (the page draws before). */}
        {appInfo ? <AboutFacts appInfo={appInfo} /> : <p aria-busy="true" />}
        <div className="actions">
          {appInfo && (
            <button type="button" onClick={() => void refresh()}>
              {t('about.checkKeychain')}
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('about.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}

function AboutFacts({ appInfo }: { appInfo: AppInfo }) {
  const { t } = useTranslation();
  const { keychain } = appInfo;
  return (
    <>
      <dl>
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{appInfo.version}</dd>
        <dt>{t('about.shell')}</dt>
        <dd>{t(`about.shells.${appInfo.shell}`)}</dd>
        <dt>{t('about.platform')}</dt>
        <dd>{t('about.platformValue', appInfo.platform)}</dd>
        <dt>{t('about.runtime')}</dt>
        <dd>
          {appInfo.runtime.electron
            ? t('about.runtimeElectron', {
                electron: appInfo.runtime.electron,
                node: appInfo.runtime.node,
              })
            : t('about.runtimeNode', { node: appInfo.runtime.node })}
        </dd>
        <dt>{t('about.keychain')}</dt>
        <dd data-testid="about-keychain">
          {keychain.state === 'available'
            ? t('about.keychainAvailable', { backend: keychain.backend })
            : t(`about.keychainUnavailable.${keychain.reason}`)}
        </dd>
      </dl>
      {keychain.state === 'unavailable' && <p className="about-detail">{keychain.detail}</p>}
    </>
  );
}
