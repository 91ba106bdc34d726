import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadyState } from '../store/wizard-store';
import { useCurrentPrinter, usePrinterJourney } from './printer-journey';

/** Several printers: choose the one to work on, each with its result on this step. */
export function PrinterPicker({ showing }: { showing: 'signedIn' | 'statusSheet' }) {
  const { t } = useTranslation('printer');
  const journey = usePrinterJourney();
  const { progress } = useReadyState();
  const pick = useCurrentPrinter((store) => store.pick);
  const name = useId();
  if (journey.kind === 'no-printer' || journey.printers.length < 2) return null;
  const { printers, printer } = journey;
  return (
    <fieldset className="field printer-picker">
      <legend className="field-label">{t('setup.choosePrinter')}</legend>
      {printers.map((item) => {
        const record = progress.printerSetup[item.id];
        const state = record?.[showing]?.state ?? 'not-run';
        return (
          <label key={item.id} className="choice">
            <input
              type="radio"
              name={name}
              checked={item.id === printer.id}
              onChange={() => pick(item.id)}
            />
            <span>
              {item.name}{' '}
              <span className={`board-state board-${state}`}>
                {t(`board.state.${state}`, { ns: 'common' })}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
