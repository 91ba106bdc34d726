/**
 * The calendar reminder Done offers: for each chosen printer, one event a week before its sign-in
 * lapses (shared/sign-in-lapse.ts), at 9:00 in the person's time zone, asking for one scan to
 * email. Words come from the renderer in the person's language with {{placeholders}} the main
 * process fills from its own record (progress, the test-message watches): never a token, code
 * or password, and no value from the renderer other than the words, the zone and the language.
 */
import { createHash } from 'node:crypto';
import type { ReminderWords } from '../../../shared/contract/printer';
import { formatDay } from '../../../shared/dates';
import type { TestWatches } from '../../../shared/contract/delivery';
import type { Progress } from '../../../shared/model';
import { printerLapse, printerLapses, type PrinterLapse } from '../../../shared/sign-in-lapse';
import { buildCalendar, type CalendarEvent } from './ics';

export interface ReminderInput {
  progress: Pick<Progress, 'printers' | 'printerSetup'>;
  testWatches: TestWatches;
  words: ReminderWords;
  language: string;
  timeZone: string;
  product: string;
  version: string;
  now: Date;
}

/** The local time of day the reminder starts, and how long it lasts. */
export const reminderTime = '09:00';
export const reminderMinutes = 30;
export const reminderAlarmMinutes = 15;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

/** Stable per printer and date, so importing the same reminder twice updates one event. */
function eventUid(lapse: PrinterLapse | null, lapsesOn: string): string {
  const hash = createHash('sha256')
    .update(`${lapse?.printerId ?? 'printer'}\n${lapsesOn}`)
    .digest('hex')
    .slice(0, 24);
  return `sign-in-lapse-${hash}@printer-mail-setup-wizard`;
}

export function buildSignInReminder(input: ReminderInput): { ics: string; fileName: string } {
  const { words, language } = input;
  const lapses = printerLapses(input.progress, input.testWatches, input.now);
  const day = (iso: string): string => formatDay(iso, language);
  // Without a chosen printer the reminder still counts from today, for "the printer".
  const entries: { lapse: PrinterLapse | null; name: string; lapsesOn: string; checkOn: string }[] =
    lapses.length > 0
      ? lapses.map((lapse) => ({ lapse, name: lapse.printerName, ...lapse }))
      : [
          {
            lapse: null,
            ...printerLapse({ id: 'printer', name: '' }, undefined, undefined, input.now),
            name: words.printerFallback,
          },
        ];
  const events: CalendarEvent[] = entries.map(({ lapse, name, lapsesOn, checkOn }) => {
    const values = { printer: name, date: day(lapsesOn) };
    return {
      uid: eventUid(lapse, lapsesOn),
      day: checkOn,
      time: reminderTime,
      durationMinutes: reminderMinutes,
      summary: fill(words.summary, values),
      description: fill(words.description, values),
      alarmMinutesBefore: reminderAlarmMinutes,
      alarmText: fill(words.summary, values),
    };
  });
  const first = [...entries].sort((a, b) => a.checkOn.localeCompare(b.checkOn))[0];
  return {
    ics: buildCalendar({
      prodId: `-//${input.product}//${input.version}//EN`,
      language,
      timeZone: input.timeZone,
      now: input.now,
      events,
    }),
    fileName: `printer-sign-in-reminder-${first?.checkOn ?? input.now.toISOString().slice(0, 10)}.ics`,
  };
}
