/**
 * Saving the setup report (and the calendar reminder) from the Electron shell: the system save dialog, then HTML as built
 * or PDF printed by a hidden window that runs no script. The file is written atomically
 * (services/report-file.ts): an unwritable place gives a clear problem and no half file.
 */
import { BrowserWindow, dialog } from 'electron';
import type { SaveCalendar, SaveReport } from '../handlers/printer';
import { writeReportFile } from '../services/report-file';

async function renderPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await window.webContents.printToPDF({ printBackground: true });
  } finally {
    window.destroy();
  }
}

export function createSaveReport(parent: () => BrowserWindow | null): SaveReport {
  return async ({ html, fileName, format }) => {
    const defaultPath = format === 'pdf' ? fileName.replace(/\.html$/, '.pdf') : fileName;
    const options = {
      defaultPath,
      filters:
        format === 'pdf'
          ? [{ name: 'PDF', extensions: ['pdf'] }]
          : [{ name: 'HTML', extensions: ['html'] }],
    };
    const window = parent();
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    const data = format === 'pdf' ? await renderPdf(html) : html;
    return writeReportFile(choice.filePath, data);
  };
}

/** Saving the calendar reminder: the system save dialog, then the .ics written atomically. */
export function createSaveCalendar(parent: () => BrowserWindow | null): SaveCalendar {
  return async ({ ics, fileName }) => {
    const options = {
      defaultPath: fileName,
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    };
    const window = parent();
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    return writeReportFile(choice.filePath, ics);
  };
}
