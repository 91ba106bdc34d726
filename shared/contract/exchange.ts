/**
 * Preparing and checking Exchange Online: the SMTP AUTH check with an optional test message,
 * and the tenant checks over Microsoft Graph. Every result says what it means for the status
 * board; main records it there when the check ends (shared/contract/journey.ts).
 */
import type { CloudProfile } from '../cloud-profiles';
import type { CheckId, CheckResult } from '../model';
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

export interface ExchangeApi {
  getExchangeSetup: { params: NoParams; result: ExchangeSetup };
  runMailCheck: { params: MailCheckRequest; result: MailCheckResult };
  runTenantChecks: { params: { checks: TenantCheckId[] }; result: TenantCheckResult[] };
}

export interface ExchangeEvents {
  /** The setup changes with the chosen cloud and account kind. */
  'exchange-setup-changed': ExchangeSetup;
}
