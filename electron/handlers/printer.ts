/**
 * Handlers for setting up the printer, its status sheet and the setup report
 * (shared/contract/printer.ts).
 */
import { z } from 'zod';
import type { PrinterApi, ReminderRequest, ReportWords } from '../../shared/contract/printer';
import { sendingMailbox } from '../../shared/account-story';
import type { SignedInAccount } from '../../shared/contract/signin';
import { supportedLanguages, type PrinterAccount } from '../../shared/model';
import { buildSignInReminder } from '../services/calendar/sign-in-reminder';
import { isTimeZone } from '../services/calendar/ics';
import type { Handler } from './table';
import { ProblemError } from '../common/problem-error';
import type { ExchangeSetupService } from '../services/exchange-setup';
import type { ProgressService } from '../services/progress-service';
import { buildSetupReport } from '../services/setup-report';
import type { TestMailWatcher } from '../services/delivery/test-mail-watcher';
import type { SignInService } from '../services/signin/signin-service';
import type { StatusSheetReader } from '../services/status-sheet';

/** What the shell does to save a report (Electron: save dialog, HTML or PDF); absent = none. */
export type SaveReport = (report: {
  html: string;
  fileName: string;
  format: 'html' | 'pdf';
}) => Promise<string | null>;

/** What the shell does to save a calendar file (Electron: save dialog); absent = none. */
export type SaveCalendar = (file: { ics: string; fileName: string }) => Promise<string | null>;

export interface PrinterServices {
  /** Progress as main holds it now (never re-read from disk). */
  progress: Pick<ProgressService, 'current'>;
  signIn: SignInService;
  exchange: ExchangeSetupService;
  /** Reads a chosen printer's status sheet from its web page (real and practice alike). */
  statusSheets: StatusSheetReader;
  product: string;
  saveReport?: SaveReport;
  saveCalendar?: SaveCalendar;
  now?: () => Date;
  /** The app's version, for the calendar's PRODID. */
  version?: string;
  /** The test-message watches, for the report. */
  testMail?: Pick<TestMailWatcher, 'list'>;
}

type PrinterHandlers = { [M in keyof PrinterApi]: Handler<M> };

const words = z
  .record(z.string().max(80), z.string().max(600))
  .refine((value) => Object.keys(value).length <= 200, { message: 'too many words' });

const reminderRequest = z
  .object({
    words: z
      .object({
        summary: z.string().min(1).max(300),
        description: z.string().min(1).max(2000),
        printerFallback: z.string().min(1).max(100),
      })
      .strict(),
    language: z.enum(supportedLanguages),
    timeZone: z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown time zone' }),
  })
  .strict();

export function createPrinterHandlers(services: PrinterServices): PrinterHandlers {
  const reminder = async (request: ReminderRequest) =>
    buildSignInReminder({
      progress: services.progress.current(),
      testWatches: services.testMail?.list() ?? {},
      words: request.words,
      language: request.language,
      timeZone: request.timeZone,
      product: services.product,
      version: services.version ?? '0',
      now: (services.now ?? (() => new Date()))(),
    });
  const report = async (reportWords: ReportWords) => {
    const progress = services.progress.current();
    const [status, setup] = await Promise.all([
      services.signIn.status(),
      services.exchange.describe(),
    ]);
    return buildSetupReport({
      progress,
      account: reportAccount(progress.printerAccount, status.account),
      smtp: { host: setup.smtpHost, port: setup.smtpPort },
      personal: setup.personal,
      practice: setup.practice,
      product: services.product,
      words: reportWords,
      now: (services.now ?? (() => new Date()))(),
      ...(services.testMail ? { testWatches: services.testMail.list() } : {}),
    });
  };
  return {
    readStatusSheet: {
      params: z.object({ printerId: z.string().min(1).max(300) }).strict(),
      async run({ printerId }) {
        // The address comes from progress (the main process's own record), never the renderer.
        const chosen = services.progress
          .current()
          .printers.find((printer) => printer.id === printerId);
        if (!chosen) throw new ProblemError('printer-sheet-unreadable');
        return services.statusSheets.read(chosen);
      },
    },
    buildSetupReport: {
      params: z.object({ words }).strict(),
      run: ({ words: reportWords }) => report(reportWords),
    },
    saveSetupReport: {
      params: z.object({ words, format: z.enum(['html', 'pdf']) }).strict(),
      async run({ words: reportWords, format }) {
        if (!services.saveReport) throw new ProblemError('report-save-cancelled');
        const built = await report(reportWords);
        const path = await services.saveReport({ ...built, format });
        if (!path) throw new ProblemError('report-save-cancelled');
        return { path };
      },
    },
    buildSignInReminder: {
      params: reminderRequest,
      run: (request) => reminder(request),
    },
    saveSignInReminder: {
      params: reminderRequest,
      async run(request) {
        if (!services.saveCalendar) throw new ProblemError('report-save-cancelled');
        const path = await services.saveCalendar(await reminder(request));
        if (!path) throw new ProblemError('report-save-cancelled');
        return { path };
      },
    },
  };
}

/** The report names the account story's sending mailbox (the printer's own, or the signed-in one). */
function reportAccount(
  story: PrinterAccount,
  signedIn: SignedInAccount | null,
): { username: string; tenantName: string | null } | null {
  const mailbox = sendingMailbox(story, signedIn?.username ?? null);
  return mailbox ? { username: mailbox, tenantName: signedIn?.tenantName ?? null } : null;
}
