/**
 * The setup report's words for the printer's test message (electron/services/setup-report.ts
 * fills the placeholders with the watch's own values and escapes them).
 */
import type { TFunction } from 'i18next';
import type { ReportWords } from '../../shared/contract/printer';

const outcomes = [
  'notRun',
  'needs-permission',
  'watching',
  'arrived',
  'wrong-sender',
  'nothing-arrived',
  'seen-arrived',
  'seen-not-arrived',
  'stopped',
  'failed',
] as const;

/** Placeholders stay as they are, for the main process to fill. */
const kept = Object.fromEntries(
  ['time', 'from', 'expected', 'delay', 'minutes'].map((name) => [name, `{{${name}}}`]),
);

export function deliveryReportWords(t: TFunction): ReportWords {
  const words: ReportWords = { 'delivery.title': t('delivery:report.title') };
  for (const outcome of outcomes) {
    words[`delivery.${outcome}`] = t(`delivery:report.${outcome}`, {
      ...kept,
      interpolation: { escapeValue: false },
    });
  }
  return words;
}
