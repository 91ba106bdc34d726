/**
 * When a printer's sign-in lapses. Microsoft Entra ends a refresh token that goes unused for 90
 * days (AADSTS700082); the printer uses it, and gets a new one, whenever it sends mail, so any
 * scan to email starts the 90 days again. The wizard cannot see the printer's later sends, so it
 * counts from the last moment it knows the printer used or got its sign-in:
 *  1. its test message arrived (the printer had just used its sign-in), else
 *  2. the person confirmed Web Config shows Current Status: Signed in (a fresh sign-in), else
 *  3. today (the printer has not been seen signing in: the date it would lapse if it did now).
 * Days are counted in UTC; the calendar reminder comes a week earlier, so a time zone never
 * moves it past the lapse. Sources: docs/printer-sign-in-lapse.md.
 */
import type { TestWatch, TestWatches } from './contract/delivery';
import type { Progress } from './model';
import { signInLapsesOn, type PrinterSetupRecord } from './printer-setup';

/** What the 90 days are counted from (see above). */
export type LapseBasis = 'test-message' | 'signed-in' | 'today';

/** Days before the lapse that the calendar reminder asks for one scan to email. */
export const reminderLeadDays = 7;

export interface PrinterLapse {
  printerId: string;
  printerName: string;
  basis: LapseBasis;
  /** The moment counted from (ISO 8601). */
  from: string;
  /** The first day the sign-in may be gone (YYYY-MM-DD, UTC). */
  lapsesOn: string;
  /** The day to check an unused printer: a week before (YYYY-MM-DD). */
  checkOn: string;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The moment the printer last used its sign-in as far as its test message shows, if it did. */
function testMessageUse(watch: TestWatch | undefined): string | null {
  const outcome = watch?.outcome;
  if (outcome?.state === 'arrived') return outcome.message.receivedAt;
  // The person saw it arrive without the mail permission: it was sent after the watch began.
  if (outcome?.state === 'seen-by-person' && outcome.arrived) return watch?.startedAt ?? null;
  return null;
}

function validTime(value: string | null | undefined): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** When one printer's sign-in lapses, and what the date is counted from. */
export function printerLapse(
  printer: { id: string; name: string },
  record: PrinterSetupRecord | undefined,
  watch: TestWatch | undefined,
  now: Date,
): PrinterLapse {
  const sent = testMessageUse(watch);
  const signedIn = record?.signedIn?.state === 'passed' ? record.signedIn.at : null;
  const candidates: { basis: LapseBasis; at: string }[] = [];
  if (validTime(sent)) candidates.push({ basis: 'test-message', at: sent });
  if (validTime(signedIn)) candidates.push({ basis: 'signed-in', at: signedIn });
  // The latest known use wins; a time in the future (a wrong clock) never moves the date on.
  const known = candidates
    .filter((candidate) => Date.parse(candidate.at) <= now.getTime())
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  const chosen = known ?? { basis: 'today' as const, at: now.toISOString() };
  const lapsesOn = signInLapsesOn(chosen.at);
  return {
    printerId: printer.id,
    printerName: printer.name,
    basis: chosen.basis,
    from: chosen.at,
    lapsesOn,
    checkOn: addDays(lapsesOn, -reminderLeadDays),
  };
}

/** Every chosen printer's lapse, in the order the printers were chosen. */
export function printerLapses(
  progress: Pick<Progress, 'printers' | 'printerSetup'>,
  watches: TestWatches,
  now: Date,
): PrinterLapse[] {
  // A printer that sends by another way has no OAuth 2.0 sign-in of its own to lapse.
  return progress.printers
    .filter((printer) => !progress.printerSetup[printer.id]?.sendingWay)
    .map((printer) =>
      printerLapse(printer, progress.printerSetup[printer.id], watches[printer.id], now),
    );
}
