/**
 * What the printer steps ("Set up the printer", "Check the status sheet") share: which chosen
 * printer is being worked on (one journey per printer, the tenant steps shared), its record in
 * progress, and the status board summaries over all chosen printers.
 */
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { CheckResult } from '../../shared/model';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import type { ChosenPrinter } from '../../shared/printers';
import { vendorProfileFor, type VendorProfile } from '../../shared/vendor-profiles';
import { useReadyState, useWizard } from '../store/wizard-store';

const emptyRecord: PrinterSetupRecord = { signedIn: null, answers: {}, statusSheet: null };

/** The printer being worked on, shared by "Set up the printer" and "Check the status sheet". */
export const useCurrentPrinter = create<{ id: string | null; pick(id: string): void }>((set) => ({
  id: null,
  pick: (id) => set({ id }),
}));

/** The printer journey: no printer chosen yet, or the one being worked on. */
export type PrinterJourney =
  | { kind: 'no-printer' }
  | {
      kind: 'printer';
      printers: ChosenPrinter[];
      printer: ChosenPrinter;
      record: PrinterSetupRecord;
      profile: VendorProfile;
      update(change: (record: PrinterSetupRecord) => PrinterSetupRecord): void;
    };

export function usePrinterJourney(): PrinterJourney {
  const { progress } = useReadyState();
  const currentId = useCurrentPrinter((store) => store.id);
  const printers = progress.printers;
  const printer = printers.find((item) => item.id === currentId) ?? printers[0];
  if (!printer) return { kind: 'no-printer' };
  return {
    kind: 'printer',
    printers,
    printer,
    record: progress.printerSetup[printer.id] ?? emptyRecord,
    profile: vendorProfileFor(printer),
    update: (change) => updatePrinterRecord(printer.id, change),
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
    if (failed) {
      return {
        state: 'failed' as const,
        summary,
        ...(failed.problemId ? { problemId: failed.problemId } : {}),
      };
    }
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
