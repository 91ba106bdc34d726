/**
 * Choosing printers: the main process admits each chosen printer's Web Config for "open
 * outside the app" and answers what progress keeps; the status board gets "Printer found" and,
 * once the printer is probed, "Printer firmware" with the version seen.
 */
import type { ChosenPrinter } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import { useWizard } from '../../store/wizard-store';

function chosenNow(): ChosenPrinter[] {
  const { state } = useWizard.getState();
  return state.phase === 'ready' ? state.progress.printers : [];
}

function recordFound(printers: ChosenPrinter[]): void {
  const { recordCheck } = useWizard.getState();
  recordCheck(
    'printer-found',
    printers.length > 0
      ? {
          state: 'passed',
          summary: printers
            .map((printer) => printer.model ?? printer.name)
            .join(', ')
            .slice(0, 200),
        }
      : { state: 'attention' },
  );
}

/** Chooses or un-chooses one printer; answers a problem when the main process refused. */
export async function setChosen(id: string, checked: boolean): Promise<Problem | null> {
  const { client } = useWizard.getState();
  if (!client) return null;
  const others = chosenNow()
    .map((printer) => printer.id)
    .filter((item) => item !== id);
  const reply = await client.invoke('choosePrinters', { ids: checked ? [...others, id] : others });
  if (!reply.ok) return reply.problem;
  // Applied to the latest progress, so quick ticks on several printers all count.
  const entry = reply.value.find((printer) => printer.id === id);
  const rest = chosenNow().filter((printer) => printer.id !== id);
  const printers = checked && entry ? [...rest, entry] : rest;
  useWizard.getState().choose({ printers });
  recordFound(printers);
  return null;
}

/** Probes a chosen printer and keeps its firmware version; answers a problem on failure. */
export async function probeChosen(id: string): Promise<Problem | null> {
  const { client, choose, recordCheck } = useWizard.getState();
  if (!client) return null;
  const reply = await client.invoke('probePrinter', { id });
  if (!reply.ok) {
    recordCheck('printer-firmware', { state: 'attention', problemId: 'printer-firmware-unknown' });
    return reply.problem;
  }
  const firmware = reply.value.probe?.firmwareVersion ?? null;
  const printers = chosenNow().map((printer) =>
    printer.id === id
      ? {
          ...printer,
          firmwareVersion: firmware,
          webConfigUrl: reply.value.webConfigUrl ?? printer.webConfigUrl,
        }
      : printer,
  );
  choose({ printers });
  const versions = printers
    .filter((printer) => printer.firmwareVersion)
    .map((printer) => `${printer.model ?? printer.name}: ${printer.firmwareVersion}`);
  recordCheck(
    'printer-firmware',
    versions.length > 0
      ? {
          state: 'attention',
          summary: versions.join(', ').slice(0, 200),
          problemId: 'printer-firmware-update',
        }
      : { state: 'attention', problemId: 'printer-firmware-unknown' },
  );
  return null;
}
