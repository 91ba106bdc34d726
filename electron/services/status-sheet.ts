/**
 * Reads a printer's email server status from its network status sheet page, for makes whose
 * vendor profile names that page (`statusSheetPage`). The same code reads a real printer and a
 * practice one: only the chosen printer's own origin (the main process's record) is asked,
 * with a time and size limit, and the page is hostile input: only the label/value lines of the
 * guide's labels are taken, as bounded plain text.
 */
import { sheetLineLabels, statusFieldIds, type SheetReading } from '../../shared/printer-setup';
import { vendorProfileFor } from '../../shared/vendor-profiles';
import type { ChosenPrinter } from '../../shared/printers';
import { ProblemError } from '../common/problem-error';
import { webOrigin } from './discovery/grouping';

export interface StatusSheetReader {
  /** The sheet's lines; the problem `printer-sheet-unreadable` when there is none to read. */
  read(
    printer: Pick<ChosenPrinter, 'vendor' | 'model' | 'name' | 'webConfigUrl'>,
  ): Promise<SheetReading>;
}

export interface StatusSheetOptions {
  /** Fetches a page's text (tests may stand in); default: fetch with a time and size limit. */
  fetchText?: (url: string) => Promise<string>;
  timeoutMs?: number;
}

const maxPageBytes = 256 * 1024;
const maxValueLength = 200;

async function boundedFetchText(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  return text.slice(0, maxPageBytes);
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  nbsp: ' ',
};

/** Text of an HTML fragment: tags dropped, the common entities decoded, one bounded line. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_whole, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxValueLength);
}

/** The email server lines of a status sheet page; null when it shows none of them. */
export function parseStatusSheet(html: string): SheetReading | null {
  const lines = new Map<string, string>();
  for (const [, label, value] of html
    .slice(0, maxPageBytes)
    .matchAll(/<tr[^>]*>\s*<th[^>]*>([\s\S]*?)<\/th>\s*<td[^>]*>([\s\S]*?)<\/td>/gi)) {
    const shownLabel = plainText(label ?? '').toLowerCase();
    // A label with the English beside it ("電子郵件服務 (Email service)", the practice pages in
    // the wizard's language) counts by its English.
    const key = /\(([^()]+)\)$/.exec(shownLabel)?.[1]?.trim() ?? shownLabel;
    // The first line with a label counts (a later section may repeat it).
    if (!lines.has(key)) lines.set(key, plainText(value ?? ''));
  }
  const value = (field: (typeof statusFieldIds)[number]): string | undefined => {
    const shown = lines.get(sheetLineLabels[field].toLowerCase());
    return shown === '-' ? '' : shown;
  };
  if (statusFieldIds.every((field) => value(field) === undefined)) return null;
  return {
    authenticationMethod: value('authentication-method') ?? '',
    emailService: value('email-service') ?? '',
    currentStatus: value('current-status') ?? '',
    authenticatedAccount: value('authenticated-account') ?? '',
    senderAddress: value('sender-address') ?? '',
    smtpServer: value('smtp-server') ?? '',
    smtpPort: value('smtp-port') ?? '',
    secureConnection: value('secure-connection') ?? '',
    certificateValidation: value('certificate-validation') ?? '',
  };
}

export function createStatusSheetReader(options: StatusSheetOptions = {}): StatusSheetReader {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fetchText = options.fetchText ?? ((url: string) => boundedFetchText(url, timeoutMs));
  return {
    async read(printer) {
      const page = vendorProfileFor(printer).statusSheetPage;
      const origin = webOrigin(printer.webConfigUrl ?? null);
      if (!page || !origin) throw new ProblemError('printer-sheet-unreadable');
      let html: string;
      try {
        html = await fetchText(`${origin}${page}`);
      } catch {
        throw new ProblemError('printer-sheet-unreadable');
      }
      const reading = parseStatusSheet(html);
      if (!reading) throw new ProblemError('printer-sheet-unreadable');
      return reading;
    },
  };
}
