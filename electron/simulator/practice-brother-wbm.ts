/**
 * The practice Brother's Web Based Management: the printer's own web page, in the manner of
 * Brother's (docs/sending-ways.md "The practice Brother's web page" names the sources and what
 * no source confirms). Its email settings (Network > Protocol > SMTP) offer Server
 * Authentication Method "None" and "SMTP-AUTH" (account and password) and no OAuth 2.0, as
 * the person says on its card; so a way to keep sending is entered here: the server, port,
 * SSL/TLS, authentication and the address the printer sends from.
 *
 * "Send Test E-mail" sends one message with the settings saved (Submit), the way the printer
 * sends its scans: to the server typed, which the practice printer resolves to the practice
 * world's servers on loopback (practice-smtp-route.ts): the practice MX for direct send and a
 * connector, the practice High Volume Email, or the practice Exchange's SMTP AUTH. What they
 * accept lands in the practice mailbox, where the wizard's test-message watch sees it.
 *
 * Labels stay in English in every language: no source read gives Brother's labels in the
 * wizard's other languages. The password is kept in this process's memory only, never shown.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import nodemailer from 'nodemailer';
import type { Language } from '../../shared/model';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';
import { exchangeMxHost } from './practice-dns';
import { escapeHtml, readForm, sendPracticePage } from './practice-http';
import { panelPaths } from './practice-printer-panel';
import { practiceSmtpRoute } from './practice-smtp-route';
import { practiceDomain } from './practice-tenant';
import type { PracticeContext } from './practice-world';

export const brotherWbmPaths = {
  top: '/',
  login: '/general/status.html',
  smtp: '/net/net/smtp.html',
  testSend: '/net/net/smtp_test.html',
} as const;

export const brotherAuthMethods = ['None', 'SMTP-AUTH'] as const;
export const brotherSslTls = ['None', 'SSL', 'TLS'] as const;

export interface BrotherSmtpSettings {
  server: string;
  port: number;
  auth: (typeof brotherAuthMethods)[number];
  account: string;
  /** In this process's memory only. */
  password: string;
  sslTls: (typeof brotherSslTls)[number];
  verifyCertificate: boolean;
  sender: string;
}

export interface BrotherTestResult {
  at: string;
  to: string;
  ok: boolean;
  /** The server's reply or what went wrong, as the printer shows it. */
  detail: string;
}

export interface PracticeBrotherWbm {
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** The settings saved with Submit (tests; never the password). */
  saved(): Omit<BrotherSmtpSettings, 'password'> & { passwordSet: boolean };
  /** Sends the test e-mail with the saved settings (tests, the bench). */
  sendTest(to: string): Promise<BrotherTestResult>;
  stop(): void;
}

const sessionCookie = 'BROTHER_PRACTICE_SESSION';

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

const isAddress = (text: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);

function frame(
  response: ServerResponse,
  view: { model: string; language: Language },
  title: readonly string[],
  body: string,
  status = 200,
): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title.join(' > '))} - ${escapeHtml(view.model)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,sans-serif;margin:0;color:#222;background:#fff}
.practice{background:#5b2d8c;color:#fff;padding:.3rem 1rem;font-size:.85rem;margin:0}
.bar{background:#0b3d91;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between}.bar h1{font-size:1.1rem;margin:0}
nav.tabs{background:#e6eef8;padding:.4rem 1rem}nav.tabs > span{margin-right:1rem}nav.tabs .on{font-weight:bold}
main{padding:1rem 1.5rem;max-width:48rem}table{border-collapse:collapse}td,th{padding:.35rem .6rem;text-align:left;vertical-align:top}
th{font-weight:normal;color:#333;white-space:nowrap}button{font:inherit;padding:.3rem 1.2rem;margin:.3rem .4rem .3rem 0}
.error{color:#b00}.ok{color:#060}.note{background:#fff8d8;padding:.5rem;border:1px solid #e0d090}
input[type=text],input[type=password],select{font:inherit;padding:.2rem}</style></head>
<body><header><p class="practice" role="note">Practice printer: this web page is the wizard's simulated ${escapeHtml(view.model)} on your computer.</p>
<div class="bar"><h1>${escapeHtml(view.model)}</h1><span>Web Based Management</span></div></header>
<nav class="tabs" aria-label="Tabs"><span>General</span><span>Address Book</span><span>Fax</span><span>Copy</span><span>Scan</span><span class="on">Network</span><span>Administrator</span></nav>
<main><h2>${escapeHtml(title.join(' > '))}</h2>${body}</main></body></html>`;
  sendPracticePage(response, status, html);
}

const redirect = (response: ServerResponse, to: string, cookie?: string): void => {
  response.writeHead(303, { Location: to, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  response.end();
};

const option = (value: string, selected: string): string =>
  `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(value)}</option>`;

function loginBody(error: string): string {
  return `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${brotherWbmPaths.login}"><p><label for="pw">Login</label><br>
<input type="password" id="pw" name="password" autocomplete="off" autofocus></p>
<p class="note">The default password is printed on the label of the machine, marked "Pwd". Practice printer: <strong>${practicePrinterAdminPassword}</strong></p>
<button type="submit">Login</button></form>`;
}

function smtpBody(view: {
  saved: BrotherSmtpSettings;
  flash: { ok: boolean; text: string } | null;
  lastTest: BrotherTestResult | null;
  lastTo: string;
}): string {
  const { saved, flash, lastTest, lastTo } = view;
  const radio = (value: string): string =>
    `<label><input type="radio" name="auth" value="${escapeHtml(value)}"${saved.auth === value ? ' checked' : ''}> ${escapeHtml(value)}</label>`;
  const test = lastTest
    ? `<p class="${lastTest.ok ? 'ok' : 'error'}" role="${lastTest.ok ? 'status' : 'alert'}" data-field="test-result" data-ok="${lastTest.ok}">${
        lastTest.ok
          ? `Test Send E-mail: OK (${escapeHtml(lastTest.to)})`
          : `Test Send E-mail: Error. ${escapeHtml(lastTest.detail)}`
      }</p>`
    : '';
  return `<p>Network &gt; Protocol &gt; SMTP &gt; Advanced Settings</p>
${flash ? `<p class="${flash.ok ? 'ok' : 'error'}" role="${flash.ok ? 'status' : 'alert'}">${escapeHtml(flash.text)}</p>` : ''}
<form method="post" action="${brotherWbmPaths.smtp}"><table>
<tr><th><label for="server">Server Address</label></th><td><input type="text" id="server" name="server" value="${escapeHtml(saved.server)}" autocomplete="off" size="40"></td></tr>
<tr><th><label for="port">SMTP Port</label></th><td><input type="text" id="port" name="port" value="${saved.port}" autocomplete="off" size="6" inputmode="numeric"></td></tr>
<tr><th id="auth-label">Server Authentication Method</th><td role="radiogroup" aria-labelledby="auth-label">${brotherAuthMethods.map(radio).join('<br>')}</td></tr>
<tr><th><label for="account">SMTP-AUTH Account Name</label></th><td><input type="text" id="account" name="account" value="${escapeHtml(saved.account)}" autocomplete="off" size="40"></td></tr>
<tr><th><label for="password">SMTP-AUTH Account Password</label></th><td><input type="password" id="password" name="password" value="" autocomplete="new-password" placeholder="${saved.password ? '********' : ''}"></td></tr>
<tr><th><label for="ssl">SSL/TLS</label></th><td><select id="ssl" name="ssl">${brotherSslTls.map((value) => option(value, saved.sslTls)).join('')}</select></td></tr>
<tr><th><label for="verify">Verify Server Certificate</label></th><td><input type="checkbox" id="verify" name="verify" value="on"${saved.verifyCertificate ? ' checked' : ''}></td></tr>
<tr><th><label for="sender">Device E-mail Address</label></th><td><input type="text" id="sender" name="sender" value="${escapeHtml(saved.sender)}" autocomplete="off" size="40"></td></tr>
</table>
<p><button type="submit" name="action" value="submit">Submit</button></p></form>
<section id="test-email" aria-labelledby="test-email-title"><h3 id="test-email-title">Send Test E-mail</h3>
<p>Sends one e-mail with the settings submitted above.</p>
<form method="post" action="${brotherWbmPaths.testSend}"><p><label for="to">Destination E-mail Address</label><br>
<input type="text" id="to" name="to" value="${escapeHtml(lastTo)}" autocomplete="off" size="40"></p>
<p><button type="submit">Send Test E-mail</button></p></form>${test}</section>`;
}

export function createPracticeBrotherWbm(options: {
  model: string;
  context: () => PracticeContext | null;
}): PracticeBrotherWbm {
  const sessions = new Set<string>();
  let saved: BrotherSmtpSettings = {
    server: '',
    port: 25,
    auth: 'None',
    account: '',
    password: '',
    sslTls: 'None',
    verifyCertificate: false,
    sender: '',
  };
  let flash: { ok: boolean; text: string } | null = null;
  let lastTest: BrotherTestResult | null = null;
  let lastTo = '';

  const view = (): { model: string; language: Language } => ({
    model: options.model,
    language: options.context()?.language() ?? 'en',
  });

  const loggedIn = (request: IncomingMessage): boolean => {
    const cookies = request.headers.cookie ?? '';
    const match = new RegExp(`(?:^|;\\s*)${sessionCookie}=([\\w-]+)`).exec(cookies);
    return match?.[1] !== undefined && sessions.has(match[1]);
  };

  async function sendTest(to: string): Promise<BrotherTestResult> {
    const done = (ok: boolean, detail: string): BrotherTestResult => {
      lastTest = { at: new Date().toISOString(), to, ok, detail: detail.slice(0, 400) };
      return lastTest;
    };
    const context = options.context();
    if (!context) return done(false, 'Offline.');
    if (!saved.server) return done(false, 'Enter the Server Address and press Submit.');
    if (!isAddress(saved.sender)) return done(false, 'Enter the Device E-mail Address.');
    const route = practiceSmtpRoute(
      { server: saved.server, port: saved.port },
      exchangeMxHost(practiceDomain),
      context.cloudProfile(),
    );
    if (route.kind === 'not-found') return done(false, `Server not found: ${saved.server}.`);
    if (route.kind === 'refused') {
      return done(false, `Could not connect to ${saved.server} on port ${saved.port}.`);
    }
    const transporter = nodemailer.createTransport({
      host: route.host,
      port: route.port,
      name: 'BRN3C2AF4123456',
      secure: saved.sslTls === 'SSL',
      requireTLS: saved.sslTls === 'TLS',
      ignoreTLS: saved.sslTls === 'None',
      tls: {
        minVersion: 'TLSv1.2',
        // The printer's certificate store, as a real one trusts Microsoft's CA.
        ca: [context.certificate.cert],
        rejectUnauthorized: saved.verifyCertificate,
        // The practice certificate names loopback, not Microsoft's hosts: its chain is checked.
        checkServerIdentity: () => undefined,
      },
      ...(saved.auth === 'SMTP-AUTH'
        ? { auth: { user: saved.account, pass: saved.password } }
        : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await transporter.sendMail({
        from: saved.sender,
        to,
        envelope: { from: saved.sender, to: [to] },
        subject: `Test E-mail from ${options.model}`,
        text: `This is a test e-mail from ${options.model}.`,
      });
      return done(true, '');
    } catch (error) {
      const reply = (error as { response?: unknown }).response;
      const message = error instanceof Error ? error.message : String(error);
      return done(false, typeof reply === 'string' ? reply : message);
    } finally {
      transporter.close();
    }
  }

  function smtpPage(response: ServerResponse): void {
    frame(
      response,
      view(),
      ['Network', 'Protocol', 'SMTP'],
      smtpBody({ saved, flash, lastTest, lastTo }),
    );
    flash = null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://printer.invalid').pathname;
    // The wizard's "Open the practice printer's control panel": Brother's test is on this page.
    if (request.method === 'GET' && path === panelPaths.scanToEmail) {
      request.resume();
      redirect(response, `${brotherWbmPaths.smtp}#test-email`);
      return true;
    }
    if (!(Object.values(brotherWbmPaths) as string[]).includes(path)) return false;
    if (path === brotherWbmPaths.login && request.method === 'POST') {
      const form = await readForm(request);
      if (form.get('password') !== practicePrinterAdminPassword) {
        frame(response, view(), ['Login'], loginBody('Wrong password.'), 400);
        return true;
      }
      const session = randomBytes(18).toString('base64url');
      sessions.add(session);
      redirect(
        response,
        brotherWbmPaths.smtp,
        `${sessionCookie}=${session}; Path=/; HttpOnly; SameSite=Strict`,
      );
      return true;
    }
    if (!loggedIn(request)) {
      request.resume();
      if (path === brotherWbmPaths.login || path === brotherWbmPaths.top) {
        frame(response, view(), ['Login'], loginBody(''));
      } else {
        redirect(response, brotherWbmPaths.login);
      }
      return true;
    }
    if (request.method === 'GET') {
      request.resume();
      if (path === brotherWbmPaths.smtp) smtpPage(response);
      else redirect(response, brotherWbmPaths.smtp);
      return true;
    }
    const form = await readForm(request);
    if (path === brotherWbmPaths.smtp) {
      const port = Number((form.get('port') ?? '').trim());
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        flash = { ok: false, text: 'SMTP Port: enter a number from 1 to 65535.' };
        smtpPage(response);
        return true;
      }
      const typedPassword = form.get('password') ?? '';
      saved = {
        server: (form.get('server') ?? '').trim().slice(0, 253),
        port,
        auth: pick(brotherAuthMethods, form.get('auth'), saved.auth),
        account: (form.get('account') ?? '').trim().slice(0, 320),
        // Left empty: the password saved before stays (the page never shows it).
        password: typedPassword ? typedPassword.slice(0, 256) : saved.password,
        sslTls: pick(brotherSslTls, form.get('ssl'), saved.sslTls),
        verifyCertificate: form.get('verify') === 'on',
        sender: (form.get('sender') ?? '').trim().slice(0, 320),
      };
      flash = { ok: true, text: 'The settings were saved.' };
      // The last test was sent with the settings before: no longer what the page shows.
      lastTest = null;
      redirect(response, brotherWbmPaths.smtp);
      return true;
    }
    if (path === brotherWbmPaths.testSend) {
      lastTo = (form.get('to') ?? '').trim().slice(0, 320);
      if (!isAddress(lastTo)) {
        lastTest = {
          at: new Date().toISOString(),
          to: lastTo,
          ok: false,
          detail: 'Enter the Destination E-mail Address.',
        };
      } else {
        await sendTest(lastTo);
      }
      redirect(response, `${brotherWbmPaths.smtp}#test-email`);
      return true;
    }
    redirect(response, brotherWbmPaths.smtp);
    return true;
  }

  return {
    handle,
    saved: () => {
      const { password, ...rest } = saved;
      return { ...rest, passwordSet: password !== '' };
    },
    sendTest,
    stop() {
      sessions.clear();
      saved = { ...saved, password: '' };
    },
  };
}
