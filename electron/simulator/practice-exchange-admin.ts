/**
 * The practice Exchange admin endpoint: POST /adminapi/beta/{tenant}/InvokeCommand, as the
 * ExchangeOnlineManagement PowerShell module calls it, for the two cmdlets "Do it for me" uses
 * (Get-CASMailbox, Set-CASMailbox with SmtpClientAuthenticationDisabled). It reads and writes
 * the practice switch `smtpAuthMailbox`, so the practice Exchange's SMTP answer follows, and
 * the practice admin center shows the change.
 *
 * Sources for the shapes: the request body {"CmdletInput": {"CmdletName", "Parameters"}} and
 * the answer {"value": [...]} as public clients of this endpoint send and read them (CIPP's
 * New-ExoRequest, CISA ScubaGear's Invoke-ExoCommand); the headers X-ResponseFormat and
 * X-AnchorMailbox likewise. The switch `exchangeAdmin` makes Set-CASMailbox answer 429 (with
 * Retry-After: 60, or 2 once), 503, an HTML page with 200 (as a proxy or sign-in page in the way
 * would), or only after 4 seconds. Best guesses (no published wording): the texts of the 401, 403,
 * 429 and 503 answers, and that the account needs the Exchange Administrator or Global Administrator role
 * (Set-CASMailbox's own permission table names the Exchange Administrator's role groups).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { PracticeAuditEntry } from './practice-audit-log';
import { slowChangeAnswerMs, throttledOnceSeconds } from './practice-entra-changes';
import { listenOnLoopback, readBody, sendJson } from './practice-http';
import {
  globalAdministrator,
  practiceAccounts,
  practiceDomain,
  practiceTenantId,
} from './practice-tenant/accounts';
import type { PracticeContext, PracticePart } from './practice-world';

export const practiceExchangeAdminPartName = 'exchange-admin';
/** The resource of Exchange Online's admin endpoint (what the Exchange.Manage token is for). */
export const practiceExchangeAdminResource = 'https://outlook.office365.com';
const exchangeAdministratorRoleId = '29232cdf-9323-42fd-ade2-1d097af3e4de';

export interface PracticeExchangeAdmin extends PracticePart {
  /** Every cmdlet the wizard ran, newest last, for the practice admin center and the tests. */
  commands(): { cmdlet: string; by: string; at: string }[];
  /** Every change a Set-CASMailbox made, for the practice admin center's list of changes. */
  changes(): PracticeAuditEntry[];
}

/** The endpoint's error shape, as public clients read it (error.code, error.message). */
const failure = (code: string, message: string) => ({
  error: { code, message, details: [{ code, message }] },
});

export function createPracticeExchangeAdmin(): PracticeExchangeAdmin {
  let server: https.Server | null = null;
  let origin = '';
  let context: PracticeContext | null = null;
  const log: { cmdlet: string; by: string; at: string }[] = [];
  const changes: PracticeAuditEntry[] = [];
  /** `throttled-once` throttles the first Set-CASMailbox after the switch is chosen, each time. */
  let throttledOnceSpent = false;
  /** SmtpClientAuthenticationDisabled as Get-CASMailbox shows it. */
  const disabledWords = (setting: string): string =>
    setting === 'on' ? 'False' : setting === 'off' ? 'True' : '(not set: follows the organization)';

  const casMailbox = (upn: string) => {
    const setting = context?.settings().smtpAuthMailbox ?? 'organization-setting';
    return {
      Identity: upn.split('@')[0],
      PrimarySmtpAddress: upn,
      SmtpClientAuthenticationDisabled: setting === 'on' ? false : setting === 'off' ? true : null,
    };
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const match = /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) {
      sendJson(response, 404, failure('NotFound', 'The requested resource was not found.'));
      return;
    }
    const tenant = decodeURIComponent(match[1] ?? '');
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = bearer ? context?.tokens.verify(bearer) : null;
    if (
      !claims ||
      claims.aud !== practiceExchangeAdminResource ||
      claims.tid !== practiceTenantId ||
      !claims.scp.split(' ').includes('Exchange.Manage') ||
      (tenant !== practiceDomain && tenant !== practiceTenantId)
    ) {
      sendJson(response, 401, failure('Unauthorized', 'The access token is not valid.'));
      return;
    }
    const account = practiceAccounts.find((candidate) => candidate.oid === claims.oid);
    const mayManage = account?.roles.some(
      (role) =>
        role.roleTemplateId === globalAdministrator.roleTemplateId ||
        role.roleTemplateId === exchangeAdministratorRoleId,
    );
    if (!account || !mayManage) {
      sendJson(
        response,
        403,
        failure('Forbidden', "The user isn't assigned a role that can run this cmdlet."),
      );
      return;
    }
    type CmdletInput = { CmdletName?: unknown; Parameters?: Record<string, unknown> };
    let input: CmdletInput | undefined;
    try {
      const parsed = JSON.parse((await readBody(request, 64 * 1024)) ?? '') as {
        CmdletInput?: CmdletInput;
      };
      input = parsed.CmdletInput;
    } catch {
      input = undefined;
    }
    const identity = String(input?.Parameters?.['Identity'] ?? '').toLowerCase();
    const mailbox = practiceAccounts.find((candidate) => candidate.upn === identity);
    if (!input || !mailbox) {
      sendJson(response, 400, failure('BadRequest', "The operation couldn't be performed."));
      return;
    }
    log.push({ cmdlet: String(input.CmdletName), by: account.upn, at: new Date().toISOString() });
    if (input.CmdletName === 'Get-CASMailbox') {
      sendJson(response, 200, { value: [casMailbox(mailbox.upn)] });
      return;
    }
    if (input.CmdletName === 'Set-CASMailbox' && context) {
      const trouble = context.settings().exchangeAdmin;
      if (trouble === 'throttled-once' && !throttledOnceSpent) {
        throttledOnceSpent = true;
        response.setHeader('Retry-After', String(throttledOnceSeconds));
        sendJson(response, 429, failure('TooManyRequests', 'Too many requests.'));
        return;
      }
      if (trouble === 'unexpected') {
        // Not the endpoint's JSON: what a proxy's or a sign-in page in the way would send.
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(
          '<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>',
        );
        return;
      }
      if (trouble === 'slow') await new Promise((done) => setTimeout(done, slowChangeAnswerMs));
      if (trouble === 'throttled') {
        response.setHeader('Retry-After', '60');
        sendJson(response, 429, failure('TooManyRequests', 'Too many requests.'));
        return;
      }
      if (trouble === 'server-error') {
        sendJson(response, 503, failure('ServiceUnavailable', 'The service is unavailable.'));
        return;
      }
      const disabled = input.Parameters?.['SmtpClientAuthenticationDisabled'];
      const before = context.settings().smtpAuthMailbox;
      const after = context.set(
        'smtpAuthMailbox',
        disabled === false ? 'on' : disabled === true ? 'off' : 'organization-setting',
      ).smtpAuthMailbox;
      if (after !== before) {
        changes.push({
          at: new Date().toISOString(),
          by: account.upn,
          through: 'Exchange admin API',
          call: 'InvokeCommand Set-CASMailbox',
          object: `Mailbox ${mailbox.upn}`,
          setting: 'SmtpClientAuthenticationDisabled',
          before: disabledWords(before),
          after: disabledWords(after),
        });
      }
      // A Set-* cmdlet answers an empty list (and warnings, when it has any).
      sendJson(response, 200, { '@odata.context': `${origin}/adminapi/beta/$metadata`, value: [] });
      return;
    }
    sendJson(response, 400, failure('BadRequest', 'The cmdlet is not available.'));
  }

  const part: PracticeExchangeAdmin = {
    name: practiceExchangeAdminPartName,
    async start(started) {
      context = started;
      started.onChange((settings) => {
        if (settings.exchangeAdmin !== 'throttled-once') throttledOnceSpent = false;
      });
      server = https.createServer(
        { key: started.certificate.key, cert: started.certificate.cert },
        (request, response) => {
          handle(request, response).catch(() => {
            if (!response.headersSent) sendJson(response, 500, failure('InternalError', 'Error'));
          });
        },
      );
      origin = `https://127.0.0.1:${await listenOnLoopback(server)}`;
    },
    profile(): Partial<CloudProfile> {
      return {
        exchangeAdminUrl: `${origin}/adminapi/beta`,
        exchangeAdminResource: practiceExchangeAdminResource,
      };
    },
    commands: () => [...log],
    changes: () => [...changes],
    async stop() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = null;
    },
  };
  return part;
}
