/**
 * Setting up the printer, checking its status sheet and the setup report. The report is built
 * in the main process from what progress and the sign-in know; the renderer only sends the
 * words in the user's language (every one of them is escaped into the report).
 */
import type { SheetReading } from '../printer-setup';

/** Translated words for the report, by key (report.*, check names, states, field labels…). */
export type ReportWords = Record<string, string>;

export interface SetupReport {
  html: string;
  /** A suggested file name, e.g. printer-mail-setup-2026-11-23.html */
  fileName: string;
}

export interface PrinterApi {
  /**
   * The email server lines of a chosen practice printer's network status sheet (practice
   * mode only: the simulator's printers are the only ones the wizard reads a sheet from).
   */
  readPracticeStatusSheet: { params: { printerId: string }; result: SheetReading };
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
}
