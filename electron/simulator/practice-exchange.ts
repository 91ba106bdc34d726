/**
 * Practice Exchange: the part of the practice world that stands in for Exchange Online, adds
 * the Graph routes the tenant checks call to the practice tenant's Graph, and serves a
 * practice "admin center" page.
 *
 * - SMTP on 127.0.0.1: STARTTLS with the practice certificate, AUTH XOAUTH2 only (never
 *   before TLS), accepting only practice tokens for the Outlook resource with SMTP.Send for
 *   the account that logs in. It answers with Exchange Online's own replies for each scenario
 *   switch and keeps delivered test messages in memory for the trainee to see.
 * - Graph routes (practice-graph.ts) on the practice tenant's one Graph: the tenant must be
 *   started first (it is, in practice-world.ts).
 * - The admin center page on http://127.0.0.1 (practice-admin-center.ts), where the trainee
 *   flips SMTP AUTH for the organization and the mailbox, and security defaults.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { PracticeSettings } from '../../shared/practice';
import { createPracticeAdminCenter } from './practice-admin-center';
import { addTenantCheckRoutes } from './practice-graph';
import { listenOnLoopback } from './practice-http';
import { practiceResources, practiceTenantPartName, type PracticeTenant } from './practice-tenant';
import type { PracticeContext, PracticePart } from './practice-world';

export interface DeliveredMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  receivedAt: string;
  /** The message as received (size-limited). */
  raw: string;
}

export interface PracticeExchange extends PracticePart {
  /** Test messages delivered so far, newest last. */
  messages(): DeliveredMessage[];
  /** Told of each message as it is delivered (the practice mailbox files it). */
  onDelivered(listener: (message: DeliveredMessage) => void): () => void;
  readonly smtpPort: number;
  readonly adminCenterUrl: string;
}

const serverName = 'PR3P195MB0001.EURP195.PROD.OUTLOOK.COM';
const maxMessages = 50;
const maxMessageBytes = 256 * 1024;

/** Exchange's replies end with a bracketed server name, timestamp and id. */
function suffix(): string {
  return `[${serverName} ${new Date().toISOString()} ${randomBytes(8).toString('hex').toUpperCase()}]`;
}

function reply(responseCode: number, text: string): Error {
  return Object.assign(new Error(`${text} ${suffix()}`), { responseCode });
}

export const exchangeReplies = {
  tenantDisabled: () =>
    reply(
      535,
      '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    ),
  mailboxDisabled: () =>
    reply(
      535,
      '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    ),
  securityDefaults: () =>
    reply(
      535,
      "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    ),
  policyCriteria: () =>
    reply(
      535,
      '5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    ),
  authFailed: () => reply(535, '5.7.3 Authentication unsuccessful'),
  concurrency: () =>
    reply(
      432,
      '4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.',
    ),
  notAuthenticated: () => reply(530, '5.7.57 Client not authenticated to send mail.'),
  sendAsDenied: () =>
    reply(550, '5.7.60 SMTP; Client does not have permissions to send as this sender'),
  throttled: () => reply(550, '5.2.252 Sender throttled due to continuous send as denied errors.'),
  restrictedSender: () => reply(550, '5.1.8 Access denied, bad outbound sender'),
  // A reply the troubleshooter has no entry for (its catch-all is tested with it).
  otherReply: () =>
    reply(
      554,
      "5.6.211 Invalid MIME Content: single text value size (32784) exceeded allowed maximum (32768) for the 'X-Practice' header.",
    ),
  ipBlocked: () => reply(550, '5.7.708 Access denied, traffic not accepted from this IP.'),
  tenantThreshold: () => reply(550, '5.7.705 Access denied, tenant has exceeded threshold.'),
  unregisteredDomain: () =>
    reply(
      550,
      '5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
    ),
  spamAbuse: () => reply(550, '5.7.501 Access denied, spam abuse detected.'),
  serverBusy: () =>
    reply(451, '4.7.500 Server busy. Please try again later from [127.0.0.1]. (S77)'),
  basicAuthRetired: () =>
    reply(550, '5.7.30 Basic authentication is not supported for Client Submission.'),
  basicAuthTurnedOff: () =>
    reply(535, '5.7.139 Authentication unsuccessful, basic authentication is disabled.'),
  legacyTls: () =>
    reply(
      421,
      '4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls',
    ),
  sendAsDeniedStoreDriver: (user: string, from: string) =>
    reply(
      554,
      `5.2.252 SendAsDenied; ${user} not allowed to send as ${from}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.`,
    ),
  submissionQuota: () =>
    reply(
      554,
      '5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
    ),
  mailboxFull: () =>
    reply(
      554,
      '5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
    ),
};

/** The SMTP AUTH decision Exchange makes for a valid token, from the switches. */
function authRefusal(settings: PracticeSettings): Error | null {
  if (settings.securityDefaults === 'on') return exchangeReplies.securityDefaults();
  if (settings.smtpAuthMailbox === 'off') return exchangeReplies.mailboxDisabled();
  if (
    settings.smtpAuthMailbox === 'organization-setting' &&
    settings.smtpAuthOrganization === 'off'
  ) {
    return exchangeReplies.tenantDisabled();
  }
  switch (settings.exchangeReply) {
    case 'policy-criteria':
      return exchangeReplies.policyCriteria();
    case 'auth-failed':
      return exchangeReplies.authFailed();
    case 'concurrency':
      return exchangeReplies.concurrency();
    default:
      return null;
  }
}

function sessionUser(session: SMTPServerSession): string {
  const user = session.user as unknown;
  return typeof user === 'string' ? user : '';
}

function headerValue(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return (match?.[1] ?? '').trim().slice(0, 500);
}

export function createPracticeExchange(): PracticeExchange {
  let context: PracticeContext | null = null;
  let smtp: SMTPServer | null = null;
  let admin: http.Server | null = null;
  let smtpPort = 0;
  let closedPort = 0;
  let adminCenterUrl = '';
  const delivered: DeliveredMessage[] = [];
  const deliveryListeners = new Set<(message: DeliveredMessage) => void>();
  const settings = (): PracticeSettings => {
    if (!context) throw new Error('Practice Exchange is not running');
    return context.settings();
  };

  const part: PracticeExchange = {
    name: 'exchange',
    get smtpPort() {
      return smtpPort;
    },
    get adminCenterUrl() {
      return adminCenterUrl;
    },
    messages: () => delivered.map((message) => ({ ...message, to: [...message.to] })),
    onDelivered(listener) {
      deliveryListeners.add(listener);
      return () => deliveryListeners.delete(listener);
    },
    async start(started) {
      const tenant = started.part<PracticeTenant>(practiceTenantPartName);
      if (!tenant) throw new Error('The practice Exchange needs the practice tenant started first');
      context = started;
      const { certificate, tokens } = started;
      smtp = new SMTPServer({
        secure: false,
        key: certificate.key,
        cert: certificate.cert,
        name: serverName,
        banner: `Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString()}`,
        // Exchange Online offers LOGIN beside XOAUTH2; a password is refused (passwordLogin).
        authMethods: ['XOAUTH2', 'LOGIN', 'PLAIN'],
        size: 35 * 1024 * 1024,
        logger: false,
        // Loopback only: a reverse DNS lookup would only add delay.
        disableReverseLookup: true,
        onSecure(_socket, _session, callback) {
          callback(settings().exchangeReply === 'legacy-tls' ? exchangeReplies.legacyTls() : null);
        },
        onAuth(auth, _session, callback) {
          if (auth.method === 'LOGIN' || auth.method === 'PLAIN') {
            const turnedOff = settings().passwordLogin === 'turned-off';
            return callback(
              turnedOff ? exchangeReplies.basicAuthTurnedOff() : exchangeReplies.basicAuthRetired(),
            );
          }
          const claims = auth.method === 'XOAUTH2' ? tokens.verify(auth.accessToken ?? '') : null;
          const valid =
            claims !== null &&
            claims.aud === practiceResources.outlook &&
            claims.scp.split(' ').includes('SMTP.Send') &&
            claims.upn.toLowerCase() === (auth.username ?? '').toLowerCase();
          if (!valid || !claims) return callback(exchangeReplies.authFailed());
          const refusal = authRefusal(settings());
          if (refusal) return callback(refusal);
          callback(null, { user: claims.upn.toLowerCase() });
        },
        onMailFrom(address, session, callback) {
          switch (settings().exchangeReply) {
            case 'not-authenticated':
              return callback(exchangeReplies.notAuthenticated());
            case 'send-as-denied':
              return callback(exchangeReplies.sendAsDenied());
            case 'throttled':
              return callback(exchangeReplies.throttled());
            case 'restricted-sender':
              return callback(exchangeReplies.restrictedSender());
            case 'other-reply':
              return callback(exchangeReplies.otherReply());
            case 'ip-blocked':
              return callback(exchangeReplies.ipBlocked());
            case 'tenant-threshold':
              return callback(exchangeReplies.tenantThreshold());
            case 'unregistered-domain':
              return callback(exchangeReplies.unregisteredDomain());
            case 'spam-abuse':
              return callback(exchangeReplies.spamAbuse());
            case 'server-busy':
              return callback(exchangeReplies.serverBusy());
          }
          // Exchange lets a mailbox send only as itself (without Send As rights).
          if (address.address.toLowerCase() !== sessionUser(session)) {
            return callback(exchangeReplies.sendAsDenied());
          }
          callback();
        },
        onData(stream: SMTPServerDataStream, session, callback) {
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxMessageBytes) chunks.push(chunk);
          });
          stream.on('end', () => {
            const user = sessionUser(session);
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            switch (settings().exchangeReply) {
              case 'send-as-denied-storedrv':
                return callback(exchangeReplies.sendAsDeniedStoreDriver(user, from));
              case 'submission-quota':
                return callback(exchangeReplies.submissionQuota());
              case 'mailbox-full':
                return callback(exchangeReplies.mailboxFull());
            }
            const raw = Buffer.concat(chunks).toString('utf8');
            const id = `<${randomBytes(12).toString('hex')}@practice.outlook.local>`;
            delivered.push({
              id,
              from,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: headerValue(raw, 'Subject'),
              receivedAt: new Date().toISOString(),
              raw,
            });
            if (delivered.length > maxMessages) delivered.shift();
            const last = delivered.at(-1);
            for (const listener of deliveryListeners) {
              if (last) listener({ ...last, to: [...last.to] });
            }
            callback(null, `2.0.0 OK ${id} [Hostname=${serverName}]`);
          });
        },
      });
      smtp.on('error', () => undefined);
      smtpPort = await listenOnLoopback(smtp.server);
      closedPort = await reserveClosedPort();

      addTenantCheckRoutes(tenant, started);

      admin = http.createServer(createPracticeAdminCenter(started, () => part.messages()));
      const adminPort = await listenOnLoopback(admin);
      adminCenterUrl = `http://127.0.0.1:${adminPort}`;
    },
    profile(): Partial<CloudProfile> {
      const blocked = context?.settings().exchangeReply === 'port-blocked';
      return {
        smtpHost: '127.0.0.1',
        smtpPort: blocked ? closedPort : smtpPort,
        adminPages: {
          exchangeSettings: `${adminCenterUrl}/exchange/settings`,
          m365ActiveUsers: `${adminCenterUrl}/m365/users`,
          entraProperties: `${adminCenterUrl}/entra/properties`,
          conditionalAccess: `${adminCenterUrl}/entra/conditional-access`,
        },
      };
    },
    async stop() {
      const closing: Promise<void>[] = [];
      if (smtp) {
        const server = smtp;
        closing.push(new Promise((resolve) => server.close(() => resolve())));
      }
      if (admin) {
        const server = admin;
        server.closeAllConnections();
        closing.push(new Promise((resolve) => server.close(() => resolve())));
      }
      await Promise.allSettled(closing);
      smtp = null;
      admin = null;
    },
  };
  return part;
}

/** A loopback port nothing listens on: "connection refused", as on a network blocking 587. */
async function reserveClosedPort(): Promise<number> {
  const probe = net.createServer();
  const port = await listenOnLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
