/**
 * What the printer steps ("Set up the printer", "Check the status sheet") share: which chosen
 * printer is being worked on (one journey per printer, the tenant steps shared), its record in
 * progress (main keeps it and sums every chosen printer up on the status board).
 */
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { emptyPrinterRecord } from '../../shared/board/printers';
import type { PrinterSetupRecord } from '../../shared/printer-setup';
import type { ChosenPrinter } from '../../shared/printers';
import { vendorProfileFor, type VendorProfile } from '../../shared/vendor-profiles';
import { useReadyState, useWizard } from '../store/wizard-store';

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
    record: progress.printerSetup[printer.id] ?? emptyPrinterRecord,
    profile: vendorProfileFor(printer),
    update: (change) => updatePrinterRecord(printer.id, change),
  };
}

/** Keeps one printer's record in main, which sums up every chosen printer on the status board. */
export function updatePrinterRecord(
  printerId: string,
  change: (record: PrinterSetupRecord) => PrinterSetupRecord,
): void {
  void useWizard.getState().updatePrinterRecord(printerId, change);
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
