/**
 * What the printer steps share: which chosen printer is being set up (one journey per
 * printer, the tenant steps shared), its record in progress, the status board summaries over
 * all chosen printers, the sending mailbox, and the printer picker.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { SignInStatus } from '../../../shared/contract/signin';
import type { CheckResult } from '../../../shared/model';
import type { PrinterSetupRecord } from '../../../shared/printer-setup';
import type { ChosenPrinter } from '../../../shared/printers';
import { vendorProfileFor, type VendorProfile } from '../../../shared/vendor-profiles';
import { useReadyState, useWizard } from '../../store/wizard-store';

const emptyRecord: PrinterSetupRecord = { signedIn: null, answers: {}, statusSheet: null };

/** The printer being worked on, shared by "Set up the printer" and "Check the status sheet". */
export const useCurrentPrinter = create<{ id: string | null; pick(id: string): void }>((set) => ({
  id: null,
  pick: (id) => set({ id }),
}));

export function usePrinterJourney(): {
  printers: ChosenPrinter[];
  printer: ChosenPrinter | null;
  record: PrinterSetupRecord;
  profile: VendorProfile | null;
  update(change: (record: PrinterSetupRecord) => PrinterSetupRecord): void;
} {
  const { progress } = useReadyState();
  const currentId = useCurrentPrinter((store) => store.id);
  const printers = progress.printers;
  const printer = printers.find((item) => item.id === currentId) ?? printers[0] ?? null;
  const record = (printer && progress.printerSetup[printer.id]) || emptyRecord;
  return {
    printers,
    printer,
    record,
    profile: printer ? vendorProfileFor(printer) : null,
    update(change) {
      if (!printer) return;
      updatePrinterRecord(printer.id, change);
    },
  };
}

/** Saves one printer's record and sums up every chosen printer on the status board. */
export function updatePrinterRecord(
  printerId: string,
  change: (record: PrinterSetupRecord) => PrinterSetupRecord,
): void {
  const { state, choose, recordCheck } = useWizard.getState();
  if (state.phase !== 'ready') return;
  const { progress } = state;
  const printerSetup = {
    ...progress.printerSetup,
    [printerId]: change(progress.printerSetup[printerId] ?? emptyRecord),
  };
  choose({ printerSetup });
  const chosen = progress.printers.map((printer) => printerSetup[printer.id] ?? emptyRecord);
  const summarise = (pick: (record: PrinterSetupRecord) => CheckResult | null) => {
    const results = chosen.map(pick);
    const done = results.filter((result) => result !== null);
    if (done.length === 0) return null;
    const passed = done.filter((result) => result.state === 'passed').length;
    const failed = done.find((result) => result.state === 'failed');
    const attention = done.find((result) => result.state === 'attention');
    const summary = `${passed}/${chosen.length}`;
    if (failed) return { state: 'failed' as const, summary, problemId: failed.problemId ?? '' };
    if (attention || done.length < chosen.length) {
      return {
        state: 'attention' as const,
        summary,
        ...(attention?.problemId ? { problemId: attention.problemId } : {}),
      };
    }
    return { state: 'passed' as const, summary };
  };
  const signedIn = summarise((record) => record.signedIn);
  if (signedIn) recordCheck('printer-signed-in', signedIn);
  const sheet = summarise((record) => record.statusSheet);
  if (sheet) recordCheck('status-sheet', sheet);
}

/** The wizard's sign-in: the sending mailbox the earlier steps checked. */
export function useSignInStatus(): SignInStatus | null {
  const client = useWizard((store) => store.client);
  const [status, setStatus] = useState<SignInStatus | null>(null);
  useEffect(() => {
    let current = true;
    void client?.invoke('getSignInStatus', {}).then((reply) => {
      if (current && reply.ok) setStatus(reply.value);
    });
    return () => {
      current = false;
    };
  }, [client]);
  return status;
}

/** Several printers: choose the one to work on, each with its result on this step. */
export function PrinterPicker({ showing }: { showing: 'signedIn' | 'statusSheet' }) {
  const { t } = useTranslation('printer');
  const { printers, printer } = usePrinterJourney();
  const { progress } = useReadyState();
  const pick = useCurrentPrinter((store) => store.pick);
  const name = useId();
  if (printers.length < 2) return null;
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
              checked={item.id === printer?.id}
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

/** The labels a vendor step names, in the user's language, for interpolation. */
export function useVendorLabels(
  profile: VendorProfile | null,
): (keys: readonly string[]) => Record<string, string> {
  const { t } = useTranslation('printer');
  return (keys) =>
    Object.fromEntries(
      keys.map((key) => [key, profile ? t(`vendors.${profile.id}.labels.${key}`) : key]),
    );
}
