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

/** Security defaults of the signed-in account's tenant, as Entra has them now. */
export interface SecurityDefaultsState {
  enabled: boolean;
  /** The tenant's name, as the person knows it (the object the change names). */
  tenant: string;
}

/** A Conditional Access policy as the wizard lists it after a change. */
export interface ConditionalAccessPolicySeen {
  id: string;
  name: string;
  state: 'enabled' | 'disabled' | 'report-only';
  /** Created by Microsoft ("Microsoft-managed: …"): takes in new accounts unless excluded. */
  managed: boolean;
}

/** "Do it for me": security defaults turned off, and what Entra looks like afterwards. */
export interface SecurityDefaultsFix {
  /** The change made; null when they were already off (nothing changed). */
  change: AdminChange | null;
  tenant: string;
  /** Every Conditional Access policy now, and those that appeared with the change. */
  policies: ConditionalAccessPolicySeen[];
  appeared: ConditionalAccessPolicySeen[];
  /** The checks run afterwards (null when one could not run): the proof. */
  securityDefaults: TenantCheckResult | null;
  conditionalAccess: TenantCheckResult | null;
}

/**
 * How long the wizard waits for one answer of Microsoft (Graph or the Exchange admin endpoint)
 * to a change, and how many times it sends a call that may be sent again (reads, PATCH and
 * Set-CASMailbox; a POST to Graph is sent once).
 */
export const entraChangeAnswerSeconds = 15;
export const entraChangeTries = 3;
/**
 * The longest the wizard waits for Microsoft during one "Do it for me" change, every call, try
 * and Retry-After wait included (for Entra also the checks that prove it): the panels state it
 * while they wait, and past it the wizard stops and says what happened
 * (`admin-change-out-of-time`). Without it, three tries of 15 seconds could run past a minute.
 */
export const adminChangeLimitSeconds = 60;
/** After SMTP AUTH is turned on, how long the real login is re-checked (Exchange takes minutes). */
export const smtpAuthProofMinutes = 5;

/** The Graph permissions "Do it for me" asks for in Entra, one at the moment of its change. */
export const entraChangePermissions = [
  'Policy.ReadWrite.SecurityDefaults',
  'Policy.ReadWrite.ConditionalAccess',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
] as const;

/** What "allow the printer's device-code sign-in" would change, read before any change. */
export interface DeviceCodeExclusionPlan {
  /** The signed-in account: the mailbox the printer signs in as. */
  account: string;
  /** Each policy What If finds blocking this account's device-code sign-in (on or report-only). */
  blocking: ConditionalAccessPolicySeen[];
  /** Security groups the person may pick as the exclusion group. */
  groups: { id: string; name: string }[];
  /** The name the wizard proposes for a new group (the person confirms or changes it). */
  suggestedName: string;
}

export type ExclusionGroupChoice = { kind: 'existing'; id: string } | { kind: 'new'; name: string };

/** One change of the plan, as the person reads it (made or not). */
export type PlannedChange = Pick<AdminChange, 'kind' | 'target'> & { member?: string };

/** What was changed, what was not (a failure halfway) and why, and the What If proof. */
export interface DeviceCodeExclusionFix {
  changes: AdminChange[];
  notDone: PlannedChange[];
  problem: Problem | null;
  conditionalAccess: TenantCheckResult | null;
}
export type EntraChangePermission = (typeof entraChangePermissions)[number];

/** An app holding consent for the whole organization on Office 365 Exchange Online. */
export interface OrganizationConsent {
  app: string;
  appId: string;
  /** The delegated permissions consented, e.g. SMTP.Send. */
  permissions: string[];
}

/** The proof of "Consent on behalf of your organization" for SMTP.Send (oauth2PermissionGrants). */
export interface SmtpConsentProof {
  /** Every app with consent for the organization on Exchange Online. */
  grants: OrganizationConsent[];
  /** The apps among them whose consent includes SMTP.Send. */
  smtpSend: OrganizationConsent[];
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
  /** Reads security defaults of the signed-in account's tenant (Policy.Read.All). */
  readSecurityDefaults: { params: NoParams; result: SecurityDefaultsState };
  /** Turns security defaults off, reads them back, records it, lists the policies, proves it. */
  turnOffSecurityDefaults: { params: NoParams; result: SecurityDefaultsFix };
  /** Reads what allowing the printer's device-code sign-in would change (What If, groups). */
  planDeviceCodeExclusion: { params: NoParams; result: DeviceCodeExclusionPlan };
  /** Puts the account in the group and the group in each blocking policy's exclusions. */
  excludeFromDeviceCodeBlocks: {
    params: { group: ExclusionGroupChoice };
    result: DeviceCodeExclusionFix;
  };
  /** Reads which apps hold consent for the organization for SMTP.Send (Directory.Read.All). */
  readSmtpConsent: { params: NoParams; result: SmtpConsentProof };
  /** Asks Microsoft for one Entra change permission in the browser (incremental consent). */
  allowEntraChange: {
    params: { permission: EntraChangePermission };
    result: { url: string; via: 'system' | 'page' };
  };
  /** Asks Microsoft for the Exchange.Manage permission in the browser (incremental consent). */
  allowExchangeChanges: { params: NoParams; result: { url: string; via: 'system' | 'page' } };
}

export interface ExchangeEvents {
  /** The setup changes with the chosen cloud and account kind. */
  'exchange-setup-changed': ExchangeSetup;
}
