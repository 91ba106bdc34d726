import { useTranslation } from 'react-i18next';
import { judgeOauthSupport, oauthMakeOf, type PrinterFacts } from '../../shared/printer-oauth';
import { anotherWayNeed } from '../../shared/sending-ways';
import { useReadyState, useWizard } from '../store/wizard-store';
import { updatePrinterRecord } from './printer-journey';

interface OauthVerdictProps {
  printerId: string;
  facts: PrinterFacts;
  /** A chosen printer: the person can say its email settings have no OAuth 2.0 (main keeps it). */
  chosen: boolean;
  /** Opens a maker's page through main's allow-list. */
  onOpen(url: string): void;
}

const tones = {
  supported: 'notice-success',
  'update-first': 'notice-warning',
  'not-offered': 'notice-warning',
  unknown: 'notice-info',
} as const;

/**
 * Whether this printer can do OAuth 2.0 for Exchange Online, from its maker's own page
 * (shared/printer-oauth.ts), with that page one click away; and the person's word, which wins:
 * "my printer's email settings have no OAuth 2.0", and back.
 */
export function OauthVerdict({ printerId, facts, chosen, onOpen }: OauthVerdictProps) {
  const { t } = useTranslation('discovery');
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  const overruled = chosen && progress.printerSetup[printerId]?.noOauthInEmailSettings === true;
  const verdict = judgeOauthSupport(facts, { noOauthInEmailSettings: overruled });
  const makeId = oauthMakeOf(facts);
  const make = t(`card.vendor.${makeId}`);
  const source = verdict.kind === 'not-offered' && verdict.by === 'person' ? null : verdict.source;
  const sourceId = `oauth-source-${printerId.replace(/[^a-z0-9]/gi, '-')}`;

  const setOverruled = (noOauth: boolean): void => {
    updatePrinterRecord(printerId, (record) => ({ ...record, noOauthInEmailSettings: noOauth }));
  };

  let title: string;
  const lines: string[] = [];
  switch (verdict.kind) {
    case 'supported':
      title = t('oauth.supported.title');
      lines.push(t('oauth.supported.text', { make, family: verdict.family }));
      break;
    case 'update-first':
      title = t('oauth.updateFirst.title', { minimum: verdict.minimumFirmware });
      lines.push(t('oauth.updateFirst.text', { make, minimum: verdict.minimumFirmware }));
      lines.push(
        verdict.firmware
          ? t('oauth.updateFirst.version', {
              make,
              firmware: verdict.firmware,
              minimum: verdict.minimumFirmware,
            })
          : t('oauth.updateFirst.noVersion'),
      );
      break;
    case 'not-offered':
      title = t('oauth.notOffered.title');
      lines.push(
        verdict.by === 'person'
          ? t('oauth.notOffered.person')
          : t('oauth.notOffered.maker', { make, family: verdict.family }),
      );
      break;
    case 'unknown':
      title = t('oauth.unknown.title');
      lines.push(
        makeId === 'other'
          ? t('oauth.unknown.noMaker')
          : verdict.source?.read
            ? t('oauth.unknown.modelNotNamed', { make })
            : verdict.source
              ? t('oauth.unknown.makerList', { make })
              : t('oauth.unknown.nothingFound', { make }),
      );
      lines.push(t('oauth.unknown.look'));
      break;
  }

  return (
    <div
      className={`notice ${tones[verdict.kind]} oauth-verdict`}
      data-testid="oauth-verdict"
      data-verdict={verdict.kind}
    >
      <p className="notice-title">{t('oauth.heading', { verdict: title })}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {source && (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => onOpen(source.url)}
            aria-describedby={sourceId}
          >
            {/* The page behind a verdict is its source; for "unknown", only where to look. */}
            {verdict.kind === 'unknown'
              ? t('oauth.whereToLook', { title: source.title })
              : t('oauth.source', { title: source.title })}
          </button>{' '}
          <span id={sourceId} className="hint">
            {t('oauth.opens', { address: new URL(source.url).host })}
          </span>
        </p>
      )}
      {chosen && (
        <p>
          <button type="button" onClick={() => setOverruled(!overruled)}>
            {overruled ? t('oauth.takeBack') : t('oauth.overrule')}
          </button>
          {anotherWayNeed(verdict) !== 'not-needed' && progress.step !== 'keep-sending' && (
            <>
              {' '}
              <button type="button" onClick={() => goTo('keep-sending')}>
                {anotherWayNeed(verdict) === 'needed'
                  ? t('oauth.chooseWay')
                  : t('oauth.orAnotherWay')}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
