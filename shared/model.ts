/**
 * The data model shared by the UI and the main process. Plain data only: everything here can
 * cross the contract as JSON and be persisted without leaking a secret.
 */
import type { PracticePages } from './practice';
import type { ProblemData } from './problem';
import type { ProblemId } from './problems/index';
import type { PrinterSetupRecord } from './printer-setup';
import type { ChosenPrinter } from './printers';

/** The journey of DESIGN.md section 2, in order. */
export const journeySteps = [
  'welcome',
  'find-printer',
  // For a printer that cannot do OAuth 2.0 (shared/sending-ways.ts).
  'keep-sending',
  'prepare-exchange',
  'sign-in',
  'verify-tenant',
  'set-up-printer',
  'status-sheet',
  'done',
] as const;
export type StepId = (typeof journeySteps)[number];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (journeySteps as readonly string[]).includes(value);
}

/**
 * Every check the status board sums up, with the step that runs it. Later capabilities fill in
 * the results; until a check has run its state is 'not-run'.
 */
export const statusChecks = [
  { id: 'printer-found', step: 'find-printer' },
  { id: 'printer-firmware', step: 'find-printer' },
  { id: 'sending-way', step: 'keep-sending' },
  { id: 'smtp-auth-organization', step: 'prepare-exchange' },
  { id: 'smtp-auth-mailbox', step: 'prepare-exchange' },
  { id: 'security-defaults', step: 'prepare-exchange' },
  { id: 'signed-in', step: 'sign-in' },
  { id: 'consent-role', step: 'sign-in' },
  { id: 'smtp-login', step: 'verify-tenant' },
  { id: 'test-message', step: 'verify-tenant' },
  { id: 'conditional-access', step: 'verify-tenant' },
  { id: 'printer-signed-in', step: 'set-up-printer' },
  { id: 'status-sheet', step: 'status-sheet' },
  { id: 'printer-test-message', step: 'status-sheet' },
] as const satisfies readonly { id: string; step: StepId }[];
export type CheckId = (typeof statusChecks)[number]['id'];

/**
 * 'waiting': started, and waiting on the person or the world (a test message on its way);
 * 'info': something to look at that the wizard cannot judge (is this firmware the latest?).
 */
export type CheckState =
  'not-run' | 'running' | 'waiting' | 'passed' | 'info' | 'attention' | 'failed';
export const checkIds = statusChecks.map((check) => check.id) as [CheckId, ...CheckId[]];

/** The outcome of one check, as the status board shows it. Never holds a secret. */
export interface CheckResult {
  state: Exclude<CheckState, 'not-run'>;
  /** A short plain value worth showing (a firmware version, an account name); no secret. */
  summary?: string;
  /** The problem behind a state other than 'passed' (its words come from the locale files). */
  problemId?: ProblemId;
  /** The problem's values its words name (an error code, a host); no secret. */
  problemData?: ProblemData;
  /** When the check ran (ISO 8601). */
  at: string;
  /** Something it was judged on changed since (another account, a later failure): run it again. */
  stale?: true;
}

/** Languages the wizard speaks: English plus the five of the vendor guide. */
export const supportedLanguages = ['en', 'zh-TW', 'zh-CN', 'ms', 'uk', 'ca'] as const;
export type Language = (typeof supportedLanguages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * Picks the supported language closest to a list of BCP 47 tags (the OS or browser preference,
 * best first). Traditional Chinese is chosen for the Hant script and for TW/HK/MO regions.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const raw of preferred) {
    const tag = raw.trim().toLowerCase().replace(/_/g, '-');
    const [base, ...rest] = tag.split('-');
    if (base === 'zh') {
      const traditional = rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part));
      return traditional ? 'zh-TW' : 'zh-CN';
    }
    if (base === 'en' || base === 'ms' || base === 'uk' || base === 'ca') return base;
  }
  return 'en';
}

/** Work or school accounts use Exchange Online; personal accounts use Outlook.com. */
export const accountKinds = ['work', 'personal'] as const;
export type AccountKind = (typeof accountKinds)[number];

/** The Microsoft clouds a tenant can live in; endpoints per cloud come with the sign-in work. */
export const microsoftClouds = ['global', 'us-government', 'china'] as const;
export type MicrosoftCloud = (typeof microsoftClouds)[number];

/**
 * What the wizard remembers between runs. Never a secret: the main process stores it as a plain
 * file, and its schema (electron/services/progress-store.ts) refuses unknown fields.
 */
export interface Progress {
  step: StepId;
  /** Steps the user has opened, for the rail's "done" marks. */
  visited: StepId[];
  /** null = follow the operating system. */
  language: Language | null;
  accountKind: AccountKind;
  cloud: MicrosoftCloud;
  /** The latest result of each check that has run. */
  checks: Partial<Record<CheckId, CheckResult>>;
  /** The printers chosen in "Find the printer" (never a password). */
  printers: ChosenPrinter[];
  /** Per chosen printer (by id): its sign-in on the printer and its status sheet answers. */
  printerSetup: Record<string, PrinterSetupRecord>;
  /** Changes the wizard made in Microsoft 365 when the person asked it to, oldest first. */
  adminChanges: AdminChange[];
  /** Which account signs in on the printer (and so sends its mail), and who consented. */
  printerAccount: PrinterAccount;
}

/**
 * The two ways of the account story. 'administrator': the guide's way, a Global Administrator
 * signs in on the printer and consents for the organization, and that account's mailbox sends.
 * 'own-mailbox': the way the wizard recommends, an administrator consents once for the
 * organization, then the printer signs in with a mailbox of its own (scanner@…).
 */
export const printerAccountWays = ['own-mailbox', 'administrator'] as const;
export type PrinterAccountWay = (typeof printerAccountWays)[number];

/** The account story, asked once (Sign in) and read by every step, the board and the report. */
export interface PrinterAccount {
  /** null: not chosen yet (then the signed-in account is the sending mailbox, as in the guide). */
  way: PrinterAccountWay | null;
  /** 'own-mailbox': the printer's own mailbox, as the person typed it. */
  mailbox: string | null;
  /** The account that could consent for the organization and signed in (main records it). */
  consentedBy: string | null;
}

export const noPrinterAccount: PrinterAccount = { way: null, mailbox: null, consentedBy: null };

/** SMTP AUTH for one mailbox as Exchange keeps it (Get-CASMailbox SmtpClientAuthenticationDisabled: false, true, or empty = follow the organization). */
export const mailboxSmtpAuthSettings = ['on', 'off', 'organization'] as const;
export type MailboxSmtpAuthSetting = (typeof mailboxSmtpAuthSettings)[number];

export const isMailboxSmtpAuthSetting = (value: string): value is MailboxSmtpAuthSetting =>
  (mailboxSmtpAuthSettings as readonly string[]).includes(value);

/** What the wizard can change for the person ("Do it for me"), one object each time. */
export const adminChangeKinds = [
  // SMTP AUTH for one mailbox (Set-CASMailbox); target: the mailbox.
  'mailbox-smtp-auth',
  // Security defaults of the tenant (Entra); target: the tenant's name.
  'security-defaults',
  // A group left out of a Conditional Access policy; target: the policy, member: the group.
  'policy-exclusion',
  // An account put into a group; target: the group, member: the account.
  'group-member',
  // A security group created for the exclusion; target: the group.
  'group-created',
] as const;
export type AdminChangeKind = (typeof adminChangeKinds)[number];

/**
 * A value before or after a change: a mailbox's SMTP AUTH setting; security defaults on or off;
 * a group left out of a policy or not; an account in a group or not.
 */
export const adminChangeValues = [
  ...mailboxSmtpAuthSettings,
  'excluded',
  'not-excluded',
  'member',
  'not-member',
  'absent',
  'present',
] as const;
export type AdminChangeValue = (typeof adminChangeValues)[number];

/** One change the wizard made for the person: what, on which object, by whom, when, and the value before (for Undo). */
export interface AdminChange {
  id: string;
  kind: AdminChangeKind;
  /** The object changed, as the person knows it: a mailbox, the tenant, a policy, a group. */
  target: string;
  /** Its object id in Microsoft Entra (policy, group), for Undo. */
  targetId?: string;
  /** What was put into it or left out of it (a group, an account), by name and object id. */
  member?: string;
  memberId?: string;
  before: AdminChangeValue;
  after: AdminChangeValue;
  /** The signed-in account that made it. */
  by: string;
  at: string;
  /** When it was undone (the value before was put back). */
  undoneAt?: string;
}

export const initialProgress: Progress = {
  step: 'welcome',
  visited: ['welcome'],
  language: null,
  accountKind: 'work',
  cloud: 'global',
  checks: {},
  printers: [],
  printerSetup: {},
  adminChanges: [],
  printerAccount: noPrinterAccount,
};

export type ShellKind = 'electron' | 'browser';

export type KeychainStatus =
  | { state: 'available'; backend: string }
  | {
      state: 'unavailable';
      reason: 'not-installed' | 'no-service' | 'locked' | 'timed-out' | 'failed';
      /** For support: the D-Bus error name or system code, else the kind (never raw text). */
      detail: string;
    };

export interface AppInfo {
  name: string;
  version: string;
  shell: ShellKind;
  /** True when the practice world stands in for Microsoft and the printers. */
  practice: boolean;
  platform: { os: string; release: string; arch: string };
  runtime: { node: string; electron: string | null; chrome: string | null };
  keychain: KeychainStatus;
  /**
   * The operating system's preferred languages, most wanted first, when the shell can ask
   * (Electron: app.getPreferredSystemLanguages()). Absent in the browser shell, where the page
   * reads the browser's own (navigator.languages).
   */
  preferredLanguages?: string[];
  /** Practice mode: the practice world's pages (the host's, never written in the renderer). */
  practiceWorld?: PracticePages;
}
