import { useTranslation } from 'react-i18next';
import { cloudProfileFor } from '../../shared/cloud-profiles';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import {
  brotherSmtpLines,
  isProvableWay,
  printerSmtpSettings,
  type SendingWayChoice,
} from '../../shared/sending-ways';
import type { PrinterVendor } from '../../shared/vendor-profiles';
import { useReadyState, useWizard } from '../store/wizard-store';

/**
 * "Set up the printer" for a printer that keeps sending another way: the printer's own email
 * server settings for that way (server, port, secure connection, authentication, sender), from
 * the cloud profile and the MX host the proof found, and when the way was proven.
 */
export function WaySettings({
  way,
  record,
  vendor,
}: {
  way: SendingWayChoice;
  record: PrinterSetupRecord;
  vendor: PrinterVendor;
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
  // A Brother: the same settings by the names its Web Based Management shows.
  const brother =
    vendor === 'brother'
      ? brotherSmtpLines(settings, way.sender ?? null, way.sender ?? null)
      : null;
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
          {/* The generic intro names Epson's path; a Brother's is named in its own part below. */}
          <p>{t(brother ? 'setup.brother.intro' : 'setup.intro')}</p>
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
          {brother && (
            <div data-testid="brother-settings">
              <h4>{t('setup.brother.title')}</h4>
              <p>{t('setup.brother.where')}</p>
              <table className="way-settings">
                <tbody>
                  {brother.map((line) => (
                    <tr key={line.field}>
                      <th scope="row" lang="en">
                        {line.label}
                      </th>
                      <td data-brother-field={line.field}>{line.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                {t(
                  `setup.brother.${settings.authentication === 'password' ? 'password' : 'noOauth'}`,
                )}
              </p>
              <p>{t('setup.brother.test')}</p>
            </div>
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
