/**
 * The calendar reminder Done saves: a valid RFC 5545 file (parsed back with ical.js, an
 * independent parser), the event at 9:00 in the person's own zone with a matching VTIMEZONE
 * (Europe/Kyiv observes summer time, Asia/Taipei does not), folded at 75 octets with CRLF,
 * TEXT escaped, the words in the person's language, and the dates counted as
 * shared/sign-in-lapse.ts says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  escapeText,
  foldLine,
  localToUtc,
} from '../../electron/services/calendar/ics';
import { buildSignInReminder } from '../../electron/services/calendar/sign-in-reminder';
import type { TestWatch } from '../../shared/contract/delivery';
import { initialProgress, supportedLanguages, type Progress } from '../../shared/model';
import { problemCatalogue } from '../../shared/problems/index';
import { recogniseChoice, recogniseText } from '../../shared/troubleshoot/recognise';
import { expiryProblems, remediesFor } from '../../shared/troubleshoot/remedies';
import { printerLapse, printerLapses } from '../../shared/sign-in-lapse';

const now = new Date('2026-12-04T19:00:00.000Z');

const progress: Pick<Progress, 'printers' | 'printerSetup'> = {
  printers: [
    {
      id: 'epson:office',
      name: 'EPSON Office; 2nd floor, east',
      model: 'WF-C5890',
      vendor: 'epson',
      addresses: ['192.0.2.10'],
      webConfigUrl: 'https://192.0.2.10/',
      firmwareVersion: null,
    },
  ],
  printerSetup: {
    'epson:office': {
      signedIn: { state: 'passed', at: '2026-12-04T10:00:00.000Z' },
      answers: {},
      statusSheet: null,
    },
  },
};

const ukWords = {
  summary: 'Принтер {{printer}}: скануйте в ел. пошту до {{date}}',
  description:
    'Принтер {{printer}} тримає вхід лише поки надсилає пошту.\nПісля {{date}} він має увійти знову.',
  printerFallback: 'принтер',
};

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar;
}

function unfolded(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('the reminder file (RFC 5545)', () => {
  const reminder = buildSignInReminder({
    progress,
    testWatches: {},
    words: ukWords,
    language: 'uk',
    timeZone: 'Europe/Kyiv',
    product: 'Printer Mail Setup Wizard',
    version: '1.2.3',
    now,
  });

  it('has the required calendar and event properties', () => {
    const calendar = parse(reminder.ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(
      '-//Printer Mail Setup Wizard//1.2.3//EN',
    );
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = must(events[0]);
    expect(String(event.getFirstPropertyValue('uid'))).toMatch(
      /^sign-in-lapse-[0-9a-f]{24}@printer-mail-setup-wizard$/,
    );
    // DTSTAMP in UTC, as the section 3.8.7.2 requires.
    expect(unfolded(reminder.ics)).toContain('DTSTAMP:20261204T190000Z');
    const alarm = event.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT15M');
    expect(alarm?.getFirstPropertyValue('description')).toBeTruthy();
  });

  it('starts at 9:00 in Kyiv a week before the lapse, with the VTIMEZONE its TZID names', () => {
    // Signed in 2026-12-04: lapses 2027-03-04, the reminder is on 2027-02-25 (winter, UTC+2).
    const lines = unfolded(reminder.ics);
    expect(lines).toContain('DTSTART;TZID=Europe/Kyiv:20270225T090000');
    expect(lines).toContain('DTEND;TZID=Europe/Kyiv:20270225T093000');
    expect(lines).toContain('TZID:Europe/Kyiv');
    const event = must(parse(reminder.ics).getFirstSubcomponent('vevent'));
    const start = new ICAL.Event(event).startDate;
    expect(start.zone?.tzid).toBe('Europe/Kyiv');
    expect(start.toJSDate().toISOString()).toBe('2027-02-25T07:00:00.000Z');
    expect(reminder.fileName).toBe('printer-sign-in-reminder-2027-02-25.ics');
  });

  it('follows Kyiv summer time and Taipei without one', () => {
    const event = (zone: string, day: string) =>
      buildCalendar({
        prodId: '-//Test//1//EN',
        language: 'en',
        timeZone: zone,
        now,
        events: [
          {
            uid: 'x@test',
            day,
            time: '09:00',
            durationMinutes: 30,
            summary: 's',
            description: 'd',
            alarmMinutesBefore: 15,
            alarmText: 'a',
          },
        ],
      });
    const startUtc = (ics: string) =>
      new ICAL.Event(must(parse(ics).getFirstSubcomponent('vevent'))).startDate
        .toJSDate()
        .toISOString();
    expect(startUtc(event('Europe/Kyiv', '2027-07-01'))).toBe('2027-07-01T06:00:00.000Z');
    expect(startUtc(event('Europe/Kyiv', '2027-01-15'))).toBe('2027-01-15T07:00:00.000Z');
    const taipei = event('Asia/Taipei', '2027-07-01');
    expect(startUtc(taipei)).toBe('2027-07-01T01:00:00.000Z');
    expect(startUtc(event('Asia/Taipei', '2027-01-15'))).toBe('2027-01-15T01:00:00.000Z');
    expect(unfolded(taipei)).toContain('DTSTART;TZID=Asia/Taipei:20270701T090000');
    expect(taipei).not.toContain('BEGIN:DAYLIGHT');
    // An old alias resolves to the zone's current name, in TZID and VTIMEZONE alike.
    expect(unfolded(event('Europe/Kiev', '2027-07-01'))).toContain(
      'DTSTART;TZID=Europe/Kyiv:20270701T090000',
    );
  });

  it('writes CRLF only and folds every line at 75 octets without splitting a character', () => {
    const ics = reminder.ics;
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    // No replacement character: every fold fell between whole UTF-8 characters.
    expect(Buffer.from(ics, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    const long = `DESCRIPTION:${'翻'.repeat(40)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes commas, semicolons, backslashes and line breaks, and parses them back', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const event = must(parse(reminder.ics).getFirstSubcomponent('vevent'));
    expect(event.getFirstPropertyValue('summary')).toBe(
      'Принтер EPSON Office; 2nd floor, east: скануйте в ел. пошту до 4 березня 2027 р.',
    );
    expect(event.getFirstPropertyValue('description')).toBe(
      'Принтер EPSON Office; 2nd floor, east тримає вхід лише поки надсилає пошту.\nПісля 4 березня 2027 р. він має увійти знову.',
    );
  });

  it('says which language the words are in', () => {
    const event = must(parse(reminder.ics).getFirstSubcomponent('vevent'));
    expect(event.getFirstProperty('summary')?.getParameter('language')).toBe('uk');
    expect(event.getFirstProperty('description')?.getParameter('language')).toBe('uk');
  });

  it('writes one event per printer, and one for "the printer" when none was chosen', () => {
    const inTaipei = (chosen: Pick<Progress, 'printers' | 'printerSetup'>) =>
      buildSignInReminder({
        progress: chosen,
        testWatches: {},
        words: ukWords,
        language: 'uk',
        timeZone: 'Asia/Taipei',
        product: 'P',
        version: '1',
        now,
      });
    const two = inTaipei({
      printers: [
        ...progress.printers,
        { ...must(progress.printers[0]), id: 'hp:lobby', name: 'Lobby' },
      ],
      printerSetup: progress.printerSetup,
    });
    const events = parse(two.ics).getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.getFirstPropertyValue('uid'))).size).toBe(2);
    const none = inTaipei({ printers: [], printerSetup: {} });
    const only = parse(none.ics).getAllSubcomponents('vevent');
    expect(only).toHaveLength(1);
    expect(must(only[0]).getFirstPropertyValue('summary')).toContain('Принтер принтер');
  });

  it('turns a local time into the right UTC moment on both sides of a DST change', () => {
    expect(localToUtc('Europe/Kyiv', '2027-03-28', '09:00').toISOString()).toBe(
      '2027-03-28T06:00:00.000Z',
    );
    expect(localToUtc('Europe/Kyiv', '2027-03-27', '09:00').toISOString()).toBe(
      '2027-03-27T07:00:00.000Z',
    );
  });
});

describe('the date the printer sign-in lapses', () => {
  const watch = (outcome: TestWatch['outcome'], startedAt = '2026-12-04T11:00:00.000Z') =>
    ({
      printerId: 'epson:office',
      mailbox: 'scanner@contoso.com',
      expectedSender: 'scanner@contoso.com',
      code: 'ABC123',
      startedAt,
      endsAt: '2026-12-04T11:10:00.000Z',
      graphCalls: 3,
      outcome,
    }) satisfies TestWatch;
  const printer = must(progress.printers[0]);
  const record = progress.printerSetup['epson:office'];

  it('counts 90 days from the printer sign-in the person confirmed', () => {
    expect(printerLapse(printer, record, undefined, now)).toEqual({
      printerId: 'epson:office',
      printerName: printer.name,
      basis: 'signed-in',
      from: '2026-12-04T10:00:00.000Z',
      lapsesOn: '2027-03-04',
      checkOn: '2027-02-25',
    });
  });

  it('counts from the test message when it arrived later', () => {
    const arrived = watch({
      state: 'arrived',
      message: { from: 'scanner@contoso.com', subject: 'x', receivedAt: '2026-12-04T11:02:00Z' },
      delaySeconds: 120,
    });
    const lapse = printerLapse(printer, record, arrived, now);
    expect(lapse.basis).toBe('test-message');
    expect(lapse.from).toBe('2026-12-04T11:02:00Z');
    expect(printerLapse(printer, undefined, arrived, now).lapsesOn).toBe('2027-03-04');
  });

  it('ignores a test message that did not come from the printer, or never arrived', () => {
    const wrong = watch({
      state: 'wrong-sender',
      message: { from: 'someone@contoso.com', subject: 'x', receivedAt: '2026-12-04T11:02:00Z' },
      delaySeconds: 120,
    });
    expect(printerLapse(printer, record, wrong, now).basis).toBe('signed-in');
    expect(
      printerLapse(printer, record, watch({ state: 'nothing-arrived', minutes: 10 }), now).basis,
    ).toBe('signed-in');
    const seen = printerLapse(
      printer,
      undefined,
      watch({ state: 'seen-by-person', arrived: true }),
      now,
    );
    expect(seen.basis).toBe('test-message');
    expect(seen.from).toBe('2026-12-04T11:00:00.000Z');
  });

  it('counts from today when the printer was never seen signed in, or the sign-in failed', () => {
    const failed = {
      ...must(record),
      signedIn: { state: 'failed' as const, at: '2026-10-01T10:00:00Z' },
    };
    for (const lapse of [
      printerLapse(printer, undefined, undefined, now),
      printerLapse(printer, failed, undefined, now),
    ]) {
      expect(lapse.basis).toBe('today');
      expect(lapse.lapsesOn).toBe('2027-03-04');
    }
  });

  it('crosses a month and a year end, and lists every chosen printer', () => {
    const late = {
      ...must(record),
      signedIn: { state: 'passed' as const, at: '2026-11-02T23:30:00Z' },
    };
    expect(printerLapse(printer, late, undefined, now)).toMatchObject({
      lapsesOn: '2027-01-31',
      checkOn: '2027-01-24',
    });
    expect(printerLapses({ ...initialProgress, ...progress }, {}, now)).toHaveLength(1);
  });

  it('leaves out a printer that sends by another way: it has no OAuth 2.0 sign-in to lapse', () => {
    const onAWay = Object.fromEntries(
      Object.entries(progress.printerSetup).map(([id, setup]) => [
        id,
        { ...setup, sendingWay: { way: 'direct-send' as const, chosenAt: now.toISOString() } },
      ]),
    );
    expect(printerLapses({ ...progress, printerSetup: onAWay }, {}, now)).toEqual([]);
  });

  it('never counts from a time after now (a wrong clock)', () => {
    const future = {
      ...must(record),
      signedIn: { state: 'passed' as const, at: '2027-06-01T00:00:00Z' },
    };
    expect(printerLapse(printer, future, undefined, now).basis).toBe('today');
  });
});

describe("the troubleshooter's path for a lapsed printer sign-in", () => {
  it('is a catalogue entry with Web Config as the place to fix it', () => {
    expect(problemCatalogue['printer-sign-in-lapsed']).toMatchObject({
      area: 'troubleshoot',
      links: ['webConfig'],
    });
    expect(expiryProblems.has('printer-sign-in-lapsed')).toBe(true);
    expect(remediesFor('printer-sign-in-lapsed')).toEqual(['run-exchange-check']);
  });

  it('is found from the printer-message choice and from the AADSTS code, not from others', () => {
    expect(recogniseChoice('printer-message', 'lapsed').problemId).toBe('printer-sign-in-lapsed');
    expect(
      recogniseText(
        'invalid_grant: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-09-01T08:00:00Z and was inactive for 90.00:00:00.',
      ).problemId,
    ).toBe('printer-sign-in-lapsed');
    expect(recogniseText('AADSTS50173: The provided grant has expired').problemId).not.toBe(
      'printer-sign-in-lapsed',
    );
  });

  it.each(supportedLanguages)('%s says where to sign the printer in again', (language) => {
    const words = JSON.parse(
      readFileSync(
        path.resolve(__dirname, '..', '..', 'renderer', 'locales', language, 'troubleshoot.json'),
        'utf8',
      ),
    ) as { problems: Record<string, { title: string; cause: string; fix: string }> };
    const glossary = JSON.parse(
      readFileSync(
        path.resolve(__dirname, '..', '..', 'renderer', 'locales', language, 'glossary.json'),
        'utf8',
      ),
    ) as Record<string, { term: string }>;
    const entry = words.problems['printer-sign-in-lapsed'];
    expect(entry?.cause).toContain('AADSTS700082');
    // The guide's path in this language (glossary), its last label and the Current Status label.
    const pathEnd = glossary['webConfigPath']?.term.split('>').pop()?.trim() ?? '—';
    expect(entry?.fix).toContain('Web Config');
    expect(entry?.fix).toContain(pathEnd);
    expect(entry?.cause).toContain(glossary['currentStatus']?.term);
  });
});
