import { useTranslation } from 'react-i18next';
import { cloudProfileFor } from '../../shared/cloud-profiles';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import {
  isProvableWay,
  printerSmtpSettings,
  type SendingWayChoice,
} from '../../shared/sending-ways';
import { useReadyState, useWizard } from '../store/wizard-store';

/**
 * "Set up the printer" for a printer that keeps sending another way: the printer's own email
 * server settings for that way (server, port, secure connection, authentication, sender), from
 * the cloud profile and the MX host the proof found, and when the way was proven.
 */
export function WaySettings({
  way,
  record,
}: {
  way: SendingWayChoice;
  record: PrinterSetupRecord;
}) {
  const { t, i18n } = useTranslation('ways');
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  const profile = cloudProfileFor(progress.accountKind, progress.cloud);
  const settings = printerSmtpSettings(
    way.way,
    profile,
    way.proof?.mxHost ?? null,
    way.relay ?? null,
  );
  const name = t(`ways.${way.way}.name`);
  const proof = way.proof;
  return (
    <section
      className="switch-card"
      aria-labelledby="way-settings-title"
      data-testid="way-settings"
    >
      <h3 id="way-settings-title">{t('setup.title', { way: name })}</h3>
      <p data-testid="way-proof-line">
        {proof?.state === 'passed'
          ? t('setup.proven', { way: name, time: new Date(proof.at).toLocaleString(i18n.language) })
          : isProvableWay(way.way)
            ? t('setup.notProven', { way: name })
            : t('setup.relayNotInstalled')}
      </p>
      {settings ? (
        <>
          <p>{t('setup.intro')}</p>
          <table className="way-settings">
            <tbody>
              <tr>
                <th scope="row">{t('setup.server')}</th>
                <td data-field="server">{settings.server}</td>
              </tr>
              <tr>
                <th scope="row">{t('setup.port')}</th>
                <td data-field="port">{settings.port}</td>
              </tr>
              <tr>
                <th scope="row">{t('setup.security')}</th>
                <td data-field="security">{t(`setup.securityValue.${settings.security}`)}</td>
              </tr>
              <tr>
                <th scope="row">{t('setup.authentication')}</th>
                <td data-field="authentication">
                  {t(`setup.authenticationValue.${settings.authentication}`)}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('setup.sender')}</th>
                <td data-field="sender">{way.sender ?? t('setup.senderUnknown')}</td>
              </tr>
            </tbody>
          </table>
          {settings.authentication === 'password' && (
            <p className="hint">{t(`setup.passwordHint.${way.way}`)}</p>
          )}
        </>
      ) : (
        <p>{t(`setup.noSettings.${way.way}`)}</p>
      )}
      {record.sendingWay && proof?.state !== 'passed' && isProvableWay(way.way) && (
        <p>
          <button type="button" onClick={() => goTo('keep-sending')}>
            {t('setup.proveFirst')}
          </button>
        </p>
      )}
    </section>
  );
}
