/**
 * Setting up each chosen printer and checking its email server status: what each field of the
 * status sheet must show, what else it may show (the choices offered), and what a mismatch
 * means. Pure functions: the status sheet step, the practice sheet reader and the report use
 * the same rules.
 */
import type { CheckResult } from './model';
import type { ProblemId } from './problems/index';
import type { SendingWayChoice } from './sending-ways';
import { statusFieldIds, type StatusFieldId } from './vendor-profiles';

export { statusFieldIds, type StatusFieldId };

/** What the user answered for one field: it matches, or the value the printer shows instead. */
export type FieldAnswer = 'match' | string;

/** What progress keeps per chosen printer (plain, non-secret). */
export interface PrinterSetupRecord {
  /** The printer's Web Config shows Signed in (confirmed by the person, or read in practice). */
  signedIn: CheckResult | null;
  /** Answers on the status sheet check, by field. */
  answers: Partial<Record<StatusFieldId, FieldAnswer>>;
  statusSheet: CheckResult | null;
  /**
   * The person says the printer's email settings offer no OAuth 2.0: it overrules the makers'
   * table (shared/printer-oauth.ts). Absent in older progress files; false when taken back.
   */
  noOauthInEmailSettings?: boolean;
  /**
   * The way the printer keeps sending without OAuth 2.0 (step "Choose a way to keep sending"),
   * and its last proof, which main alone writes. Absent: OAuth 2.0, or not chosen yet.
   */
  sendingWay?: SendingWayChoice;
}

/** What the sheet must show, for this journey (the mailbox checked and the cloud in use). */
export interface StatusExpectations {
  personal: boolean;
  /** The sending mailbox the earlier steps checked (signed-in account), if known. */
  mailbox: string | null;
  smtpHost: string;
  smtpPort: number;
}

/** Other values a printer may show for a field (the user picks one when it does not match). */
export const fieldAlternatives: Record<StatusFieldId, readonly string[]> = {
  'authentication-method': ['smtp-auth', 'pop-before-smtp', 'off'],
  'email-service': ['other-service', 'not-shown'],
  'current-status': ['signed-out', 'not-shown'],
  'authenticated-account': ['other-account', 'not-shown'],
  'sender-address': ['other-address', 'empty'],
  'smtp-server': ['other-server'],
  'smtp-port': ['25', '465', 'other-port'],
  'secure-connection': ['ssl-tls', 'none'],
  'certificate-validation': ['disable'],
};

/** The problem (shared/problems/printer.ts) behind each field's mismatch. */
export const fieldProblems: Record<StatusFieldId, ProblemId> = {
  'authentication-method': 'printer-auth-method-wrong',
  'email-service': 'printer-email-service-wrong',
  'current-status': 'printer-not-signed-in',
  'authenticated-account': 'printer-account-mismatch',
  'sender-address': 'printer-sender-mismatch',
  'smtp-server': 'printer-smtp-server-wrong',
  'smtp-port': 'printer-smtp-port-wrong',
  'secure-connection': 'printer-secure-connection-wrong',
  'certificate-validation': 'printer-certificate-validation-off',
};

/** A mismatch the printer can live with (it still sends) is 'attention', the rest fail. */
const attentionOnly = new Set<StatusFieldId>(['certificate-validation']);

/**
 * Other SMTP host names that reach the same service: Epson's guide shows smtp-mail.outlook.com
 * with Microsoft Exchange Online, and Microsoft accepts it for work accounts too.
 */
const smtpAliases: Record<string, readonly string[]> = {
  'smtp.office365.com': ['smtp-mail.outlook.com'],
};

export function acceptedSmtpHosts(expect: StatusExpectations): string[] {
  return [expect.smtpHost, ...(smtpAliases[expect.smtpHost] ?? [])];
}

/** The value each field must show, as plain words the screen puts next to the field's label. */
export function expectedValues(expect: StatusExpectations): Record<StatusFieldId, string> {
  return {
    'authentication-method': 'OAuth2',
    'email-service': expect.personal ? 'Outlook.com' : 'Microsoft Exchange Online',
    'current-status': 'signed-in',
    'authenticated-account': expect.mailbox ?? '',
    'sender-address': expect.mailbox ?? '',
    'smtp-server': expect.smtpHost,
    'smtp-port': String(expect.smtpPort),
    'secure-connection': 'STARTTLS',
    'certificate-validation': 'enable',
  };
}

export interface FieldVerdict {
  field: StatusFieldId;
  state: 'passed' | 'attention' | 'failed' | 'unanswered';
  problemId: ProblemId | null;
}

export function judgeField(field: StatusFieldId, answer: FieldAnswer | undefined): FieldVerdict {
  if (answer === undefined) return { field, state: 'unanswered', problemId: null };
  if (answer === 'match') return { field, state: 'passed', problemId: null };
  return {
    field,
    state: attentionOnly.has(field) ? 'attention' : 'failed',
    problemId: fieldProblems[field],
  };
}

/** Sums up a printer's answers for the status board. */
export function judgeSheet(answers: Partial<Record<StatusFieldId, FieldAnswer>>): {
  verdicts: FieldVerdict[];
  result: Omit<CheckResult, 'at'> | null;
} {
  const verdicts = statusFieldIds.map((field) => judgeField(field, answers[field]));
  if (verdicts.some((verdict) => verdict.state === 'unanswered')) return { verdicts, result: null };
  const failed = verdicts.find((verdict) => verdict.state === 'failed');
  if (failed?.problemId)
    return { verdicts, result: { state: 'failed', problemId: failed.problemId } };
  const attention = verdicts.find((verdict) => verdict.state === 'attention');
  if (attention?.problemId) {
    return { verdicts, result: { state: 'attention', problemId: attention.problemId } };
  }
  return { verdicts, result: { state: 'passed' } };
}

/** What a printer's email server status shows, as read from its status sheet page. */
export interface SheetReading {
  authenticationMethod: string;
  emailService: string;
  currentStatus: string;
  authenticatedAccount: string;
  senderAddress: string;
  smtpServer: string;
  smtpPort: string;
  secureConnection: string;
  certificateValidation: string;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Turns what a sheet shows into answers, the same way a person would tick the check-list. */
export function answersFromReading(
  reading: SheetReading,
  expect: StatusExpectations,
): Record<StatusFieldId, FieldAnswer> {
  const expected = expectedValues(expect);
  const mailbox = expect.mailbox ?? '';
  const pick = (ok: boolean, otherwise: string): FieldAnswer => (ok ? 'match' : otherwise);
  const method = reading.authenticationMethod.toLowerCase();
  return {
    'authentication-method': pick(
      same(reading.authenticationMethod, 'OAuth2'),
      method.includes('pop') ? 'pop-before-smtp' : method.includes('smtp') ? 'smtp-auth' : 'off',
    ),
    'email-service': pick(
      same(reading.emailService, expected['email-service']),
      reading.emailService ? 'other-service' : 'not-shown',
    ),
    'current-status': pick(
      same(reading.currentStatus, 'Signed in'),
      reading.currentStatus ? 'signed-out' : 'not-shown',
    ),
    'authenticated-account': pick(
      mailbox !== '' && same(reading.authenticatedAccount, mailbox),
      reading.authenticatedAccount ? 'other-account' : 'not-shown',
    ),
    'sender-address': pick(
      mailbox !== '' && same(reading.senderAddress, mailbox),
      reading.senderAddress ? 'other-address' : 'empty',
    ),
    'smtp-server': pick(
      acceptedSmtpHosts(expect).some((host) => same(host, reading.smtpServer)),
      'other-server',
    ),
    'smtp-port': pick(
      reading.smtpPort.trim() === expected['smtp-port'],
      ['25', '465'].includes(reading.smtpPort.trim()) ? reading.smtpPort.trim() : 'other-port',
    ),
    'secure-connection': pick(
      same(reading.secureConnection, 'STARTTLS'),
      /ssl|tls/i.test(reading.secureConnection) ? 'ssl-tls' : 'none',
    ),
    'certificate-validation': pick(same(reading.certificateValidation, 'Enable'), 'disable'),
  };
}

/** The practice printers' administrator password (a real Epson's is its serial number). */
export const practicePrinterAdminPassword = 'practice-printer';
/**
 * The label each email server line has on a status sheet page (Epson's English wording, the
 * guide's; the practice printer's page uses the same), by field.
 */
export const sheetLineLabels: Record<StatusFieldId, string> = {
  'authentication-method': 'Authentication Method',
  'email-service': 'Email service',
  'current-status': 'Current Status',
  'authenticated-account': 'Authenticated Account',
  'sender-address': "Sender's Email Address",
  'smtp-server': 'SMTP Server Address',
  'smtp-port': 'SMTP Server Port Number',
  'secure-connection': 'Secure Connection',
  'certificate-validation': 'Certificate Validation',
};

/** A refresh token dies after 90 days without use: the printer must then sign in again. */
export const refreshTokenIdleDays = 90;

/** The day a printer that sends nothing from `from` on must sign in again (ISO date). */
export function signInLapsesOn(from: string): string {
  const date = new Date(from);
  date.setUTCDate(date.getUTCDate() + refreshTokenIdleDays);
  return date.toISOString().slice(0, 10);
}
