/**
 * A small iCalendar (RFC 5545) writer for the wizard's reminders: events at a local time with
 * TZID and the matching VTIMEZONE (from timezones-ical-library, which follows the IANA zone
 * database), TEXT escaping (section 3.3.11), lines folded at 75 octets without splitting a
 * UTF-8 character (3.1) and CRLF line ends. Why a timed event with a time zone and not an
 * all-day one: docs/printer-sign-in-lapse.md.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';

export interface CalendarEvent {
  uid: string;
  /** The local day and time the event starts, in the calendar's time zone. */
  day: string;
  time: string;
  durationMinutes: number;
  summary: string;
  description: string;
  /** The alarm goes off this many minutes before the start (VALARM, ACTION:DISPLAY). */
  alarmMinutesBefore: number;
  alarmText: string;
}

export interface CalendarInput {
  prodId: string;
  /** BCP 47 tag of the words (LANGUAGE parameter, RFC 5545 section 3.2.10). */
  language: string;
  /** IANA time zone name of the person, e.g. Europe/Kyiv. */
  timeZone: string;
  now: Date;
  events: readonly CalendarEvent[];
}

const maxOctets = 75;

/** TEXT values: backslash, semicolon and comma escaped, every line break as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded into lines of at most 75 octets; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets, each continuation 74 after its leading space.
    const limit = parts.length === 0 ? maxOctets : maxOctets - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** The offset of a zone from UTC at a moment, in minutes (Intl knows every IANA zone). */
export function zoneOffsetMinutes(timeZone: string, moment: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(moment)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The UTC moment of a local day and time in a zone (twice round, for the DST edges). */
export function localToUtc(timeZone: string, day: string, time: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  let guess = wall - zoneOffsetMinutes(timeZone, new Date(wall)) * 60_000;
  guess = wall - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The VTIMEZONE lines and TZID for a zone, or null when the zone database lacks it. */
function vtimezone(timeZone: string): { tzid: string; lines: string[] } | null {
  const block: unknown = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(block) || typeof block[0] !== 'string' || typeof block[1] !== 'string') {
    return null;
  }
  const tzid = /^TZID=(.+)$/.exec(block[1])?.[1];
  if (!tzid) return null;
  return { tzid, lines: block[0].split(/\r\n|\n/).filter((line) => line !== '') };
}

function localStamp(day: string, time: string): string {
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** Is this an IANA zone the runtime knows? */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The whole calendar. In a zone the zone database lacks, the times are written in UTC (the
 * same moments, computed with Intl), which every calendar reads without a VTIMEZONE.
 */
export function buildCalendar(input: CalendarInput): string {
  const zone = vtimezone(input.timeZone);
  const language = `;LANGUAGE=${input.language}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${input.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(zone?.lines ?? []),
  ];
  const stamp = utcStamp(input.now);
  for (const event of input.events) {
    const start = localToUtc(input.timeZone, event.day, event.time);
    const end = new Date(start.getTime() + event.durationMinutes * 60_000);
    const endLocal = new Date(end.getTime() + zoneOffsetMinutes(input.timeZone, end) * 60_000);
    const endDay = endLocal.toISOString().slice(0, 10);
    const endTime = endLocal.toISOString().slice(11, 16);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      zone
        ? `DTSTART;TZID=${zone.tzid}:${localStamp(event.day, event.time)}`
        : `DTSTART:${utcStamp(start)}`,
      zone ? `DTEND;TZID=${zone.tzid}:${localStamp(endDay, endTime)}` : `DTEND:${utcStamp(end)}`,
      `SUMMARY${language}:${escapeText(event.summary)}`,
      `DESCRIPTION${language}:${escapeText(event.description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-PT${event.alarmMinutesBefore}M`,
      `DESCRIPTION${language}:${escapeText(event.alarmText)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
