/** When a check ran, as the time of day in the user's language and time zone (10:42:05). */
export function clockTime(when: Date, language: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(when);
}
