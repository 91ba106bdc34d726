/**
 * The practice printer's own Microsoft sign-in, as Epson's Web Config runs it: a REAL
 * device-code sign-in (RFC 8628) against the practice tenant with the practice printer's own
 * client ID, as plain OAuth HTTP calls to the tenant's devicecode and token endpoints, trusting
 * only the practice CA. The refresh token stays in this process's memory, like the printer's own
 * storage; no token is ever shown or logged.
 */
import { createBoundedHttps } from '../services/net/bounded-https';
import { practiceClientIds } from './practice-tenant';
import type { PracticeContext } from './practice-world';

export type PrinterSignInState =
  | { state: 'none' }
  | { state: 'waiting'; userCode: string; verificationUri: string; expiresAt: number }
  | { state: 'signed-in'; account: string }
  | { state: 'failed'; message: string };

export interface PracticePrinterSignIn {
  current(): PrinterSignInState;
  /** The stored sign-in the printer sends with (null once signed out or lapsed). */
  refreshToken(): string | null;
  /** Replaces the stored refresh token after a refresh (never brings back a forgotten one). */
  rememberRefreshToken(token: string): void;
  /** "Sign in with Microsoft": a new device code for work or school, or for Outlook.com. */
  start(tenant: 'organizations' | 'consumers'): Promise<void>;
  /** Back to "Sign In" (a waiting code is dropped; a stored sign-in is kept). */
  restart(): void;
  /** Cancel on the code page: stops waiting; a finished sign-in stays. */
  cancel(): void;
  /** Sign Out, or a sign-in Microsoft no longer accepts (error 361): forget it all. */
  forget(): void;
}

export type FormReply = { status: number; body: Record<string, unknown> };

/**
 * One form POST over HTTPS to the practice tenant, trusting the practice CA for it only (the
 * printer's sign-in, and its control panel's token refresh before each scan).
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  ca: string,
): Promise<FormReply> {
  const client = createBoundedHttps({
    trustedOrigins: [new URL(url).origin],
    ca,
    deadlineMs: 10_000,
    maxBodyBytes: 256 * 1024,
  });
  const reply = await client.request({
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  try {
    const parsed: unknown = JSON.parse(reply.body);
    return {
      status: reply.status,
      body: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {},
    };
  } catch {
    return { status: reply.status, body: {} };
  }
}

/** The account an access token was issued to (its upn claim); the token itself is not kept. */
function accountOf(accessToken: unknown): string {
  if (typeof accessToken !== 'string') return '';
  try {
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const upn = claims['upn'] ?? claims['preferred_username'];
    return typeof upn === 'string' ? upn.slice(0, 120) : '';
  } catch {
    return '';
  }
}

const failedWith = (body: Record<string, unknown>): PrinterSignInState => {
  const description = body['error_description'];
  return {
    state: 'failed',
    message: typeof description === 'string' ? description.slice(0, 300) : 'Sign-in failed.',
  };
};

export function createPracticePrinterSignIn(options: {
  context: () => PracticeContext | null;
  /** Called once the person approved the code (the sender field fills in with the account). */
  onSignedIn(account: string): void;
}): PracticePrinterSignIn {
  let signIn: PrinterSignInState = { state: 'none' };
  let pollTimer: NodeJS.Timeout | null = null;
  let refreshToken: string | null = null;

  const stopPolling = (): void => {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  };

  /** Polls the token endpoint at the interval Microsoft gave, until approved, refused or expired. */
  function pollForApproval(grant: {
    tokenUrl: string;
    form: Record<string, string>;
    ca: string;
    expiresAt: number;
    intervalMs: number;
  }): void {
    let wait = grant.intervalMs;
    const poll = async (): Promise<void> => {
      pollTimer = null;
      if (signIn.state !== 'waiting') return;
      if (Date.now() > grant.expiresAt) {
        signIn = { state: 'failed', message: 'The code expired. Click Sign In again.' };
        return;
      }
      let reply: FormReply;
      try {
        reply = await postForm(grant.tokenUrl, grant.form, grant.ca);
      } catch {
        reply = { status: 0, body: { error: 'authorization_pending' } };
      }
      if (signIn.state !== 'waiting') return;
      if (reply.status === 200 && typeof reply.body['access_token'] === 'string') {
        const token = reply.body['refresh_token'];
        refreshToken = typeof token === 'string' ? token : null;
        const account = accountOf(reply.body['access_token']);
        signIn = { state: 'signed-in', account };
        options.onSignedIn(account);
        return;
      }
      const error = reply.body['error'];
      if (error === 'authorization_pending' || error === 'slow_down') {
        if (error === 'slow_down') wait += 5000;
        pollTimer = setTimeout(() => void poll(), wait);
        pollTimer.unref();
        return;
      }
      signIn = failedWith(reply.body);
    };
    pollTimer = setTimeout(() => void poll(), wait);
    pollTimer.unref();
  }

  return {
    current: () => signIn,
    refreshToken: () => refreshToken,
    rememberRefreshToken(token) {
      if (refreshToken !== null) refreshToken = token;
    },
    async start(tenant) {
      stopPolling();
      const context = options.context();
      const profile = context?.cloudProfile() ?? {};
      if (!context || !profile.authorityHost || !profile.smtpScope) {
        signIn = { state: 'failed', message: 'The practice tenant is not running.' };
        return;
      }
      const base = `${profile.authorityHost}/${tenant}/oauth2/v2.0`;
      const ca = context.certificate.cert;
      const clientId = practiceClientIds.printer;
      const scope = `${profile.smtpScope} offline_access`;
      let answer: FormReply;
      try {
        answer = await postForm(`${base}/devicecode`, { client_id: clientId, scope }, ca);
      } catch {
        signIn = { state: 'failed', message: 'Could not connect to the sign-in server.' };
        return;
      }
      const { user_code, device_code, verification_uri, expires_in, interval } = answer.body;
      if (
        answer.status !== 200 ||
        typeof user_code !== 'string' ||
        typeof device_code !== 'string' ||
        typeof verification_uri !== 'string'
      ) {
        signIn = failedWith(answer.body);
        return;
      }
      const expiresAt = Date.now() + (typeof expires_in === 'number' ? expires_in : 900) * 1000;
      signIn = {
        state: 'waiting',
        userCode: user_code,
        verificationUri: verification_uri,
        expiresAt,
      };
      pollForApproval({
        tokenUrl: `${base}/token`,
        form: {
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
          client_id: clientId,
          device_code,
          scope,
        },
        ca,
        expiresAt,
        intervalMs: (typeof interval === 'number' ? interval : 5) * 1000,
      });
    },
    restart() {
      stopPolling();
      signIn = { state: 'none' };
    },
    cancel() {
      stopPolling();
      if (signIn.state === 'waiting') signIn = { state: 'none' };
    },
    forget() {
      stopPolling();
      signIn = { state: 'none' };
      refreshToken = null;
    },
  };
}
