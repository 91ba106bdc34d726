/**
 * Choosing printers: main keeps the chosen ones in progress, admits each one's Web Config for
 * "open outside the app" and puts "Printer found" on the status board; once a chosen printer is
 * probed, main keeps its firmware version and "Printer firmware" follows.
 */
import type { Problem } from '../../../shared/problem';
import { useWizard } from '../../store/wizard-store';

/** Chooses or un-chooses one printer; answers a problem when the main process refused. */
export function setChosen(id: string, checked: boolean): Promise<Problem | null> {
  return useWizard.getState().choosePrinter(id, checked);
}

/** Probes a chosen printer; answers a problem on failure. */
export function probeChosen(id: string): Promise<Problem | null> {
  return useWizard.getState().probePrinter(id);
}
