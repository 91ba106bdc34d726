/**
 * Tells apart every outcome of an SMTP AUTH check by Exchange Online's own reply. Replies are
 * matched on their codes and words only (the one table: shared/exchange/replies.ts): real ones
 * end with a bracketed server and timestamp suffix, e.g.
 * "[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57Z …]".
 */
import { replyRowFor, type SmtpProblemId } from './replies';

export type ExchangeProblemId = SmtpProblemId;

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

/**
 * A server reply made safe to show and quote: printable, one line, at most 300 characters.
 * Controls (C0, C1, DEL), zero-width, direction-changing characters and BOM become spaces, so
 * a reply cannot reorder or hide what the user reads.
 */
export function cleanReply(text: string): string {
  return (
    text
      .slice(0, 4_000)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ')
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
    const row = replyRowFor(reply);
    if (row) return { problemId: row.problemId, data: { reply } };
  }
  // The system's error code, cleaned like a reply: it may be quoted to the user.
  const original = cleanReply(failure.originalCode ?? '').slice(0, 60);
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
    data: { reply: reply || cleanReply(message) || cleanReply(failure.code ?? '') || 'unknown' },
  };
}
