/**
 * The practice printer's control panel, as a page of the practice printer (Scan > Email): the
 * trainee types the recipient and a subject and presses Start, and the practice printer sends
 * one "scan" by email the way the real one does: with ITS OWN OAuth sign-in (the refresh token
 * its Web Config sign-in got), a fresh access token from the practice tenant's token endpoint,
 * then SMTP with STARTTLS and XOAUTH2 to the SMTP server the settings sent to the printer name.
 * So a printer whose sign-in, mailbox or Exchange settings are wrong really fails, with the
 * practice Exchange's real reply in the job log.
 *
 * The `testMessage` switch 'wrong-sender' makes the printer send under another practice
 * account (megan@): as when someone signed the printer in with their own account.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import nodemailer from 'nodemailer';
import type { Language } from '../../shared/model';
import { escapeHtml, readForm, sendPracticePage } from './practice-http';
import { practiceLabelHtml } from './practice-labels';
import { postForm } from './practice-printer-signin';
import { practiceAccounts, practiceClientIds, practiceTenantId } from './practice-tenant';
import type { PracticeContext } from './practice-world';

export const panelPaths = {
  scanToEmail: '/PANEL/SCAN/EMAIL',
  start: '/PANEL/SCAN/EMAIL/START',
  jobLog: '/PANEL/JOBLOG',
} as const;

/** What the printer's Web Config sent to the printer (OK), and its sign-in. */
export interface PrinterMailIdentity {
  method: string;
  service: string;
  sender: string;
  signedIn: boolean;
  account: string;
  smtpHost: string;
  smtpPort: number;
  secure: string;
  certificateValidation: boolean;
  /** The printer's own refresh token (in process only, never shown). */
  refreshToken: string | null;
}

export interface PanelJob {
  at: string;
  to: string;
  subject: string;
  result: 'completed' | 'error';
  /** The printer's error code (Epson's job log codes; reference G) and the server's words. */
  code: string;
  detail: string;
}

export interface PracticePrinterPanel {
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Sends one scan to email now (tests, the bench); resolves with the job log entry. */
  send(to: string, subject: string): Promise<PanelJob>;
  jobs(): PanelJob[];
}

const wrongSenderAccount = 'megan@contoso.example';

/** Scan > Email with the job log, newest first. */
function sendPanelPage(
  response: ServerResponse,
  view: {
    model: string;
    log: readonly PanelJob[];
    lastTo: string;
    flash: string;
    language: Language;
  },
): void {
  const { model, log, lastTo, flash, language } = view;
  const say = (english: string | readonly string[]): string => practiceLabelHtml(english, language);
  const rows = [...log]
    .reverse()
    .map(
      (job) =>
        `<tr><td>${escapeHtml(job.at.slice(11, 19))}</td><td>${escapeHtml(job.to)}</td><td data-field="job-result">${
          job.result === 'completed'
            ? 'Completed'
            : job.code
              ? `Error code ${escapeHtml(job.code)}`
              : 'Error'
        }</td><td>${escapeHtml(job.detail)}</td></tr>`,
    )
    .join('');
  sendPracticePage(
    response,
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scan to Email - ${escapeHtml(model)} panel</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,sans-serif;margin:0;color:#222}.practice{background:#5b2d8c;color:#fff;padding:.3rem 1rem;font-size:.85rem;margin:0}
.bar{background:#1d3c6e;color:#fff;padding:.6rem 1rem}.bar h1{font-size:1.1rem;margin:0}main{padding:1rem 1.5rem;max-width:46rem}
td,th{padding:.3rem .6rem;text-align:left}button{font:inherit;padding:.4rem 1.6rem}.ok{color:#060}input{font:inherit;padding:.2rem;width:20rem}</style></head>
<body><header><p class="practice" role="note">Practice printer: this is the control panel of the wizard's simulated ${escapeHtml(model)}.</p>
<div class="bar"><h1>${escapeHtml(model)} - ${say(['Scan', 'Email'])}</h1></div></header><main>
${flash ? `<p class="ok" role="status">${escapeHtml(flash)}</p>` : ''}
<form method="post" action="${panelPaths.start}"><table>
<tr><th><label for="to">${say('Recipient')}</label></th><td><input type="text" id="to" name="to" value="${escapeHtml(lastTo)}" autocomplete="off"></td></tr>
<tr><th><label for="subject">${say('Subject')}</label></th><td><input type="text" id="subject" name="subject" autocomplete="off"></td></tr>
</table><p><button type="submit">${say('Start')}</button></p></form>
<h2>${say('Job Log')}</h2><table><thead><tr><th>Time</th><th>${say('Recipient')}</th><th>Result</th><th>Details</th></tr></thead><tbody>${rows}</tbody></table>
</main></body></html>`,
  );
}

export function createPracticePrinterPanel(options: {
  model: string;
  context: () => PracticeContext | null;
  identity: () => PrinterMailIdentity | null;
  /** Keeps the new refresh token the tenant hands out with each refresh (they rotate). */
  rememberRefreshToken: (token: string) => void;
  /** Microsoft refused the printer's sign-in for good (expired, revoked): it must sign in again. */
  signInLapsed: () => void;
}): PracticePrinterPanel {
  const log: PanelJob[] = [];
  let lastTo = '';

  const record = (job: Omit<PanelJob, 'at'>): PanelJob => {
    const entry = { at: new Date().toISOString(), ...job };
    log.push(entry);
    if (log.length > 20) log.shift();
    return entry;
  };

  /** The access token the printer would use, from its own sign-in (or megan's, see above). */
  async function accessToken(
    context: PracticeContext,
    identity: PrinterMailIdentity,
  ): Promise<{ token: string; account: string } | { code: string; detail: string }> {
    if (context.settings().testMessage === 'wrong-sender') {
      const megan = practiceAccounts.find((account) => account.upn === wrongSenderAccount);
      if (megan) {
        return {
          account: megan.upn,
          token: context.tokens.issue({
            aud: 'https://outlook.office.com',
            scp: 'SMTP.Send',
            upn: megan.upn,
            oid: megan.oid,
            tid: practiceTenantId,
            appid: practiceClientIds.printer,
          }),
        };
      }
    }
    const profile = context.cloudProfile();
    if (!identity.refreshToken || !profile.authorityHost || !profile.smtpScope) {
      return {
        code: '370',
        detail:
          'To use this feature, you must sign in to your email service. Contact your administrator.',
      };
    }
    const tenant = identity.service === 'Outlook.com' ? 'consumers' : 'organizations';
    let answer: { status: number; body: Record<string, unknown> };
    try {
      answer = await postForm(
        `${profile.authorityHost}/${tenant}/oauth2/v2.0/token`,
        {
          grant_type: 'refresh_token',
          client_id: practiceClientIds.printer,
          refresh_token: identity.refreshToken,
          scope: `${profile.smtpScope} offline_access`,
        },
        context.certificate.cert,
      );
    } catch {
      return { code: '360', detail: 'Could not connect to the email service.' };
    }
    const token = answer.body['access_token'];
    const rotated = answer.body['refresh_token'];
    if (typeof rotated === 'string') options.rememberRefreshToken(rotated);
    if (answer.status === 200 && typeof token === 'string') {
      return { token, account: identity.account };
    }
    const description = answer.body['error_description'];
    // invalid_grant ends the sign-in (RFC 6749 §5.2); busy or throttled answers do not.
    if (answer.body['error'] === 'invalid_grant') options.signInLapsed();
    return {
      code: '361',
      detail: typeof description === 'string' ? description.slice(0, 300) : 'Sign-in expired.',
    };
  }

  async function send(to: string, subject: string): Promise<PanelJob> {
    const context = options.context();
    const identity = options.identity();
    const job = { to, subject };
    if (!context) return record({ ...job, result: 'error', code: '360', detail: 'Offline.' });
    if (!identity || identity.method !== 'OAuth2' || !identity.signedIn) {
      return record({
        ...job,
        result: 'error',
        code: '370',
        detail:
          'To use this feature, you must sign in to your email service. Contact your administrator.',
      });
    }
    const token = await accessToken(context, identity);
    if (!('token' in token)) return record({ ...job, result: 'error', ...token });
    const from = token.account === identity.account ? identity.sender : token.account;
    const transporter = nodemailer.createTransport({
      host: identity.smtpHost,
      port: identity.smtpPort,
      secure: identity.secure === 'SSL/TLS',
      requireTLS: identity.secure === 'STARTTLS',
      ignoreTLS: identity.secure === 'None',
      tls: {
        minVersion: 'TLSv1.2',
        ca: [context.certificate.cert],
        rejectUnauthorized: identity.certificateValidation,
      },
      auth: { type: 'OAuth2', user: token.account, accessToken: token.token },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await transporter.sendMail({
        from,
        to,
        envelope: { from, to: [to] },
        subject,
        text: `Scanned document from ${options.model}.`,
        attachments: [
          {
            filename: 'img-0001.pdf',
            content: '%PDF-1.4\n% practice scan\n',
            contentType: 'application/pdf',
          },
        ],
      });
      return record({ ...job, result: 'completed', code: '', detail: '' });
    } catch (error) {
      const response = (error as { response?: unknown }).response;
      const message = error instanceof Error ? error.message : String(error);
      return record({
        ...job,
        result: 'error',
        code: '',
        detail: (typeof response === 'string' ? response : message).slice(0, 400),
      });
    } finally {
      transporter.close();
    }
  }

  const panelPage = (response: ServerResponse, flash = ''): void =>
    sendPanelPage(response, {
      model: options.model,
      log,
      lastTo,
      flash,
      language: options.context()?.language() ?? 'en',
    });

  return {
    send,
    jobs: () => log.map((job) => ({ ...job })),
    async handle(request, response) {
      const path = new URL(request.url ?? '/', 'http://printer.invalid').pathname;
      if (
        request.method === 'GET' &&
        (path === panelPaths.scanToEmail || path === panelPaths.jobLog)
      ) {
        request.resume();
        panelPage(response);
        return true;
      }
      if (request.method === 'POST' && path === panelPaths.start) {
        const form = await readForm(request);
        const to = (form.get('to') ?? '').trim().slice(0, 320);
        const subject = (form.get('subject') ?? '').trim().slice(0, 200) || 'Scan';
        lastTo = to;
        if (!/^[^@\s]+@[^@\s]+$/.test(to)) {
          panelPage(response, 'Enter the recipient email address.');
          return true;
        }
        const job = await send(to, subject);
        panelPage(
          response,
          job.result === 'completed'
            ? 'Sending completed.'
            : `Sending failed.${job.code ? ` Error code ${job.code}.` : ''}`,
        );
        return true;
      }
      return false;
    },
  };
}
