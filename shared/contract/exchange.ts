/**
 * Preparing and checking Exchange Online: the SMTP AUTH check with an optional test message,
 * and the tenant checks over Microsoft Graph. Every result says what it means for the status
 * board; main records it there when the check ends (shared/contract/journey.ts).
 */
import type { CloudProfile } from '../cloud-profiles';
import type { AdminChange, CheckId, CheckResult, MailboxSmtpAuthSetting } from '../model';
import type { Problem } from '../problem';

type NoParams = Record<string, never>;

/** One status board entry a check wants recorded. */
export interface BoardUpdate {
  check: CheckId;
  result: Omit<CheckResult, 'at'>;
}

/** Where things are for the user's Microsoft cloud (or the practice world). */
export interface ExchangeSetup {
  profileId: CloudProfile['id'];
  smtpHost: string;
  smtpPort: number;
  adminPages: CloudProfile['adminPages'];
  practice: boolean;
  /** Personal (Outlook.com) accounts have no tenant to check or switches to flip. */
  personal: boolean;
}

export interface MailCheckRequest {
  sendTest: boolean;
  /** One address; empty or absent = the signed-in mailbox itself. */
  testAddress?: string;
}

export interface TestMessageReport {
  to: string;
  subject: string;
  accepted: boolean;
}

export interface MailCheckResult {
  passed: boolean;
  problem: Problem | null;
  /** The mailbox that logged in (the signed-in account), when known. */
  mailbox: string | null;
  /** host:port the check talked to. */
  server: string;
  testMessage: TestMessageReport | null;
  /** The SMTP conversation, token removed, for support. */
  transcript: string;
  durationMs: number;
  board: BoardUpdate[];
}

export const tenantCheckIds = ['security-defaults', 'conditional-access', 'consent-role'] as const;
export type TenantCheckId = (typeof tenantCheckIds)[number];

export interface TenantCheckResult {
  check: TenantCheckId;
  /** 'unavailable' = the check could not be made (consent, role, licence, network): see problem. */
  state: 'passed' | 'attention' | 'failed' | 'unavailable';
  problem: Problem | null;
  /** Plain facts found, for the screen (policy names, role names); never a secret. */
  facts: string[];
  /** How the Conditional Access check was made. */
  method?: 'what-if' | 'policies';
  board: BoardUpdate[];
}

/** SMTP AUTH for the signed-in account's mailbox, as Exchange Online keeps it now. */
export interface MailboxSmtpAuth {
  mailbox: string;
  setting: MailboxSmtpAuthSetting;
}

/** "Do it for me": the change made and checked, then the real SMTP AUTH check until it passes. */
export interface MailboxSmtpAuthFix {
  /** The change made; null when SMTP AUTH was already on for the mailbox (nothing changed). */
  change: AdminChange | null;
  /** The last SMTP AUTH check run after the change (null when none could run). */
  check: MailCheckResult | null;
  /** How long the wizard waited for Exchange's servers to take the change, in seconds. */
  waitedSeconds: number;
}

export interface ExchangeApi {
  getExchangeSetup: { params: NoParams; result: ExchangeSetup };
  runMailCheck: { params: MailCheckRequest; result: MailCheckResult };
  runTenantChecks: { params: { checks: TenantCheckId[] }; result: TenantCheckResult[] };
  /** Reads SMTP AUTH for the signed-in mailbox through Exchange's admin endpoint (asked for first). */
  readMailboxSmtpAuth: { params: NoParams; result: MailboxSmtpAuth };
  /** Turns SMTP AUTH on for the signed-in mailbox only, checks it took, records it, re-checks. */
  turnOnMailboxSmtpAuth: { params: NoParams; result: MailboxSmtpAuthFix };
  /** Puts back the value a change found (Undo); answers the change, marked undone. */
  undoAdminChange: { params: { id: string }; result: AdminChange };
  /** Asks Microsoft for the Exchange.Manage permission in the browser (incremental consent). */
  allowExchangeChanges: { params: NoParams; result: { url: string; via: 'system' | 'page' } };
}

export interface ExchangeEvents {
  /** The setup changes with the chosen cloud and account kind. */
  'exchange-setup-changed': ExchangeSetup;
}
