/**
 * The one Exchange reply table. Every outcome of the SMTP AUTH check is a problem entry here
 * (`smtpProblems`), and every Exchange Online reply the wizard tells apart is one row
 * (`exchangeReplies`): its codes, its telltale words, its problem, Microsoft's wording and where
 * that wording comes from. The row feeds the classifier (shared/exchange/smtp-replies.ts), the
 * troubleshooter's recogniser (shared/troubleshoot/recognise.ts) and the practice Exchange
 * (electron/simulator/practice-exchange.ts), which sends exactly `text`.
 *
 * Sources: "A.3" etc. are sections of shared/reference/exchange-and-printers.md; "L:" a
 * Microsoft Learn page, "R:" reported by a third party only (docs/troubleshoot.md lists them).
 * A wording no source gives is marked "best guess" with why (docs/practice-answers.md).
 */
import type { ProblemEntry, RemedyAction } from '../problems/types';

const smtpRemedies: readonly RemedyAction[] = ['run-exchange-check'];
const switchRemedies: readonly RemedyAction[] = ['prepare-exchange', 'run-exchange-check'];
/** SMTP AUTH off: the wizard can turn it on for the mailbox itself, or the person does. */
const smtpAuthOffRemedies: readonly RemedyAction[] = ['turn-on-smtp-auth', ...switchRemedies];
/** A password refused for good: the way out is OAuth 2.0, which the wizard's check proves. */
const retirementRemedies: readonly RemedyAction[] = ['start-oauth-journey', 'run-exchange-check'];
/** Refused when sending: only a real message shows whether Exchange still refuses it. */
const sendRemedies: readonly RemedyAction[] = ['run-send-check'];
/** Direct send and connector relay: SMTP AUTH with OAuth 2.0 does not depend on them. */
const relayRemedies: readonly RemedyAction[] = ['start-oauth-journey'];

/** Every outcome of the SMTP AUTH check: one per Exchange reply told apart, and the network's. */
export const smtpProblems = {
  'smtp-auth-disabled-tenant': {
    area: 'exchange',
    severity: 'error',
    links: ['exchangeSettings'],
    remedies: smtpAuthOffRemedies,
    fixedOn: 'prepare-exchange',
    blames: 'smtp-auth-organization',
  },
  'smtp-auth-disabled-mailbox': {
    area: 'exchange',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: smtpAuthOffRemedies,
    fixedOn: 'prepare-exchange',
    blames: 'smtp-auth-mailbox',
  },
  'smtp-auth-security-defaults': {
    area: 'exchange',
    severity: 'error',
    links: ['entraProperties'],
    remedies: ['turn-off-security-defaults', 'run-security-defaults-check', 'prepare-exchange'],
    fixedOn: 'prepare-exchange',
    blames: 'security-defaults',
  },
  'smtp-auth-policy-criteria': {
    area: 'exchange',
    severity: 'error',
    links: ['conditionalAccess'],
    remedies: ['run-ca-check', 'run-exchange-check'],
    blames: 'conditional-access',
  },
  'smtp-auth-failed': {
    area: 'exchange',
    severity: 'error',
    remedies: ['sign-in-again', 'run-exchange-check'],
  },
  'smtp-not-authenticated': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-send-as-denied': {
    area: 'exchange',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: smtpRemedies,
  },
  'smtp-concurrency': { area: 'exchange', severity: 'warning', remedies: smtpRemedies },
  'smtp-throttled': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-submission-quota': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-mailbox-full': {
    area: 'exchange',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: smtpRemedies,
  },
  'smtp-restricted-sender': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-legacy-tls': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  // What the network says rather than Exchange (smtp-replies.ts reads the client's error).
  'smtp-certificate': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-port-blocked': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-host-not-found': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-no-starttls': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-bad-greeting': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-timeout': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-connection-dropped': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  'smtp-unexpected-reply': { area: 'exchange', severity: 'error', remedies: smtpRemedies },
  // Basic authentication (a password) refused: the retirement replies.
  'smtp-basic-auth-retired': {
    area: 'exchange',
    severity: 'error',
    links: ['exchangeSettings'],
    remedies: retirementRemedies,
  },
  'smtp-basic-auth-disabled': {
    area: 'exchange',
    severity: 'error',
    links: ['exchangeSettings'],
    remedies: retirementRemedies,
  },
  // Outbound and limit replies (Exchange Online Protection).
  'smtp-tenant-threshold': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-tenant-recipient-limit': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-unregistered-domain': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-ip-blocked': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-forwarding-blocked': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-spam-abuse': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-banned-sender': { area: 'exchange', severity: 'error', remedies: sendRemedies },
  'smtp-server-busy': { area: 'exchange', severity: 'warning', remedies: sendRemedies },
  // Relay and connector replies (direct send, SMTP relay through a connector).
  'smtp-relay-not-attributed': { area: 'exchange', severity: 'error', remedies: relayRemedies },
  // The organization rejects direct send (Set-OrganizationConfig -RejectDirectSend $true).
  'smtp-direct-send-rejected': {
    area: 'exchange',
    severity: 'error',
    links: ['exchangeSettings'],
    remedies: ['choose-sending-way'],
    fixedOn: 'keep-sending',
  },
  'smtp-relay-denied': { area: 'exchange', severity: 'error', remedies: relayRemedies },
  'smtp-recipient-rejected': { area: 'exchange', severity: 'error', remedies: relayRemedies },
} as const satisfies Record<string, ProblemEntry>;

export type SmtpProblemId = keyof typeof smtpProblems;

/** Where in the SMTP conversation the practice Exchange sends a reply. */
export type ReplyStage = 'tls' | 'auth' | 'mail-from' | 'data';

export interface ExchangeReply {
  /** The row's name; with `practice.switch`, also the practice switch value that sends it. */
  name: string;
  /** The reply code Exchange sends it with. */
  code: number;
  /**
   * Its enhanced status codes (RFC 3463), the one in `text` first; `x` stands for any digit.
   * Matched with any reply code of the same class, unless `exactCode`.
   */
  enhanced: readonly string[];
  /** Only this reply code matches (Exchange sends these codes with one reply code only). */
  exactCode?: true;
  /** Words that must follow the codes, where replies share their codes. */
  words?: RegExp;
  /** Exchange's own words that name this reply wherever they are quoted, with or without codes. */
  telltale?: RegExp;
  problemId: SmtpProblemId;
  /**
   * The reply as Exchange words it, code first, without the bracketed server suffix real ones
   * end with. `{user}` and `{from}` stand for the signed-in mailbox and the sender address.
   */
  text: string;
  /** Where this wording comes from, or "best guess: why". */
  source: string;
  /** The practice Exchange sends it at this stage; `switch`: the exchangeReply switch does. */
  practice?: { stage: ReplyStage; switch?: true };
  /** Practice only: a reply the wizard has no entry for (shows the catch-all). */
  unknownToWizard?: true;
}

/**
 * Every reply, in the order the classifier tries them (a more specific reply before a broader
 * one with the same codes), which is also the order of the practice switches.
 */
export const exchangeReplies = [
  {
    name: 'basic-auth-retired',
    code: 550,
    enhanced: ['5.7.30'],
    telltale: /Basic authentication is not supported for Client Submission/i,
    problemId: 'smtp-basic-auth-retired',
    text: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    source:
      'A.4 and Update 2026-12-01: Exchange Team blog "Exchange Online to retire Basic auth for Client Submission (SMTP AUTH)", techcommunity.microsoft.com/t5/exchange-team-blog/…/ba-p/4114750',
    practice: { stage: 'auth' },
  },
  {
    name: 'basic-auth-turned-off',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.139'],
    words: /Authentication unsuccessful, basic authentication is disabled/i,
    telltale: /basic authentication is disabled/i,
    problemId: 'smtp-basic-auth-disabled',
    text: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
    source:
      'A.3 (R: github.com/nodemailer/nodemailer/issues/1714, github.com/rpremraj/mailR/issues/107)',
    practice: { stage: 'auth' },
  },
  {
    name: 'tenant-disabled',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.139'],
    words: /Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant/i,
    telltale: /SmtpClientAuthentication is disabled for the Tenant/i,
    problemId: 'smtp-auth-disabled-tenant',
    text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source:
      'A.3 (R: github.com/simonrob/email-oauth2-proxy/issues/193, github.com/nodemailer/nodemailer/issues/1484, MicrosoftDocs/OfficeDocs-Exchange#3124)',
    practice: { stage: 'auth' },
  },
  {
    name: 'mailbox-disabled',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.139'],
    words: /Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox/i,
    telltale: /SmtpClientAuthentication is disabled for the Mailbox/i,
    problemId: 'smtp-auth-disabled-mailbox',
    text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source:
      'A.3 (L: Dynamics 365 "Configure and send email", learn.microsoft.com/dynamics365/fin-ops-core/fin-ops/organization-administration/configure-email)',
    practice: { stage: 'auth' },
  },
  {
    name: 'security-defaults',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.139'],
    words:
      /Authentication unsuccessful, user is locked by your organization's security defaults policy/i,
    problemId: 'smtp-auth-security-defaults',
    text: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    source:
      'A.3 (R: docs.bookyourpto.com/features/smtp-troubleshoot; meaning: L: learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission)',
    practice: { stage: 'auth' },
  },
  {
    name: 'policy-criteria',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.139'],
    words:
      /Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully/i,
    problemId: 'smtp-auth-policy-criteria',
    text: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
    source:
      'A.3 (L: Dynamics 365 "Configure and send email", learn.microsoft.com/dynamics365/fin-ops-core/fin-ops/organization-administration/configure-email)',
    practice: { stage: 'auth', switch: true },
  },
  {
    name: 'auth-failed',
    code: 535,
    exactCode: true,
    enhanced: ['5.7.3'],
    problemId: 'smtp-auth-failed',
    text: '535 5.7.3 Authentication unsuccessful',
    source:
      'A.2 (L: learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth, failure sample)',
    practice: { stage: 'auth', switch: true },
  },
  {
    name: 'not-authenticated',
    code: 530,
    exactCode: true,
    enhanced: ['5.7.57'],
    problemId: 'smtp-not-authenticated',
    text: '530 5.7.57 Client not authenticated to send mail.',
    source: 'A.3 (L: "Fix error code 5.7.57 in Exchange Online"; fix-issues page, A.6)',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'send-as-denied',
    code: 550,
    enhanced: ['5.7.60'],
    telltale: /SendAsDenied|permissions to send as this sender/i,
    problemId: 'smtp-send-as-denied',
    text: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    source:
      'A.3 and A.6 (L: learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off); the page quotes no reply code: 550 is a best guess (5.7.x refusals come with 550)',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'send-as-denied-older',
    code: 550,
    enhanced: ['5.7.1'],
    words: /send as/i,
    problemId: 'smtp-send-as-denied',
    text: '550 5.7.1 Client does not have permissions to send as this sender',
    source: 'best guess: the older enhanced code with the 5.7.60 words (R: bounce parsers)',
  },
  {
    name: 'send-as-denied-storedrv',
    code: 554,
    enhanced: ['5.2.252'],
    words: /SendAsDenied/i,
    problemId: 'smtp-send-as-denied',
    text: '554 5.2.252 SendAsDenied; {user} not allowed to send as {from}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
    source:
      'A.3 (R: github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187, github.com/gophish/gophish/issues/2900): the 5.2.252 prefix with the tail of its 5.2.0 variant',
    practice: { stage: 'data', switch: true },
  },
  {
    name: 'send-as-denied-storedrv-older',
    code: 554,
    enhanced: ['5.2.0'],
    words: /SendAsDenied/i,
    problemId: 'smtp-send-as-denied',
    text: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.',
    source: 'A.3 (R: github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187)',
  },
  {
    name: 'concurrency',
    code: 432,
    enhanced: ['4.3.2'],
    problemId: 'smtp-concurrency',
    text: '432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.',
    source:
      'A.3 (L: learn.microsoft.com/exchange/troubleshoot/send-emails/smtp-submission-improvements; this variant R: github.com/sabuhish/fastapi-mail/issues/75)',
    practice: { stage: 'auth', switch: true },
  },
  {
    name: 'thread-limit',
    code: 432,
    enhanced: ['4.3.2'],
    problemId: 'smtp-concurrency',
    text: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded',
    source:
      'A.3 (L: learn.microsoft.com/exchange/troubleshoot/send-emails/smtp-submission-improvements)',
  },
  {
    name: 'throttled',
    code: 550,
    enhanced: ['5.2.252', '5.2.251', '5.2.253', '5.2.254', '5.2.255'],
    problemId: 'smtp-throttled',
    text: '550 5.2.252 Sender throttled due to continuous send as denied errors.',
    source:
      'A.3 (L: learn.microsoft.com/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions)',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'submission-quota',
    code: 554,
    enhanced: ['5.2.0', '5.2.2'],
    words: /SubmissionQuotaExceeded|Submission quota exceeded/i,
    problemId: 'smtp-submission-quota',
    text: '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
    source:
      'A.3 (L: smtp-submission-improvements; "fix-error-for-submission-quota-exceeded-in-exchange-online"): the prefix; the tail as in the other STOREDRV replies',
    practice: { stage: 'data', switch: true },
  },
  {
    name: 'mailbox-full',
    code: 554,
    enhanced: ['5.2.2'],
    telltale: /MapiExceptionShutoffQuotaExceeded|QuotaExceededException/i,
    problemId: 'smtp-mailbox-full',
    text: '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
    source:
      'A.3 (L: learn.microsoft.com/exchange/troubleshoot/send-emails/smtp-submission-improvements): the prefix; the tail as in the other STOREDRV replies',
    practice: { stage: 'data', switch: true },
  },
  {
    name: 'restricted-sender',
    code: 550,
    enhanced: ['5.1.8'],
    problemId: 'smtp-restricted-sender',
    text: '550 5.1.8 Access denied, bad outbound sender',
    source: 'A.3 (L: fix-issues page for printers, A.6; R: blog.ciaops.com/2021/03/)',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'legacy-tls',
    code: 421,
    exactCode: true,
    enhanced: ['4.7.66'],
    problemId: 'smtp-legacy-tls',
    text: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls',
    source:
      'A.1 (R: m365scripts.com/security/opt-in-to-the-exchange-online-endpoint-for-legacy-tls-clients-using-smtp-auth/)',
    practice: { stage: 'tls', switch: true },
  },
  {
    name: 'tenant-threshold',
    code: 550,
    enhanced: ['5.7.705'],
    telltale: /tenant has exceeded threshold/i,
    problemId: 'smtp-tenant-threshold',
    text: '550 5.7.705 Access denied, tenant has exceeded threshold.',
    source:
      'A.3 (L: "Fix email delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online")',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'ip-blocked',
    code: 550,
    enhanced: ['5.7.708'],
    telltale: /traffic not accepted from this IP/i,
    problemId: 'smtp-ip-blocked',
    text: '550 5.7.708 Access denied, traffic not accepted from this IP.',
    source:
      'A.3 (L: "Fix email delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online")',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'unregistered-domain',
    code: 550,
    enhanced: ['5.7.750'],
    telltale: /blocked from sending from unregistered domain/i,
    problemId: 'smtp-unregistered-domain',
    text: '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
    source:
      'A.3 (L: "Fix email delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online"; A.3 quotes the words after "Service unavailable.")',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'spam-abuse',
    code: 550,
    enhanced: ['5.7.501'],
    telltale: /spam abuse detected/i,
    problemId: 'smtp-spam-abuse',
    text: '550 5.7.501 Access denied, spam abuse detected.',
    source:
      'best guess: not in the reference; docs/troubleshoot.md names a Microsoft 365 article titled with these words, not read here',
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'server-busy',
    code: 451,
    enhanced: ['4.7.5xx', '4.7.6xx'],
    problemId: 'smtp-server-busy',
    text: '451 4.7.500 Server busy. Please try again later from [127.0.0.1]. (S77)',
    source:
      "best guess: not in the reference; the wording of Postfix logs and bounce parsers (R, docs/troubleshoot.md), Microsoft's 4.7.500-699 page not found",
    practice: { stage: 'mail-from', switch: true },
  },
  {
    name: 'other-reply',
    code: 554,
    enhanced: ['5.6.211'],
    problemId: 'smtp-unexpected-reply',
    text: "554 5.6.211 Invalid MIME Content: single text value size (32784) exceeded allowed maximum (32768) for the 'X-Practice' header.",
    source:
      'best guess: a reply the wizard has no entry for, in the form of Exchange\'s 5.6.211 "Invalid MIME Content" replies; not in the reference',
    practice: { stage: 'mail-from', switch: true },
    unknownToWizard: true,
  },
  {
    name: 'tenant-recipient-limit',
    code: 550,
    enhanced: ['5.7.233'],
    telltale: /exceeded its daily limit for sending email to external recipients/i,
    problemId: 'smtp-tenant-recipient-limit',
    text: "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit).",
    source:
      'best guess: not in the reference; R (text in public code, docs/troubleshoot.md), Microsoft page not found',
  },
  {
    name: 'forwarding-blocked',
    code: 550,
    enhanced: ['5.7.520'],
    telltale: /(?:does not allow|disabled) external forwarding/i,
    problemId: 'smtp-forwarding-blocked',
    text: '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)',
    source:
      'best guess: not in the reference; docs/troubleshoot.md cites L: Defender for Office 365 "Control automatic external email forwarding", not read here',
  },
  {
    name: 'banned-sender',
    code: 550,
    enhanced: ['5.7.511'],
    telltale: /banned sender/i,
    problemId: 'smtp-banned-sender',
    text: '550 5.7.511 Access denied, banned sender[203.0.113.9]. To request removal from this list, forward this message to delist@microsoft.com.',
    source:
      'best guess: not in the reference; docs/troubleshoot.md cites L: Defender "Use the delist portal", not read here',
  },
  {
    name: 'direct-send-rejected',
    code: 550,
    enhanced: ['5.7.68'],
    telltale: /TenantInboundAttribution; Direct Send not allowed/i,
    problemId: 'smtp-direct-send-rejected',
    text: '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    source:
      'reference section 3 (V: Exchange Team blog "Introducing more control over Direct Send", MC1093237); the practice MX sends it (electron/simulator/practice-mx.ts)',
  },
  {
    name: 'relay-not-attributed',
    code: 550,
    enhanced: ['5.7.64', '4.4.62', '4.7.64'],
    telltale: /TenantAttribution/i,
    problemId: 'smtp-relay-not-attributed',
    text: '550 5.7.64 TenantAttribution; Relay Access Denied',
    source: 'A.3 (L: fix-issues page for printers, A.6)',
  },
  {
    name: 'wrong-region',
    code: 451,
    enhanced: ['4.4.62'],
    problemId: 'smtp-relay-not-attributed',
    text: '451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35',
    source: 'A.3 (L: fix-issues page for printers, A.6): the words; reply code and ATTR35: R',
  },
  {
    name: 'relay-denied',
    code: 550,
    enhanced: ['5.7.54', '5.7.1'],
    words: /unable to relay|relaying denied/i,
    problemId: 'smtp-relay-denied',
    text: '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
    source:
      'best guess: not in the reference; R (bounce parsers, docs/troubleshoot.md); the meaning: A.1 and E, direct send reaches only your own organization',
  },
  {
    name: 'recipient-rejected',
    code: 550,
    enhanced: ['5.4.1'],
    problemId: 'smtp-recipient-rejected',
    text: '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
    source:
      "best guess: not in the reference; R (Directory-Based Edge Blocking NDRs, docs/troubleshoot.md), Microsoft's 5.4.1 page not found",
  },
] as const satisfies readonly ExchangeReply[];

export type ExchangeReplyName = (typeof exchangeReplies)[number]['name'];

/** The exchangeReply practice switch values that send a reply, in table order. */
export type ExchangeReplySwitch = Extract<
  (typeof exchangeReplies)[number],
  { practice: { switch: true } }
>['name'];

export const exchangeReplySwitches = exchangeReplies
  .filter((row: ExchangeReply) => row.practice?.switch === true)
  .map((row) => row.name) as ExchangeReplySwitch[];

export function exchangeReplyNamed(name: ExchangeReplyName): ExchangeReply {
  const row: ExchangeReply | undefined = exchangeReplies.find((each) => each.name === name);
  if (!row) throw new Error(`No Exchange reply named ${name}`);
  return row;
}

/** The reply's words with its placeholders filled in. */
export function replyText(
  row: ExchangeReply,
  values: { user?: string; from?: string } = {},
): string {
  return row.text.replace('{user}', values.user ?? '').replace('{from}', values.from ?? '');
}

/** The row's codes as the start of a reply: "535 5.7.139", or any 5xx reply with 5.7.705. */
function codesPattern(row: ExchangeReply): RegExp {
  const alternatives = row.enhanced.map((enhanced) => {
    const code = row.exactCode ? String(row.code) : `${enhanced[0]}\\d\\d`;
    return `${code}[ -]${enhanced.replace(/\./g, '\\.').replace(/x/g, '\\d')}\\b`;
  });
  return new RegExp(`^(?:${alternatives.join('|')})`);
}

const matchers = exchangeReplies
  .filter((row: ExchangeReply) => row.unknownToWizard !== true)
  .map((row: ExchangeReply) => ({ row, codes: codesPattern(row) }));

/** The first row this reply (code first, cleaned) is, or null. */
export function replyRowFor(reply: string): ExchangeReply | null {
  for (const { row, codes } of matchers) {
    if (codes.test(reply) && (!row.words || row.words.test(reply))) return row;
    if (row.telltale?.test(reply)) return row;
  }
  return null;
}

/** Exchange's own words quoted without any code: the row they name and the words found. */
export function replyRowByWords(text: string): { row: ExchangeReply; words: string } | null {
  for (const { row } of matchers) {
    const found = row.telltale?.exec(text);
    if (found) return { row, words: found[0] };
  }
  return null;
}

/** The reply code Exchange sends with an enhanced code, where the table knows it. */
export function replyCodeOf(enhanced: string): number | null {
  for (const { row } of matchers) {
    if (row.enhanced[0] === enhanced) return row.code;
  }
  return null;
}
