/**
 * The practice printers' Web Config: enough of Epson's screens to rehearse the guide's steps
 * 1-12 (reference G.1; the Email Server > Basic path is invented, Epson's is unpublished).
 *
 * - Log in with the practice administrator password (a session cookie, HttpOnly, SameSite).
 * - Network > Email Server > Basic: Authentication Method, Email service, Sign In, the fields
 *   the guide shows, and OK, which "sends the settings to the printer" (only then does the
 *   status sheet show them, as on a real printer).
 * - Sign In > Sign in with Microsoft runs the printer's own device-code sign-in against the
 *   practice tenant (practice-printer-signin.ts).
 * - A network status sheet page (and `sheet()` in process) that reflects what was sent.
 *
 * Every value shown is escaped; tokens stay in this process's memory and are never shown.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  practicePrinterAdminPassword,
  sheetLineLabels,
  statusFieldIds,
  type SheetReading,
  type StatusFieldId,
} from '../../shared/printer-setup';
import type { Language } from '../../shared/model';
import { epsonStatusSheetPage, type VendorProfileId } from '../../shared/vendor-profiles';
import { escapeHtml, readForm, sendPracticePage } from './practice-http';
import { createPracticePrinterPanel, type PracticePrinterPanel } from './practice-printer-panel';
import { createPracticePrinterSignIn, type PrinterSignInState } from './practice-printer-signin';
import { practiceLabel, practiceLabelHtml } from './practice-labels';
import type { PracticeContext } from './practice-world';

export { practicePrinterAdminPassword };

/** The make whose Web Config this imitates (its walkthrough is the one the pages follow). */
export const practiceWebConfigOf: VendorProfileId = 'epson';

export const webConfigPaths = {
  top: '/PRESENTATION/BONJOUR',
  login: '/PRESENTATION/ADVANCED/PASSWORD/SET',
  basic: '/PRESENTATION/ADVANCED/NWS_EMAIL_BASIC/TOP',
  basicSet: '/PRESENTATION/ADVANCED/NWS_EMAIL_BASIC/SET',
  signIn: '/PRESENTATION/ADVANCED/NWS_EMAIL_SIGNIN/TOP',
  signInStart: '/PRESENTATION/ADVANCED/NWS_EMAIL_SIGNIN/SET',
  statusSheet: epsonStatusSheetPage,
} as const;

const methods = ['OAuth2', 'SMTP-AUTH', 'POP before SMTP', 'Off'] as const;
const services = ['Microsoft Exchange Online', 'Outlook.com'] as const;
const secureConnections = ['STARTTLS', 'SSL/TLS', 'None'] as const;

type Method = (typeof methods)[number];
type Service = (typeof services)[number];

interface Draft {
  method: Method;
  service: Service;
  sender: string;
  secure: (typeof secureConnections)[number];
  certificateValidation: boolean;
}

interface Committed extends Draft {
  signedIn: boolean;
  account: string;
  smtpHost: string;
  smtpPort: number;
}

export interface PracticeWebConfig {
  /** Answers a Web Config request; false when the path is not Web Config's. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** The network status sheet's Email Server lines, as the printer would print them. */
  sheet(): SheetReading;
  /** What the printer's own sign-in did, for tests (never a token). */
  signInState(): PrinterSignInState['state'];
  /** The printer's control panel (Scan > Email), which sends with this sign-in. */
  readonly panel: PracticePrinterPanel;
  stop(): void;
}

const sessionCookie = 'EPSON_COOKIE_SESSION';

/** One Web Config page in the printer's own frame, with the practice note above it. */
function page(
  response: ServerResponse,
  view: { model: string; language: Language },
  title: string | readonly string[],
  body: string,
  extraHead = '',
  status = 200,
): void {
  const { model, language } = view;
  const titleText = typeof title === 'string' ? title : title.join(' > ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(titleText)} - Web Config</title>${extraHead}
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,sans-serif;margin:0;color:#222;background:#fff}
.bar{background:#1d3c6e;color:#fff;padding:.6rem 1rem}
.bar h1{font-size:1.1rem;margin:0}.practice{background:#5b2d8c;color:#fff;padding:.3rem 1rem;font-size:.85rem;margin:0}
nav.tabs{background:#e8edf5;padding:.4rem 1rem}nav.tabs > span{margin-right:1rem}nav.tabs .on{font-weight:bold}
main{padding:1rem 1.5rem;max-width:46rem}table{border-collapse:collapse}td,th{padding:.35rem .6rem;text-align:left;vertical-align:top}
th{font-weight:normal;color:#333;white-space:nowrap}button{font:inherit;padding:.3rem 1.2rem;margin:.3rem .4rem .3rem 0}
.code{font-size:1.6rem;font-weight:bold;letter-spacing:.1rem}.error{color:#b00}.ok{color:#060}.note{background:#fff8d8;padding:.5rem;border:1px solid #e0d090}
input[type=text],input[type=password],select{font:inherit;padding:.2rem}</style></head>
<body><header><p class="practice" role="note">Practice printer: this Web Config is the wizard's simulated ${escapeHtml(model)} on your computer.</p>
<div class="bar"><h1>${escapeHtml(model)} Web Config</h1></div></header>
<main><h2>${practiceLabelHtml(title, language)}</h2>${body}</main></body></html>`;
  sendPracticePage(response, status, html);
}

const redirect = (response: ServerResponse, to: string, cookie?: string): void => {
  response.writeHead(303, { Location: to, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  response.end();
};

const tabs = (language: Language): string =>
  `<nav class="tabs" aria-label="Tabs"><span>Status</span><span class="on">${practiceLabelHtml('Network', language)}</span><span>Scan/Copy</span><span>Fax</span><span>Product Security</span></nav>`;

const option = (value: string, selected: string): string =>
  `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(value)}</option>`;

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

function loginPage(
  response: ServerResponse,
  view: { model: string; language: Language },
  error = '',
): void {
  page(
    response,
    view,
    'Administrator Login',
    `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${webConfigPaths.login}"><p><label for="pw">Current password</label><br>
<input type="password" id="pw" name="INPUTT_PASSWORD" autocomplete="off" autofocus></p>
<p class="note">The default password is the product serial number, on a label on the printer. Practice printer: <strong>${practicePrinterAdminPassword}</strong></p>
<button type="submit">${practiceLabelHtml('OK', view.language)}</button></form>`,
    '',
    error ? 400 : 200,
  );
}

/** What the status sheet prints for what was last sent to the printer (OK). */
function sheetOf(committed: Committed | null): SheetReading {
  if (!committed) {
    return {
      authenticationMethod: 'SMTP-AUTH',
      emailService: '',
      currentStatus: '',
      authenticatedAccount: '',
      senderAddress: '',
      smtpServer: '',
      smtpPort: '25',
      secureConnection: 'None',
      certificateValidation: 'Enable',
    };
  }
  const oauth = committed.method === 'OAuth2';
  return {
    authenticationMethod: committed.method,
    emailService: oauth ? committed.service : '',
    currentStatus: oauth ? (committed.signedIn ? 'Signed in' : 'Not signed in') : '',
    authenticatedAccount: oauth && committed.signedIn ? committed.account : '',
    senderAddress: committed.sender,
    smtpServer: committed.smtpHost,
    smtpPort: String(committed.smtpPort),
    secureConnection: committed.secure,
    certificateValidation: committed.certificateValidation ? 'Enable' : 'Disable',
  };
}

function statusSheetPage(
  response: ServerResponse,
  view: { model: string; language: Language },
  reading: SheetReading,
): void {
  const values: Record<StatusFieldId, string> = {
    'authentication-method': reading.authenticationMethod,
    'email-service': reading.emailService,
    'current-status': reading.currentStatus,
    'authenticated-account': reading.authenticatedAccount,
    'sender-address': reading.senderAddress,
    'smtp-server': reading.smtpServer,
    'smtp-port': reading.smtpPort,
    'secure-connection': reading.secureConnection,
    'certificate-validation': reading.certificateValidation,
  };
  const rows = statusFieldIds.map((id) => [id, sheetLineLabels[id], values[id]] as const);
  page(
    response,
    view,
    'Network Status Sheet',
    `<h3>Email Server Status</h3><table>${rows
      .map(
        ([id, label, value]) =>
          `<tr><th>${practiceLabelHtml(label, view.language)}</th><td data-field="${id}">${escapeHtml(value || '-')}</td></tr>`,
      )
      .join('')}</table>`,
  );
}

/** Network > Email Server > Basic: the form as it stands, with the printer's sign-in state. */
function basicPageBody(view: {
  draft: Draft;
  current: PrinterSignInState;
  endpoint: { host: string; port: number };
  flash: string;
  language: Language;
}): string {
  const { draft, current, endpoint, flash, language } = view;
  const say = (english: string | readonly string[]): string => practiceLabelHtml(english, language);
  // The English value stays the marked field (the wizard and the tests read it); its words beside.
  const signedIn = practiceLabel('Signed in', language);
  const signedInHtml =
    signedIn === 'Signed in'
      ? '<strong data-field="current-status">Signed in</strong>'
      : `<strong><span lang="${language}">${escapeHtml(signedIn.slice(0, -' (Signed in)'.length))}</span> (<span data-field="current-status">Signed in</span>)</strong>`;
  const status =
    current.state === 'signed-in'
      ? `<tr><th>${say('Current Status')}</th><td>${signedInHtml} <button type="submit" name="action" value="signout">${say('Sign Out')}</button></td></tr>
<tr><th>${say('Authenticated Account')}</th><td data-field="authenticated-account">${escapeHtml(current.account)}</td></tr>
<tr><th>${say('Authenticated Password')}</th><td>*****</td></tr>`
      : `<tr><th>${say('Current Status')}</th><td><button type="submit" name="action" value="signin">${say('Sign In')}</button>${
          current.state === 'failed'
            ? ` <span class="error" role="alert">${escapeHtml(current.message)}</span>`
            : ''
        }</td></tr>`;
  return `${tabs(language)}<p>${say(['Network', 'Email Server', 'Basic'])}</p>
${flash ? `<p class="ok" role="status">${escapeHtml(flash)}</p>` : ''}
<p class="note">The certificate is required to use a secure function of the email server. Make settings on the following page.<br>- ${say('CA Certificate')}<br>- ${say('Root Certificate Update')}</p>
<form method="post" action="${webConfigPaths.basicSet}"><table>
<tr><th><label for="method">${say('Authentication Method')}</label></th><td><select id="method" name="method">${methods.map((value) => option(value, draft.method)).join('')}</select></td></tr>
<tr><th><label for="service">${say('Email service')}</label></th><td><select id="service" name="service">${services.map((value) => option(value, draft.service)).join('')}</select></td></tr>
${status}
<tr><th><label for="sender">${say("Sender's Email Address")}</label></th><td><input type="text" id="sender" name="sender" value="${escapeHtml(draft.sender)}" autocomplete="off"></td></tr>
<tr><th>${say('SMTP Server Address')}</th><td>${escapeHtml(endpoint.host)}</td></tr>
<tr><th>${say('SMTP Server Port Number')}</th><td>${endpoint.port}</td></tr>
<tr><th><label for="secure">${say('Secure Connection')}</label></th><td><select id="secure" name="secure">${secureConnections.map((value) => option(value, draft.secure)).join('')}</select></td></tr>
<tr><th>${say('Certificate Validation')}</th><td><label><input type="radio" name="validation" value="enable"${draft.certificateValidation ? ' checked' : ''}> ${say('Enable')}</label>
<label><input type="radio" name="validation" value="disable"${draft.certificateValidation ? '' : ' checked'}> ${say('Disable')}</label></td></tr>
</table>
<p>It is recommended to enable the Certificate Validation.</p>
<p><button type="submit" name="action" value="ok">${say('OK')}</button></p></form>`;
}

/** Sign In: "Sign in with Microsoft", then the code and the link while the printer waits. */
function signInPage(
  response: ServerResponse,
  shown: { model: string; language: Language },
  current: PrinterSignInState,
): void {
  if (current.state === 'signed-in' || current.state === 'failed') {
    redirect(response, webConfigPaths.basic);
    return;
  }
  const say = (english: string): string => practiceLabelHtml(english, shown.language);
  if (current.state === 'waiting') {
    page(
      response,
      shown,
      'Sign In',
      `<p>Copy the code, then click the URL to open the authentication screen.</p>
<p class="code" data-field="user-code">${escapeHtml(current.userCode)}</p>
<p><a href="${escapeHtml(current.verificationUri)}" target="_blank" rel="noopener noreferrer">${escapeHtml(current.verificationUri)}</a></p>
<p>This screen changes when the sign-in is complete.</p>
<form method="post" action="${webConfigPaths.signInStart}"><button type="submit" name="action" value="cancel">${say('Cancel')}</button></form>`,
      '<meta http-equiv="refresh" content="2">',
    );
    return;
  }
  page(
    response,
    shown,
    'Sign In',
    `<p>Sign in to your email service.</p>
<form method="post" action="${webConfigPaths.signInStart}"><button type="submit" name="action" value="microsoft">${say('Sign in with Microsoft')}</button>
<button type="submit" name="action" value="cancel">${say('Cancel')}</button></form>`,
  );
}

export function createPracticeWebConfig(options: {
  model: string;
  context: () => PracticeContext | null;
}): PracticeWebConfig {
  const sessions = new Set<string>();
  let draft: Draft = {
    method: 'SMTP-AUTH',
    service: 'Microsoft Exchange Online',
    sender: '',
    secure: 'STARTTLS',
    certificateValidation: true,
  };
  let committed: Committed | null = null;
  let flash = '';
  const signIn = createPracticePrinterSignIn({
    context: options.context,
    onSignedIn: (account) => {
      if (!draft.sender) draft = { ...draft, sender: account };
    },
  });
  const panel = createPracticePrinterPanel({
    model: options.model,
    context: options.context,
    identity: () =>
      committed && {
        ...committed,
        // The printer keeps using its stored sign-in until it is signed out.
        refreshToken: committed.signedIn ? signIn.refreshToken() : null,
      },
    rememberRefreshToken: (token) => signIn.rememberRefreshToken(token),
    // After error 361 Web Config offers Sign In again, the fix the guide gives (best guess: no
    // capture shows what an Epson's page says after its sign-in expired).
    signInLapsed: () => {
      signIn.forget();
      if (committed) committed = { ...committed, signedIn: false, account: '' };
    },
  });

  /** The printer's model and the wizard's language, for each page drawn. */
  const view = (): { model: string; language: Language } => ({
    model: options.model,
    language: options.context()?.language() ?? 'en',
  });

  const smtpEndpoint = (): { host: string; port: number } => {
    const profile = options.context()?.cloudProfile() ?? {};
    return { host: profile.smtpHost ?? 'smtp.office365.com', port: profile.smtpPort ?? 587 };
  };

  const loggedIn = (request: IncomingMessage): boolean => {
    const cookies = request.headers.cookie ?? '';
    const match = new RegExp(`(?:^|;\\s*)${sessionCookie}=([\\w-]+)`).exec(cookies);
    return match?.[1] !== undefined && sessions.has(match[1]);
  };

  function basicPage(response: ServerResponse): void {
    const shown = view();
    page(
      response,
      shown,
      ['Email Server', 'Basic'],
      basicPageBody({
        draft,
        current: signIn.current(),
        endpoint: smtpEndpoint(),
        flash,
        language: shown.language,
      }),
    );
    flash = '';
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (await panel.handle(request, response)) return true;
    const url = new URL(request.url ?? '/', 'http://printer.invalid');
    const path = url.pathname;
    if (request.method === 'GET' && path === webConfigPaths.statusSheet) {
      request.resume();
      statusSheetPage(response, view(), sheetOf(committed));
      return true;
    }
    if (request.method === 'GET' && (path === '/' || path === webConfigPaths.top)) {
      request.resume();
      redirect(response, loggedIn(request) ? webConfigPaths.basic : webConfigPaths.login);
      return true;
    }
    if (!Object.values(webConfigPaths).includes(path as never)) return false;
    if (path === webConfigPaths.login) {
      if (request.method !== 'POST') {
        request.resume();
        loginPage(response, view());
        return true;
      }
      const form = await readForm(request);
      if (form.get('INPUTT_PASSWORD') !== practicePrinterAdminPassword) {
        loginPage(response, view(), 'The password is incorrect. Enter the administrator password.');
        return true;
      }
      const session = randomBytes(18).toString('base64url');
      sessions.add(session);
      redirect(
        response,
        webConfigPaths.basic,
        `${sessionCookie}=${session}; Path=/; HttpOnly; SameSite=Strict`,
      );
      return true;
    }
    if (!loggedIn(request)) {
      request.resume();
      redirect(response, webConfigPaths.login);
      return true;
    }
    if (request.method === 'GET') {
      request.resume();
      if (path === webConfigPaths.basic) basicPage(response);
      else if (path === webConfigPaths.signIn) signInPage(response, view(), signIn.current());
      else redirect(response, webConfigPaths.basic);
      return true;
    }
    const form = await readForm(request);
    const action = form.get('action') ?? '';
    if (path === webConfigPaths.basicSet) {
      draft = {
        method: pick(methods, form.get('method'), draft.method),
        service: pick(services, form.get('service'), draft.service),
        sender: (form.get('sender') ?? draft.sender).trim().slice(0, 120),
        secure: pick(secureConnections, form.get('secure'), draft.secure),
        certificateValidation: (form.get('validation') ?? 'enable') !== 'disable',
      };
      if (action === 'signin') {
        if (draft.method !== 'OAuth2') {
          flash = 'Select OAuth2 as the Authentication Method to sign in.';
          redirect(response, webConfigPaths.basic);
          return true;
        }
        signIn.restart();
        redirect(response, webConfigPaths.signIn);
        return true;
      }
      if (action === 'signout') {
        signIn.forget();
        redirect(response, webConfigPaths.basic);
        return true;
      }
      const endpoint = smtpEndpoint();
      const current = signIn.current();
      committed = {
        ...draft,
        signedIn: current.state === 'signed-in' && signIn.refreshToken() !== null,
        account: current.state === 'signed-in' ? current.account : '',
        smtpHost: endpoint.host,
        smtpPort: endpoint.port,
      };
      flash = 'Setup complete. The settings were sent to the printer.';
      redirect(response, webConfigPaths.basic);
      return true;
    }
    if (path === webConfigPaths.signInStart) {
      if (action === 'microsoft') {
        await signIn.start(draft.service === 'Outlook.com' ? 'consumers' : 'organizations');
        redirect(response, webConfigPaths.signIn);
      } else {
        signIn.cancel();
        redirect(response, webConfigPaths.basic);
      }
      return true;
    }
    redirect(response, webConfigPaths.basic);
    return true;
  }

  return {
    handle,
    sheet: () => sheetOf(committed),
    signInState: () => signIn.current().state,
    panel,
    stop() {
      signIn.forget();
      sessions.clear();
    },
  };
}
