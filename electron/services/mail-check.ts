/**
 * The SMTP AUTH check: logs in to Exchange Online exactly as the printer will (STARTTLS on
 * the profile's port, then AUTH XOAUTH2 with a token for the profile's SMTP.Send scope) and,
 * if asked, sends one test message from the mailbox to one address. Never authenticates
 * without TLS, never takes longer than the time limit, and keeps a transcript of the SMTP
 * conversation with the token removed, for support.
 */
import { format } from 'node:util';
import nodemailer from 'nodemailer';
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { MailCheckRequest, MailCheckResult } from '../../shared/contract/exchange';
import { boardForMailCheck } from '../../shared/exchange/board';
import { classifySmtpFailure, type SmtpFailure } from '../../shared/exchange/smtp-replies';
import { checkTestAddress } from '../../shared/exchange/test-address';
import { problem } from '../../shared/problem';
import { ProblemError } from '../common/problem-error';
import { redact } from '../common/redact';
import type { TokenSource } from './token-source';

export interface MailCheckOptions {
  tokens: TokenSource;
  /** The cloud profile of the user's choice (or the practice world's). */
  profile(): Promise<CloudProfile>;
  /** An extra CA to trust (the practice certificate); absent = the system's CAs only. */
  trustedCa?: () => string | undefined;
  productName: string;
  /** Upper bound for the whole check, from connect to QUIT (default 15 s). */
  timeLimitMs?: number;
  now?: () => Date;
}

export interface MailCheckService {
  run(request: MailCheckRequest): Promise<MailCheckResult>;
}

const maxTranscriptLines = 200;

export function createMailCheckService(options: MailCheckOptions): MailCheckService {
  const timeLimitMs = options.timeLimitMs ?? 15_000;
  const now = options.now ?? (() => new Date());
  return {
    async run(request) {
      const started = Date.now();
      let requested: string | null = null;
      if (request.sendTest && request.testAddress && request.testAddress.trim() !== '') {
        const checked = checkTestAddress(request.testAddress);
        if (!checked.ok) throw new ProblemError(checked.problemId);
        requested = checked.address;
      }
      const profile = await options.profile();
      const token = await options.tokens.getAccessToken([profile.smtpScope]);
      const mailbox = token.account;
      const testAddress = request.sendTest ? (requested ?? mailbox) : null;
      const server = `${profile.smtpHost}:${profile.smtpPort}`;

      const transcript: string[] = [];
      let authenticated = false;
      const secrets = [
        token.token,
        Buffer.from(`user=${mailbox}\x01auth=Bearer ${token.token}\x01\x01`).toString('base64'),
      ];
      const record = (
        direction: string,
        meta: { tnx?: string } | undefined,
        args: unknown[],
      ): void => {
        const [message, ...rest] = args;
        let line = typeof message === 'string' ? format(message, ...rest) : format(message);
        for (const secret of secrets) line = line.split(secret).join('[redacted]');
        line = redact(line);
        if (meta?.tnx === 'server' && /^235[ -]/.test(line)) authenticated = true;
        const prefix = meta?.tnx === 'client' ? 'C:' : meta?.tnx === 'server' ? 'S:' : direction;
        if (transcript.length < maxTranscriptLines) {
          transcript.push(`${prefix} ${line}`.slice(0, 1000));
        }
      };
      const logger = {
        trace: () => undefined,
        debug: (meta: { tnx?: string }, ...args: unknown[]) => record('*', meta, args),
        info: (meta: { tnx?: string }, ...args: unknown[]) => record('*', meta, args),
        warn: (meta: { tnx?: string }, ...args: unknown[]) => record('!', meta, args),
        error: (meta: { tnx?: string }, ...args: unknown[]) => record('!', meta, args),
        fatal: (meta: { tnx?: string }, ...args: unknown[]) => record('!', meta, args),
      };
      const ca = options.trustedCa?.();
      const transporter = nodemailer.createTransport({
        host: profile.smtpHost,
        port: profile.smtpPort,
        secure: false,
        requireTLS: true,
        ignoreTLS: false,
        tls: { minVersion: 'TLSv1.2', ...(ca ? { ca: [ca] } : {}) },
        auth: { type: 'OAuth2', user: mailbox, accessToken: token.token },
        connectionTimeout: Math.min(10_000, timeLimitMs),
        greetingTimeout: Math.min(10_000, timeLimitMs),
        socketTimeout: timeLimitMs,
        dnsTimeout: Math.min(8_000, timeLimitMs),
        logger: logger as never,
        debug: true,
      });

      const sentAt = now();
      const subject = `Test message from ${options.productName}, ${sentAt.toISOString().replace(/\.\d+Z$/, 'Z')}`;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('time limit reached'), { deadline: true })),
          timeLimitMs,
        );
      });
      let failure: SmtpFailure | null = null;
      let accepted = false;
      try {
        if (testAddress) {
          const info = await Promise.race([
            transporter.sendMail({
              from: mailbox,
              to: testAddress,
              envelope: { from: mailbox, to: [testAddress] },
              subject,
              text: testMessageText(options.productName, mailbox, sentAt),
            }),
            deadline,
          ]);
          accepted = info.accepted.length === 1;
        } else {
          await Promise.race([transporter.verify(), deadline]);
        }
      } catch (error) {
        failure = toFailure(error);
        record('!', undefined, [
          failure.deadline ? 'time limit reached' : (failure.code ?? 'error'),
        ]);
      } finally {
        clearTimeout(timer);
        transporter.close();
      }

      const outcome = failure ? classifySmtpFailure(failure) : null;
      const passed = outcome === null && (testAddress === null || accepted);
      const found = outcome ? problem(outcome.problemId, { ...outcome.data, server }) : null;
      return {
        passed,
        problem: found,
        mailbox,
        server,
        testMessage: testAddress ? { to: testAddress, subject, accepted } : null,
        transcript: transcript.join('\n'),
        durationMs: Date.now() - started,
        board: boardForMailCheck({
          authenticated,
          mailbox,
          problem: found,
          sendTest: testAddress !== null,
          testAddress,
        }),
      };
    },
  };
}

function toFailure(error: unknown): SmtpFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    originalCode?: unknown;
    deadline?: unknown;
  };
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined;
  return {
    ...(text(fields.code) ? { code: text(fields.code) } : {}),
    ...(typeof fields.responseCode === 'number' ? { responseCode: fields.responseCode } : {}),
    ...(text(fields.response) ? { response: text(fields.response) } : {}),
    ...(text(fields.originalCode) ? { originalCode: text(fields.originalCode) } : {}),
    message: redact(error.message),
    ...(fields.deadline === true ? { deadline: true } : {}),
  };
}

function testMessageText(productName: string, mailbox: string, sentAt: Date): string {
  return [
    `This test message was sent by ${productName} at ${sentAt.toISOString()}.`,
    '',
    `It checks that the mailbox ${mailbox} can send mail through Exchange Online with`,
    'OAuth 2.0 (SMTP AUTH, XOAUTH2, STARTTLS), the same way the printer will.',
    'Nothing else was sent. You can delete this message.',
  ].join('\n');
}
