/**
 * Practice MX and practice High Volume Email: the part of the practice world that stands in for
 * the practice domain's Exchange Online MX host (port 25, no account, STARTTLS offered) and for
 * smtp.hve.mx.microsoft (port 587, STARTTLS then AUTH LOGIN/PLAIN with an HVE account), with a
 * practice DNS server answering the domain's MX and SPF. Both greet and answer EHLO the way
 * Exchange does ("250-<host> Hello [address]"), refuse with Exchange's own words from the one
 * reply table (5.7.68 direct send rejected, 5.7.64 no connector, 5.7.3 login refused), and
 * file what they accept in the practice mailbox, where the test-message watch sees it.
 *
 * Switches (shared/practice.ts): mx, port25 (open / blocked: refused at once / hangs: accepts
 * the connection and never greets), directSend, connector, hveAccount.
 */
import net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions } from 'smtp-server';
import type { CloudProfile } from '../../shared/cloud-profiles';
import {
  exchangeReplyNamed,
  replyText,
  type ExchangeReplyName,
} from '../../shared/exchange/replies';
import { startPracticeDns, type PracticeDns } from './practice-dns';
import {
  exchangeSmtpBase,
  headerValue,
  practiceExchangePartName,
  reserveClosedPort,
  type PracticeExchange,
} from './practice-exchange';
import { listenOnLoopback } from './practice-http';
import { practiceDomain, practicePassword } from './practice-tenant';
import type { PracticeContext, PracticePart } from './practice-world';

export const practiceMxPartName = 'mx';

export interface PracticeMx extends PracticePart {
  readonly mxPort: number;
  readonly hvePort: number;
  readonly dnsServer: string;
}

const maxMessageBytes = 256 * 1024;
/** Exchange Online's front-end names, as real greetings show them (muquit/mailsend#152). */
const mxServerName = 'CY1NAM02FT061.mail.protection.outlook.com';
const hveServerName = 'SN7PR04CA0001.outlook.office365.com';

function refusal(name: ExchangeReplyName): Error {
  const row = exchangeReplyNamed(name);
  const words = replyText(row).replace(/^\d{3} /, '');
  return Object.assign(new Error(words), { responseCode: row.code });
}

const inPracticeDomain = (address: string): boolean =>
  address.toLowerCase().endsWith(`@${practiceDomain}`);

export function createPracticeMx(): PracticeMx {
  let context: PracticeContext | null = null;
  let mx: SMTPServer | null = null;
  let hve: SMTPServer | null = null;
  let silent: net.Server | null = null;
  let dns: PracticeDns | null = null;
  let mxPort = 0;
  let hvePort = 0;
  let closedPort = 0;
  let silentPort = 0;
  const held = new Set<net.Socket>();

  const settings = () => {
    if (!context) throw new Error('Practice MX is not running');
    return context.settings();
  };

  /** Files an accepted message in the practice mailbox (through the practice Exchange). */
  const file = (
    exchange: PracticeExchange | undefined,
    stream: SMTPServerDataStream,
    envelope: { from: string; to: string[] },
    callback: (error?: Error | null, message?: string) => void,
  ): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxMessageBytes) chunks.push(chunk);
    });
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const id =
        exchange?.deliver({
          from: envelope.from,
          to: envelope.to,
          subject: headerValue(raw, 'Subject'),
          raw,
        }) ?? '<practice>';
      callback(null, `2.6.0 ${id} [Hostname=${mxServerName}] Queued mail for delivery`);
    });
  };

  return {
    name: practiceMxPartName,
    get mxPort() {
      return mxPort;
    },
    get hvePort() {
      return hvePort;
    },
    get dnsServer() {
      return dns?.server ?? '';
    },
    async start(started) {
      context = started;
      const exchange = started.part<PracticeExchange>(practiceExchangePartName);
      const { certificate } = started;
      /** Accepted mail lands in the practice mailbox, as Exchange would deliver it. */
      const onData: SMTPServerOptions['onData'] = (stream, session, callback) =>
        file(
          exchange,
          stream,
          {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          },
          callback,
        );
      mx = new SMTPServer({
        ...exchangeSmtpBase(certificate, mxServerName),
        // Direct send and a connector relay: no account at all.
        authOptional: true,
        disabledCommands: ['AUTH'],
        onRcptTo(address, _session, callback) {
          const now = settings();
          const connector = now.connector === 'this-address';
          if (!inPracticeDomain(address.address)) {
            // Outside the organization: only a connector that names this network relays.
            return callback(connector ? null : refusal('relay-not-attributed'));
          }
          if (now.directSend === 'rejected' && !connector) {
            return callback(refusal('direct-send-rejected'));
          }
          callback();
        },
        onData,
      });
      hve = new SMTPServer({
        ...exchangeSmtpBase(certificate, hveServerName),
        authMethods: ['LOGIN', 'PLAIN'],
        // Never a password before STARTTLS (smtp-server refuses AUTH on a plain connection).
        allowInsecureAuth: false,
        onAuth(auth, _session, callback) {
          const account = settings().hveAccount;
          const valid =
            account === 'works' &&
            inPracticeDomain(auth.username ?? '') &&
            auth.password === practicePassword;
          if (!valid) return callback(refusal('auth-failed'));
          callback(null, { user: auth.username });
        },
        onRcptTo(address, _session, callback) {
          // High Volume Email sends to the organization's own mailboxes only.
          callback(inPracticeDomain(address.address) ? null : refusal('relay-denied'));
        },
        onData,
      });
      mx.on('error', () => undefined);
      hve.on('error', () => undefined);
      mxPort = await listenOnLoopback(mx.server);
      hvePort = await listenOnLoopback(hve.server);
      closedPort = await reserveClosedPort();
      // A network that drops port 25 silently: the connection is taken and nothing ever comes.
      silent = net.createServer((socket) => {
        held.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => held.delete(socket));
      });
      silentPort = await listenOnLoopback(silent);
      dns = await startPracticeDns({
        domain: practiceDomain,
        publicAddress: '127.0.0.1',
        settings: () => settings(),
      });
    },
    profile(): Partial<CloudProfile> {
      const port25 = context?.settings().port25 ?? 'open';
      return {
        mxHost: '127.0.0.1',
        mxPort: port25 === 'blocked' ? closedPort : port25 === 'hangs' ? silentPort : mxPort,
        hveHost: '127.0.0.1',
        hvePort,
        ...(dns ? { dnsServers: [dns.server] } : {}),
      };
    },
    async stop() {
      for (const socket of held) socket.destroy();
      await Promise.allSettled([
        new Promise<void>((resolve) => (mx ? mx.close(() => resolve()) : resolve())),
        new Promise<void>((resolve) => (hve ? hve.close(() => resolve()) : resolve())),
        new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve())),
        dns?.stop(),
      ]);
      context = null;
    },
  };
}
