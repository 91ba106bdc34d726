/**
 * Practice Exchange: the part of the practice world that stands in for Exchange Online, adds
 * the Graph routes the tenant checks call to the practice tenant's Graph, and serves a
 * practice "admin center" page.
 *
 * - SMTP on 127.0.0.1: STARTTLS with the practice certificate, AUTH XOAUTH2 only (never
 *   before TLS), accepting only practice tokens for the Outlook resource with SMTP.Send for
 *   the account that logs in. It answers with Exchange Online's own replies, word for word
 *   from the one reply table (shared/exchange/replies.ts), for each scenario switch and keeps
 *   delivered test messages in memory for the trainee to see.
 * - Graph routes (practice-graph.ts) on the practice tenant's one Graph: the tenant must be
 *   started first (it is, in practice-world.ts).
 * - The admin center page on http://127.0.0.1 (practice-admin-center.ts), where the trainee
 *   flips SMTP AUTH for the organization and the mailbox, and security defaults.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerOptions,
  type SMTPServerSession,
} from 'smtp-server';
import type { CloudProfile } from '../../shared/cloud-profiles';
import {
  exchangeReplies,
  exchangeReplyNamed,
  replyText,
  type ExchangeReply,
  type ExchangeReplyName,
  type ReplyStage,
} from '../../shared/exchange/replies';
import type { PracticeSettings } from '../../shared/practice';
import { createPracticeAdminCenter } from './practice-admin-center';
import { createPracticeAuditLog } from './practice-audit-log';
import { addEntraChangeRoutes } from './practice-entra-changes';
import { addTenantCheckRoutes } from './practice-graph';
import { listenOnLoopback } from './practice-http';
import {
  practiceDomain,
  practicePassword,
  practiceResources,
  practiceTenantPartName,
  type PracticeTenant,
} from './practice-tenant';
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

/** The part's name in the practice world. */
export const practiceExchangePartName = 'exchange';

export interface PracticeExchange extends PracticePart {
  /** Test messages delivered so far, newest last. */
  messages(): DeliveredMessage[];
  /** Files a message another practice part accepted (the practice MX, HVE) like its own. */
  deliver(message: Omit<DeliveredMessage, 'id' | 'receivedAt'>): string;
  /** Told of each message as it is delivered (the practice mailbox files it). */
  onDelivered(listener: (message: DeliveredMessage) => void): () => void;
  readonly smtpPort: number;
  readonly adminCenterUrl: string;
  /** The admin center's mailbox section, where delivered test messages show. */
  readonly mailboxUrl: string;
  /** The admin center's list of the changes the wizard made through Graph and Exchange's API. */
  readonly changesUrl: string;
}

const serverName = 'PR3P195MB0001.EURP195.PROD.OUTLOOK.COM';

/**
 * What every practice Exchange Online SMTP front end shares (submission, MX, High Volume
 * Email): STARTTLS with the practice certificate, Microsoft's greeting, its 35 MB limit, on
 * loopback without a reverse lookup (which would only add delay).
 */
export function exchangeSmtpBase(
  certificate: { key: string; cert: string },
  name: string,
): SMTPServerOptions {
  return {
    secure: false,
    key: certificate.key,
    cert: certificate.cert,
    name,
    banner: `Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString()}`,
    // As Exchange Online answers EHLO, with the address it sees ("… Hello [77.233.241.24]",
    // captured from outlook.office365.com: docs/sending-ways.md).
    heloResponse: '%s Hello %s',
    size: 35 * 1024 * 1024,
    logger: false,
    disableReverseLookup: true,
  };
}
const maxMessages = 50;
const maxMessageBytes = 256 * 1024;

/** Exchange's replies end with a bracketed server name, timestamp and id. */
function suffix(): string {
  return `[${serverName} ${new Date().toISOString()} ${randomBytes(8).toString('hex').toUpperCase()}]`;
}

/**
 * One row of the Exchange reply table (shared/exchange/replies.ts) as smtp-server sends it:
 * the code apart, then Microsoft's words and the server suffix real replies end with.
 */
function reply(name: ExchangeReplyName, values: { user?: string; from?: string } = {}): Error {
  const row = exchangeReplyNamed(name);
  const words = replyText(row, values).replace(/^\d{3} /, '');
  return Object.assign(new Error(`${words} ${suffix()}`), { responseCode: row.code });
}

/** The reply the exchangeReply switch sends at this stage of the conversation, if any. */
function switchedReply(
  settings: PracticeSettings,
  stage: ReplyStage,
  values: { user?: string; from?: string } = {},
): Error | null {
  const row = exchangeReplies.find(
    (each: ExchangeReply) =>
      each.name === settings.exchangeReply &&
      each.practice?.switch === true &&
      each.practice.stage === stage,
  );
  return row ? reply(row.name, values) : null;
}

/** The SMTP AUTH decision Exchange makes for a valid token, from the switches. */
function authRefusal(settings: PracticeSettings): Error | null {
  if (settings.securityDefaults === 'on') return reply('security-defaults');
  if (settings.smtpAuthMailbox === 'off') return reply('mailbox-disabled');
  if (
    settings.smtpAuthMailbox === 'organization-setting' &&
    settings.smtpAuthOrganization === 'off'
  ) {
    return reply('tenant-disabled');
  }
  return switchedReply(settings, 'auth');
}

function sessionUser(session: SMTPServerSession): string {
  const user = session.user as unknown;
  return typeof user === 'string' ? user : '';
}

export function headerValue(raw: string, name: string): string {
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
  /** Keeps a delivered message (the newest 50) and tells the practice mailbox. */
  const file = (message: Omit<DeliveredMessage, 'id' | 'receivedAt'>): string => {
    const id = `<${randomBytes(12).toString('hex')}@practice.outlook.local>`;
    const kept: DeliveredMessage = { ...message, id, receivedAt: new Date().toISOString() };
    delivered.push(kept);
    if (delivered.length > maxMessages) delivered.shift();
    for (const listener of deliveryListeners) listener({ ...kept, to: [...kept.to] });
    return id;
  };
  const settings = (): PracticeSettings => {
    if (!context) throw new Error('Practice Exchange is not running');
    return context.settings();
  };

  const part: PracticeExchange = {
    name: practiceExchangePartName,
    get smtpPort() {
      return smtpPort;
    },
    get adminCenterUrl() {
      return adminCenterUrl;
    },
    get mailboxUrl() {
      return `${adminCenterUrl}/#inbox`;
    },
    get changesUrl() {
      return `${adminCenterUrl}/changes#changes`;
    },
    messages: () => delivered.map((message) => ({ ...message, to: [...message.to] })),
    deliver(message) {
      return file(message);
    },
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
        ...exchangeSmtpBase(certificate, serverName),
        // Exchange Online offers LOGIN beside XOAUTH2; a password is refused (passwordLogin).
        authMethods: ['XOAUTH2', 'LOGIN', 'PLAIN'],
        onSecure(_socket, _session, callback) {
          callback(switchedReply(settings(), 'tls'));
        },
        onAuth(auth, _session, callback) {
          if (auth.method === 'LOGIN' || auth.method === 'PLAIN') {
            const login = settings().passwordLogin;
            if (login === 'turned-back-on') {
              // Turned back on for the tenant: the mailbox's own password, SMTP AUTH switches
              // still apply (as for a token).
              const user = (auth.username ?? '').toLowerCase();
              if (!user.endsWith(`@${practiceDomain}`) || auth.password !== practicePassword) {
                return callback(reply('auth-failed'));
              }
              const refusal = authRefusal(settings());
              return refusal ? callback(refusal) : callback(null, { user });
            }
            const turnedOff = login === 'turned-off';
            return callback(reply(turnedOff ? 'basic-auth-turned-off' : 'basic-auth-retired'));
          }
          const claims = auth.method === 'XOAUTH2' ? tokens.verify(auth.accessToken ?? '') : null;
          const valid =
            claims !== null &&
            claims.aud === practiceResources.outlook &&
            claims.scp.split(' ').includes('SMTP.Send') &&
            claims.upn.toLowerCase() === (auth.username ?? '').toLowerCase();
          if (!valid || !claims) return callback(reply('auth-failed'));
          const refusal = authRefusal(settings());
          if (refusal) return callback(refusal);
          callback(null, { user: claims.upn.toLowerCase() });
        },
        onMailFrom(address, session, callback) {
          const refused = switchedReply(settings(), 'mail-from');
          if (refused) return callback(refused);
          // Exchange lets a mailbox send only as itself (without Send As rights).
          if (address.address.toLowerCase() !== sessionUser(session)) {
            return callback(reply('send-as-denied'));
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
            const refused = switchedReply(settings(), 'data', { user, from });
            if (refused) return callback(refused);
            const raw = Buffer.concat(chunks).toString('utf8');
            const id = file({
              from,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: headerValue(raw, 'Subject'),
              raw,
            });
            callback(null, `2.0.0 OK ${id} [Hostname=${serverName}]`);
          });
        },
      });
      smtp.on('error', () => undefined);
      smtpPort = await listenOnLoopback(smtp.server);
      closedPort = await reserveClosedPort();

      addTenantCheckRoutes(tenant, started);
      const audit = createPracticeAuditLog();
      addEntraChangeRoutes(tenant, started, audit);

      admin = http.createServer(
        createPracticeAdminCenter(started, () => part.messages(), audit.entries),
      );
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
export async function reserveClosedPort(): Promise<number> {
  const probe = net.createServer();
  const port = await listenOnLoopback(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
