/**
 * Setting up the printer, checking its status sheet and the setup report. The report is built
 * in the main process from what progress and the sign-in know; the renderer only sends the
 * words in the user's language (every one of them is escaped into the report).
 */
import type { Language } from '../model';
import type { SheetReading } from '../printer-setup';

/** Translated words for the report, by key (report.*, check names, states, field labels…). */
export type ReportWords = Record<string, string>;

export interface SetupReport {
  html: string;
  /** A suggested file name, e.g. printer-mail-setup-2026-11-23.html */
  fileName: string;
}

/**
 * The calendar reminder's words in the person's language; {{printer}} and {{date}} (the day the
 * sign-in lapses) are filled in by the main process from its own record.
 */
export interface ReminderWords {
  summary: string;
  description: string;
  /** Names the printer when none was chosen ("the printer"). */
  printerFallback: string;
}

/** What Done asks for a reminder with: the words, their language and the person's time zone. */
export interface ReminderRequest {
  words: ReminderWords;
  language: Language;
  /** IANA name, e.g. Europe/Kyiv (Intl.DateTimeFormat().resolvedOptions().timeZone). */
  timeZone: string;
}

export interface SignInReminder {
  /** The iCalendar file (RFC 5545), CRLF line ends. */
  ics: string;
  /** A suggested file name, e.g. printer-sign-in-reminder-2027-02-14.ics */
  fileName: string;
}

export interface PrinterApi {
  /**
   * The email server lines of a chosen printer's network status sheet, read from its own web
   * page where its make's profile names the sheet page (`statusSheetPage`); otherwise the
   * problem `printer-sheet-unreadable` and the person reads the sheet.
   */
  readStatusSheet: { params: { printerId: string }; result: SheetReading };
  /** The setup report as one self-contained HTML page. */
  buildSetupReport: { params: { words: ReportWords }; result: SetupReport };
  /**
   * Electron shell: asks where to save (save dialog) and writes HTML or PDF there. The browser
   * shell answers the problem `report-save-cancelled`: its page downloads the report itself.
   */
  saveSetupReport: {
    params: { words: ReportWords; format: 'html' | 'pdf' };
    result: { path: string };
  };
  /**
   * A calendar reminder (.ics) for the day to check each printer that may have sent nothing:
   * a week before its sign-in lapses after 90 days unused (shared/sign-in-lapse.ts).
   */
  buildSignInReminder: { params: ReminderRequest; result: SignInReminder };
  /**
   * Electron shell: save dialog, then writes the .ics. The browser shell answers the problem
   * `report-save-cancelled`: its page downloads the file itself.
   */
  saveSignInReminder: { params: ReminderRequest; result: { path: string } };
}
