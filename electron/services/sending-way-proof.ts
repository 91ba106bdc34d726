/**
 * "Prove this way": from this computer, on the printer's network, before anyone touches the
 * printer. Asks DNS for the sending domain's MX (is it Exchange Online's?), tries the port
 * (25 for direct send and a connector, 587 for High Volume Email) with an answer within 10 s,
 * reads the public address Exchange sees from its EHLO reply, checks whether the domain's SPF
 * names it, and sends one real test message as the printer will. Only when the person starts
 * it, only to the hosts of the cloud profile (the MX host only when it is Exchange Online's, or
 * the profile's own mxHost). The HVE password is used for this one login and dropped.
 *
 * A password sign-in turned back on for a while is proven the same way on the profile's SMTP
 * AUTH endpoint (smtpHost:smtpPort): the port, then one AUTH LOGIN with the mailbox's password
 * typed once (dropped as the HVE one is) and one test message. Exchange's refusals (550 5.7.30
 * retired, 535 5.7.139 turned off for the tenant or the mailbox) are rows of the reply table.
 */
import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import os from 'node:os';
import nodemailer from 'nodemailer';
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { WayProofRequest, WayProofResult, WayProofStep } from '../../shared/contract/ways';
import { classifySmtpFailure, type SmtpFailure } from '../../shared/exchange/smtp-replies';
import { replyRowFor } from '../../shared/exchange/replies';
import { problem, type Problem } from '../../shared/problem';
import {
  domainOf,
  findSpf,
  judgeMx,
  parseSpf,
  publicAddressFromEhlo,
  readGreeting,
  spfNamesDirectly,
  type MxRecord,
} from '../../shared/sending-ways';
import { ProblemError } from '../common/problem-error';
import { redact } from '../common/redact';

export interface WayProofOptions {
  /** The cloud profile in use (practice, custom file or the chosen cloud). */
  profile(): Promise<CloudProfile>;
  /** The practice or custom-profile CA: trusted only for the profile's own mxHost and hveHost. */
  trustedCa?: () => string | undefined;
  /** Whether the profile names its own hosts (custom file or practice): only then the CA counts. */
  overridden?: () => { mxHost: boolean; hveHost: boolean; smtpHost?: boolean };
  productName: string;
  /** The code of a test-message watch running for this printer, put in the subject. */
  watchCode?: (printerId: string) => string | null;
  /** Each network step's limit: connect, greeting, EHLO, DNS (default 10 s). */
  stepLimitMs?: number;
  now?: () => Date;
}

export interface WayProofService {
  run(request: WayProofRequest): Promise<WayProofResult>;
}

const maxReplyBytes = 16 * 1024;
/** RFC 7208 §4.6.4: at most 10 DNS lookups while evaluating SPF. */
const maxSpfLookups = 10;

type ProbeOutcome =
  { ok: true; greeting: string; ehlo: string; ms: number } | { ok: false; problem: Problem };

export function createWayProofService(options: WayProofOptions): WayProofService {
  const limit = options.stepLimitMs ?? 10_000;
  const now = options.now ?? (() => new Date());

  const resolver = (profile: CloudProfile): dnsPromises.Resolver => {
    const made = new dnsPromises.Resolver({ timeout: Math.min(limit, 5_000), tries: 2 });
    if (profile.dnsServers && profile.dnsServers.length > 0) {
      made.setServers([...profile.dnsServers]);
    }
    return made;
  };

  return {
    async run(request) {
      const started = Date.now();
      const at = now().toISOString();
      const domain = domainOf(request.sender);
      if (!domain) throw new ProblemError('way-sender-invalid', { address: clip(request.sender) });
      const recipientText = request.recipient.trim() === '' ? request.sender : request.recipient;
      if (!domainOf(recipientText)) {
        throw new ProblemError('way-recipient-invalid', { address: clip(recipientText) });
      }
      const recipient = recipientText.trim();
      const sender = request.sender.trim();
      const profile = await options.profile();
      if (profile.mxSuffixes.length === 0) throw new ProblemError('way-no-organization');
      if (request.way === 'hve' && !profile.hveHost) {
        throw new ProblemError('way-hve-not-in-cloud', { cloud: profile.id });
      }
      if (request.way === 'hve' && !request.password) {
        throw new ProblemError('way-hve-sign-in-refused', { account: sender });
      }
      if (request.way === 'password-for-now' && !request.password) {
        throw new ProblemError('way-password-needed', { account: sender });
      }
      const steps: WayProofStep[] = [];
      const dns = resolver(profile);
      const byMx = request.way === 'direct-send' || request.way === 'connector-relay';

      // 1. The MX record, and whether it is Exchange Online's.
      let mxHost: string | null = null;
      const mx = await withLimit(dns.resolveMx(domain), limit).then(
        (records: MxRecord[]) => ({ ok: true as const, records }),
        (error: unknown) => ({ ok: false as const, code: errorCode(error) }),
      );
      if (!mx.ok && !['ENODATA', 'ENOTFOUND'].includes(mx.code)) {
        steps.push({
          id: 'mx',
          state: byMx ? 'failed' : 'attention',
          problem: problem('way-dns-failed', { domain, reason: mx.code }),
        });
      } else {
        const judged = judgeMx(mx.ok ? mx.records : [], profile.mxSuffixes);
        if (judged.kind === 'none') {
          steps.push({
            id: 'mx',
            state: byMx ? 'failed' : 'attention',
            problem: problem('way-no-mx', { domain }),
          });
        } else if (judged.kind === 'not-exchange-online') {
          steps.push({
            id: 'mx',
            state: byMx ? 'failed' : 'attention',
            value: judged.host,
            problem: problem('way-mx-not-exchange', { domain, host: judged.host }),
          });
        } else {
          mxHost = judged.host;
          steps.push({ id: 'mx', state: 'passed', value: judged.host });
        }
      }

      // 2. The port, within the limit; 3. the public address from the EHLO reply.
      const target = targetOf(request.way, profile, mxHost);
      let publicAddress: string | null = null;
      let portOpen = false;
      if (!target) {
        steps.push({ id: 'port', state: 'skipped' });
        steps.push({ id: 'address', state: 'skipped' });
      } else {
        const probe = await probeSmtp(target.host, target.port, limit);
        const server = `${target.host}:${target.port}`;
        if (probe.ok) {
          portOpen = true;
          steps.push({ id: 'port', state: 'passed', value: server });
          publicAddress = publicAddressFromEhlo(probe.ehlo);
          steps.push(
            publicAddress
              ? { id: 'address', state: 'passed', value: publicAddress }
              : { id: 'address', state: 'attention' },
          );
        } else {
          steps.push({ id: 'port', state: 'failed', value: server, problem: probe.problem });
          steps.push({ id: 'address', state: 'skipped' });
        }
      }

      // 4. SPF naming that address (direct send and a connector: mail may land in Junk without).
      if (!byMx) {
        steps.push({ id: 'spf', state: 'skipped' });
      } else if (!publicAddress) {
        steps.push({ id: 'spf', state: 'skipped' });
      } else {
        steps.push(await judgeSpf(dns, domain, publicAddress, limit));
      }

      // 5. One real test message as the printer will send it.
      let testMessage: WayProofResult['testMessage'] = null;
      if (!target || !portOpen) {
        steps.push({ id: 'message', state: 'skipped' });
      } else {
        const code = options.watchCode?.(request.printerId) ?? null;
        const subject = `Test message from ${options.productName} (${request.way})${code ? ` ${code}` : ''}`;
        const overridden = options.overridden?.() ?? { mxHost: false, hveHost: false };
        const ownHost =
          request.way === 'hve'
            ? overridden.hveHost
            : request.way === 'password-for-now'
              ? overridden.smtpHost === true
              : overridden.mxHost;
        const ca = ownHost ? options.trustedCa?.() : undefined;
        const sent = await sendTestMessage({
          host: target.host,
          port: target.port,
          requireTls: !byMx,
          ...(ca ? { ca } : {}),
          ...(!byMx && request.password ? { auth: { user: sender, pass: request.password } } : {}),
          from: sender,
          to: recipient,
          subject,
          text: messageText(options.productName, request.way, sender, now()),
          limitMs: limit * 2,
        });
        if (sent.ok) {
          testMessage = { to: recipient, subject };
          steps.push({ id: 'message', state: 'passed', value: recipient });
        } else {
          steps.push({
            id: 'message',
            state: 'failed',
            value: recipient,
            problem: messageProblem(
              request.way,
              sent.failure,
              `${target.host}:${target.port}`,
              sender,
            ),
          });
        }
      }

      const failed = steps.find((step) => step.state === 'failed');
      return {
        way: request.way,
        domain,
        server: target ? `${target.host}:${target.port}` : null,
        mxHost,
        publicAddress,
        steps,
        passed: !failed && testMessage !== null,
        problem: failed?.problem ?? null,
        testMessage,
        at,
        durationMs: Date.now() - started,
      };
    },
  };
}

/** Where the printer will send by this way: the MX host (once proven Exchange Online's), HVE, or SMTP AUTH. */
function targetOf(
  way: WayProofRequest['way'],
  profile: CloudProfile,
  mxHost: string | null,
): { host: string; port: number } | null {
  switch (way) {
    case 'direct-send':
    case 'connector-relay':
      return mxHost ? { host: profile.mxHost ?? mxHost, port: profile.mxPort } : null;
    case 'hve':
      return { host: profile.hveHost ?? '', port: profile.hvePort };
    case 'password-for-now':
      return { host: profile.smtpHost, port: profile.smtpPort };
  }
}

function clip(text: string): string {
  return text.slice(0, 120);
}

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code.slice(0, 40);
    if ((error as Error & { timedOut?: boolean }).timedOut) return 'ETIMEOUT';
  }
  return 'EDNS';
}

/** Races a promise against the limit; a lookup past it is answered as ETIMEOUT. */
function withLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('no answer in time'), { code: 'ETIMEOUT' })),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Connects, reads the greeting, says EHLO and reads the reply, then QUIT: each within the
 * limit, each bounded in size. Refused, silent, or not SMTP: one problem each.
 */
export function probeSmtp(host: string, port: number, limitMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const server = `${host}:${port}`;
    let buffer = '';
    let phase: 'connect' | 'greeting' | 'ehlo' = 'connect';
    let greeting = '';
    let done = false;
    const socket = net.connect({ host, port });
    const finish = (outcome: ProbeOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (outcome.ok) socket.end('QUIT\r\n');
      socket.destroy();
      resolve(outcome);
    };
    const fail = (id: Parameters<typeof problem>[0], data: Record<string, string | number>) =>
      finish({ ok: false, problem: problem(id, { server, ...data }) });
    let timer = setTimeout(
      () => fail('way-port-timeout', { port, seconds: limitMs / 1000 }),
      limitMs,
    );
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail('way-port-timeout', { port, seconds: limitMs / 1000 }),
        limitMs,
      );
    };
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      phase = 'greeting';
      restart();
    });
    socket.on('error', (error: Error & { code?: string }) => {
      const code = error.code ?? 'ESOCKET';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        fail('way-dns-failed', { domain: host, reason: code });
      } else if (phase === 'connect') {
        fail('way-port-blocked', { port, reason: code });
      } else {
        fail('way-not-smtp', { port, reason: code });
      }
    });
    socket.on('close', () => {
      if (phase === 'connect') fail('way-port-blocked', { port, reason: 'closed' });
      else fail('way-not-smtp', { port, reason: 'closed' });
    });
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > maxReplyBytes) return fail('way-not-smtp', { port, reason: 'too long' });
      const reply = completeReply(buffer);
      if (reply === undefined) return;
      if (reply === null) return fail('way-not-smtp', { port, reason: 'not SMTP' });
      buffer = '';
      if (phase === 'greeting') {
        const read = readGreeting(reply);
        if (!read) return fail('way-not-smtp', { port, reason: 'not SMTP' });
        if (read.kind === 'refused') {
          return finish({ ok: false, problem: refusalProblem(read.text, server) });
        }
        greeting = reply;
        phase = 'ehlo';
        restart();
        socket.write(`EHLO ${ehloName()}\r\n`);
        return;
      }
      if (!/^250[ -]/.test(reply)) {
        return finish({ ok: false, problem: refusalProblem(reply, server) });
      }
      finish({ ok: true, greeting, ehlo: reply, ms: Date.now() - started });
    });
  });
}

/**
 * A whole SMTP reply (every line "ddd-…" then one "ddd …"), undefined while one is still
 * coming, null when what came is no SMTP reply at all.
 */
function completeReply(buffer: string): string | null | undefined {
  const lines = buffer.split('\r\n');
  // The last piece is incomplete (or empty after a final CRLF).
  const whole = lines.slice(0, -1);
  if (whole.length === 0) {
    // A line without CRLF yet: nonsense if it already does not look like a reply.
    const partial = lines[0] ?? '';
    return partial.length >= 4 && !/^\d{3}[ -]/.test(partial) ? null : undefined;
  }
  for (const line of whole) {
    if (!/^\d{3}(?:[ -]|$)/.test(line)) return null;
    if (/^\d{3}(?: |$)/.test(line)) return whole.slice(0, whole.indexOf(line) + 1).join('\n');
  }
  return undefined;
}

/** The name this computer says in EHLO (its host name if plain, else a literal). */
function ehloName(): string {
  const name = os.hostname();
  return /^[A-Za-z0-9.-]{1,253}$/.test(name) ? name : '[127.0.0.1]';
}

/** A refusal the table knows is its problem; any other is "refused" with the reply quoted. */
function refusalProblem(reply: string, server: string): Problem {
  const text = redact(reply.split('\n')[0] ?? '').slice(0, 300);
  const row = replyRowFor(text);
  return row
    ? problem(row.problemId, { reply: text, server })
    : problem('way-message-refused', { reply: text, server });
}

async function judgeSpf(
  dns: dnsPromises.Resolver,
  domain: string,
  address: string,
  limit: number,
): Promise<WayProofStep> {
  let lookups = 0;
  const seen = new Set<string>();
  const unresolved: string[] = [];
  const lookup = async (name: string): Promise<'named' | 'not-named' | 'no-record'> => {
    if (seen.has(name) || lookups >= maxSpfLookups) return 'not-named';
    seen.add(name);
    lookups += 1;
    const txt = await withLimit(dns.resolveTxt(name), limit).catch(() => [] as string[][]);
    const text = findSpf(txt);
    if (!text) return 'no-record';
    const record = parseSpf(text);
    if (spfNamesDirectly(record, address)) return 'named';
    unresolved.push(...record.unresolved);
    for (const include of [...record.includes, ...(record.redirect ? [record.redirect] : [])]) {
      if ((await lookup(include.toLowerCase())) === 'named') return 'named';
    }
    return 'not-named';
  };
  const verdict = await lookup(domain);
  if (verdict === 'named') return { id: 'spf', state: 'passed', value: address };
  if (verdict === 'no-record') {
    return {
      id: 'spf',
      state: 'attention',
      problem: problem('way-spf-missing', { domain, address }),
    };
  }
  return {
    id: 'spf',
    state: 'attention',
    value: address,
    problem: problem('way-spf-not-naming', {
      domain,
      address,
      unresolved: unresolved.slice(0, 4).join(' ') || '-',
    }),
  };
}

interface SendRequest {
  host: string;
  port: number;
  requireTls: boolean;
  ca?: string;
  auth?: { user: string; pass: string };
  from: string;
  to: string;
  subject: string;
  text: string;
  limitMs: number;
}

async function sendTestMessage(
  request: SendRequest,
): Promise<{ ok: true } | { ok: false; failure: SmtpFailure }> {
  const transporter = nodemailer.createTransport({
    host: request.host,
    port: request.port,
    secure: false,
    requireTLS: request.requireTls,
    // Direct send and a connector take STARTTLS when Exchange offers it, as most printers do.
    opportunisticTLS: !request.requireTls,
    tls: { minVersion: 'TLSv1.2', ...(request.ca ? { ca: [request.ca] } : {}) },
    ...(request.auth ? { auth: { user: request.auth.user, pass: request.auth.pass } } : {}),
    connectionTimeout: request.limitMs / 2,
    greetingTimeout: request.limitMs / 2,
    socketTimeout: request.limitMs,
    logger: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('time limit reached'), { deadline: true })),
      request.limitMs,
    );
  });
  try {
    const info = await Promise.race([
      transporter.sendMail({
        from: request.from,
        to: request.to,
        envelope: { from: request.from, to: [request.to] },
        subject: request.subject,
        text: request.text,
      }),
      deadline,
    ]);
    return info.accepted.length === 1
      ? { ok: true }
      : { ok: false, failure: { message: 'recipient not accepted' } };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  } finally {
    clearTimeout(timer);
    transporter.close();
  }
}

function toFailure(error: unknown): SmtpFailure {
  if (!(error instanceof Error)) return { message: 'error' };
  const fields = error as Error & {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    deadline?: unknown;
  };
  return {
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.responseCode === 'number' ? { responseCode: fields.responseCode } : {}),
    ...(typeof fields.response === 'string' ? { response: fields.response } : {}),
    // The client's words may quote what was sent; the password never is, but redact anyway.
    message: redact(error.message).slice(0, 300),
    ...(fields.deadline === true ? { deadline: true } : {}),
  };
}

/** HVE's refused login is its own problem; every other refusal is the reply table's. */
function messageProblem(
  way: WayProofRequest['way'],
  failure: SmtpFailure,
  server: string,
  sender: string,
): Problem {
  // A password sign-in's own 535 5.7.3 (wrong account or password): not the token's row.
  if (
    way === 'password-for-now' &&
    failure.responseCode === 535 &&
    !/5\.7\.139/.test(failure.response ?? '')
  ) {
    return problem('way-password-refused', {
      account: sender,
      reply: redact(failure.response ?? '').slice(0, 300),
    });
  }
  if (way === 'hve' && (failure.code === 'EAUTH' || failure.responseCode === 535)) {
    return problem('way-hve-sign-in-refused', {
      account: sender,
      reply: redact(failure.response ?? '').slice(0, 300),
    });
  }
  if (failure.response && /^\d{3}[ -]/.test(failure.response)) {
    return refusalProblem(failure.response, server);
  }
  const outcome = classifySmtpFailure(failure);
  return problem(outcome.problemId, { ...outcome.data, server });
}

function messageText(productName: string, way: string, sender: string, sentAt: Date): string {
  return [
    `This test message was sent by ${productName} at ${sentAt.toISOString()}.`,
    '',
    `It checks that a printer sending as ${sender} can reach this mailbox by`,
    `the way "${way}", from the network the printer is on. Nothing else was sent.`,
    'You can delete this message.',
  ].join('\n');
}
