/**
 * Tells apart every outcome of an SMTP AUTH check by Exchange Online's own reply. Replies are
 * matched on their code and text prefix only: real ones end with a bracketed server and
 * timestamp suffix, e.g. "[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57Z …]".
 * Sources: shared/reference/exchange-and-printers.md section A.3.
 */
import type { exchangeProblems } from '../problems/exchange';

export type ExchangeProblemId = keyof typeof exchangeProblems;

/** What the SMTP client reported when the check failed (nodemailer's error fields). */
export interface SmtpFailure {
  /** The client's error kind: EAUTH, ESOCKET, ETLS, ETIMEDOUT, ECONNECTION, EPROTOCOL… */
  code?: string;
  /** The server's reply code, when the server answered. */
  responseCode?: number;
  /** The server's full reply line(s), when it answered. */
  response?: string;
  /** The lower-level cause: ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT… */
  originalCode?: string;
  /** The client's own words (used only to tell timeouts apart, never shown raw). */
  message?: string;
  /** Set when the wizard's own overall time limit ran out. */
  deadline?: boolean;
}

export interface SmtpOutcome {
  problemId: ExchangeProblemId;
  /** The server's reply (cleaned and shortened) or the low-level reason, for the words and support. */
  data: { reply?: string; reason?: string; code?: string };
}

const replyRules: { pattern: RegExp; problemId: ExchangeProblemId }[] = [
  // A password (Basic authentication) refused: the replies of the Basic auth retirement.
  {
    pattern: /^5\d\d[ -]5\.7\.30\b|Basic authentication is not supported for Client Submission/i,
    problemId: 'smtp-basic-auth-retired',
  },
  {
    pattern: /^535[ -]5\.7\.139 Authentication unsuccessful, basic authentication is disabled/i,
    problemId: 'smtp-basic-auth-disabled',
  },
  {
    pattern:
      /^535[ -]5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant/i,
    problemId: 'smtp-auth-disabled-tenant',
  },
  {
    pattern:
      /^535[ -]5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox/i,
    problemId: 'smtp-auth-disabled-mailbox',
  },
  {
    pattern:
      /^535[ -]5\.7\.139 Authentication unsuccessful, user is locked by your organization's security defaults policy/i,
    problemId: 'smtp-auth-security-defaults',
  },
  {
    pattern:
      /^535[ -]5\.7\.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully/i,
    problemId: 'smtp-auth-policy-criteria',
  },
  { pattern: /^535[ -]5\.7\.3\b/, problemId: 'smtp-auth-failed' },
  { pattern: /^530[ -]5\.7\.57\b/, problemId: 'smtp-not-authenticated' },
  {
    // 5.7.60, or the older 5.7.1 "Client does not have permissions to send as this sender".
    pattern: /^5\d\d[ -]5\.7\.60\b|^5\d\d[ -]5\.7\.1\b.*send as|SendAsDenied/i,
    problemId: 'smtp-send-as-denied',
  },
  // Outbound blocks and limits of Exchange Online Protection (5.7.500-5.7.999, 4.7.500-4.7.699).
  { pattern: /^5\d\d[ -]5\.7\.705\b/, problemId: 'smtp-tenant-threshold' },
  { pattern: /^5\d\d[ -]5\.7\.233\b/, problemId: 'smtp-tenant-recipient-limit' },
  { pattern: /^5\d\d[ -]5\.7\.750\b/, problemId: 'smtp-unregistered-domain' },
  { pattern: /^5\d\d[ -]5\.7\.708\b/, problemId: 'smtp-ip-blocked' },
  { pattern: /^5\d\d[ -]5\.7\.520\b/, problemId: 'smtp-forwarding-blocked' },
  { pattern: /^5\d\d[ -]5\.7\.501\b/, problemId: 'smtp-spam-abuse' },
  { pattern: /^5\d\d[ -]5\.7\.511\b/, problemId: 'smtp-banned-sender' },
  { pattern: /^4\d\d[ -]4\.7\.(?:5\d\d|6\d\d)\b/, problemId: 'smtp-server-busy' },
  // Direct send and SMTP relay through a connector.
  {
    pattern: /^\d{3}[ -][45]\.(?:7\.64|4\.62)\b|TenantAttribution/i,
    problemId: 'smtp-relay-not-attributed',
  },
  {
    pattern: /^5\d\d[ -]5\.7\.(?:1|54)\b.*(?:unable to relay|relaying denied)/i,
    problemId: 'smtp-relay-denied',
  },
  { pattern: /^5\d\d[ -]5\.4\.1\b/, problemId: 'smtp-recipient-rejected' },
  { pattern: /^4\d\d[ -]4\.3\.2\b/, problemId: 'smtp-concurrency' },
  { pattern: /^5\d\d[ -]5\.2\.25[1-5]\b/, problemId: 'smtp-throttled' },
  {
    pattern: /^5\d\d[ -]5\.2\.[02]\b.*(?:SubmissionQuotaExceeded|Submission quota exceeded)/i,
    problemId: 'smtp-submission-quota',
  },
  {
    pattern: /^5\d\d[ -]5\.2\.2\b|MapiExceptionShutoffQuotaExceeded|QuotaExceededException/i,
    problemId: 'smtp-mailbox-full',
  },
  { pattern: /^5\d\d[ -]5\.1\.8\b/, problemId: 'smtp-restricted-sender' },
  { pattern: /^421[ -]4\.7\.66\b/, problemId: 'smtp-legacy-tls' },
];

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const unreachableCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/** A server reply made safe to show and quote: printable, one line, at most 300 characters. */
export function cleanReply(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300)
  );
}

/** The one problem behind a failed check. */
export function classifySmtpFailure(failure: SmtpFailure): SmtpOutcome {
  const reply = failure.response ? cleanReply(failure.response) : '';
  const hasReply = /^\d{3}[ -]/.test(reply);
  if (hasReply) {
    for (const rule of replyRules) {
      if (rule.pattern.test(reply)) return { problemId: rule.problemId, data: { reply } };
    }
  }
  const original = failure.originalCode ?? '';
  const message = failure.message ?? '';
  if (certificateCodes.has(original) || /certificate|self[- ]signed/i.test(message)) {
    return { problemId: 'smtp-certificate', data: { reason: original || 'certificate' } };
  }
  if (failure.code === 'ETLS') {
    return { problemId: 'smtp-no-starttls', data: reply ? { reply } : {} };
  }
  if (unreachableCodes.has(original) || unreachableCodes.has(failure.code ?? '')) {
    return { problemId: 'smtp-port-blocked', data: { reason: original || failure.code || '' } };
  }
  if (dnsCodes.has(original) || failure.code === 'EDNS') {
    return { problemId: 'smtp-host-not-found', data: { reason: original || 'EDNS' } };
  }
  if (failure.code === 'ETIMEDOUT' && /connection timeout/i.test(message)) {
    // No TCP connection at all within the limit: typical of a network that blocks port 587.
    return { problemId: 'smtp-port-blocked', data: { reason: 'timeout' } };
  }
  if (failure.code === 'EPROTOCOL' && /greeting/i.test(message)) {
    return { problemId: 'smtp-bad-greeting', data: reply ? { reply } : {} };
  }
  if (failure.deadline || failure.code === 'ETIMEDOUT') {
    return { problemId: 'smtp-timeout', data: {} };
  }
  if (hasReply) return { problemId: 'smtp-unexpected-reply', data: { reply } };
  if (failure.code === 'ECONNECTION' || /closed|ECONNRESET|EPIPE/i.test(original + message)) {
    return { problemId: 'smtp-connection-dropped', data: {} };
  }
  return {
    problemId: 'smtp-unexpected-reply',
    data: { reply: reply || cleanReply(message) || failure.code || 'unknown' },
  };
}
