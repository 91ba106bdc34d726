import { useTranslation } from 'react-i18next';
import type { ChosenPrinter, PrinterEntry } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import { ProblemNotice } from '../../components/ProblemNotice';
import { OauthVerdict } from '../../printer-journey/OauthVerdict';

interface PrinterCardProps {
  /** A listed printer, or a chosen one not (yet) seen in this search. */
  printer: PrinterEntry | null;
  chosen: ChosenPrinter | null;
  /** The user's tick while it is being recorded. */
  ticked: boolean | undefined;
  busy: boolean;
  problem: Problem | null;
  onToggle(checked: boolean): void;
  onOpen(url: string): void;
  onProbe(): void;
}

/**
 * One printer: model, name, addresses, location, vendor, what it offers, its firmware, whether
 * it can do OAuth 2.0 (its maker's word or the person's), and "use this printer". Every value
 * came from the network and is rendered as text only.
 */
export function PrinterCard({
  printer,
  chosen,
  ticked,
  busy,
  problem,
  onToggle,
  onOpen,
  onProbe,
}: PrinterCardProps) {
  const { t } = useTranslation('discovery');
  const id = printer?.id ?? chosen?.id ?? '';
  const name = printer?.name ?? chosen?.name ?? '';
  const model = printer?.model ?? chosen?.model ?? null;
  const vendor = printer?.vendor ?? chosen?.vendor ?? 'other';
  const addresses = printer?.addresses ?? chosen?.addresses ?? [];
  const webConfigUrl = printer?.webConfigUrl ?? chosen?.webConfigUrl ?? null;
  const firmware = printer?.probe?.firmwareVersion ?? chosen?.firmwareVersion ?? null;
  const headingId = `printer-${id.replace(/[^a-z0-9]/gi, '-')}`;
  const title = model ?? name;
  const offers = printer
    ? (['print', 'scan', 'fax'] as const).filter((offer) => printer.offers[offer])
    : [];
  return (
    <li className={`printer-card${chosen ? ' printer-chosen' : ''}`}>
      <div className="printer-head">
        <label className="printer-choose">
          <input
            type="checkbox"
            checked={ticked ?? chosen !== null}
            onChange={(event) => onToggle(event.target.checked)}
          />
          <span>{t('card.use')}</span>
          <span className="visually-hidden">{title}</span>
        </label>
        <div className="printer-titles">
          <h3 id={headingId} className="printer-title">
            {title}
          </h3>
          {model !== null && name !== model && <p className="printer-name">{name}</p>}
        </div>
        <span className={`badge badge-${vendor}`}>{t(`card.vendor.${vendor}`)}</span>
        {printer?.secure && <span className="badge badge-secure">{t('card.secure')}</span>}
      </div>
      <dl className="printer-facts">
        <dt>{t('card.address', { count: addresses.length })}</dt>
        <dd>{addresses.length > 0 ? addresses.join(', ') : t('card.unknown')}</dd>
        {printer?.location && (
          <>
            <dt>{t('card.location')}</dt>
            <dd>{printer.location}</dd>
          </>
        )}
        {offers.length > 0 && (
          <>
            <dt>{t('card.offers')}</dt>
            <dd>{offers.map((offer) => t(`card.offer.${offer}`)).join(t('card.separator'))}</dd>
          </>
        )}
        {printer && (
          <>
            <dt>{t('card.foundBy')}</dt>
            <dd>
              {printer.sources
                .map((source) => t(`card.source.${source}`))
                .join(t('card.separator'))}
            </dd>
          </>
        )}
        {printer?.probe?.state && (
          <>
            <dt>{t('card.state')}</dt>
            <dd>{t(`card.states.${printer.probe.state}`)}</dd>
          </>
        )}
        {firmware && (
          <>
            <dt>{t('card.firmware')}</dt>
            <dd>{firmware}</dd>
          </>
        )}
      </dl>
      {!printer && <p className="printer-note">{t('card.notSeen')}</p>}
      <OauthVerdict
        printerId={id}
        facts={{ vendor, model, firmware }}
        chosen={chosen !== null}
        onOpen={onOpen}
      />
      {chosen && firmware && (
        <div className="notice notice-info">
          <p className="notice-title">{t('card.firmwareTitle', { version: firmware })}</p>
          <p>{t('card.firmwareText')}</p>
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {chosen && (
        <div className="actions">
          {webConfigUrl && (
            <>
              <button
                type="button"
                onClick={() => onOpen(webConfigUrl)}
                aria-describedby={`${headingId}-web`}
              >
                {t('card.openWebConfig')}
              </button>
              {/* Says where the button goes before anyone presses it (the page is the printer's). */}
              <span id={`${headingId}-web`} className="hint" data-testid="web-config-address">
                {t('card.webConfigAddress', { address: webConfigUrl })}
              </span>
            </>
          )}
          {printer && (
            <button type="button" onClick={onProbe} disabled={busy} aria-busy={busy}>
              {busy ? t('card.checking') : t('card.checkAgain')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
