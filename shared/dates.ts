/**
 * Dates and times in the reader's language (Intl), never as ISO text: "21 лютого 2027 р.",
 * "2027年2月21日", "February 21, 2027".
 */

/** A calendar day (`YYYY-MM-DD` or an ISO time) as the language writes a long date. */
export function formatDay(isoDay: string, language: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment as the language writes date and time, in UTC with the zone named. */
export function formatUtcTime(moment: Date, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
    .formatToParts(moment)
    .map((part) => part.value)
    .join('')
    .concat(' UTC');
}
