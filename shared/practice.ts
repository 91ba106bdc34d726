/**
 * Scenario switches of the practice world (electron/simulator/). Each switch puts one simulated
 * part into one of the situations the wizard handles; the UI lists them in practice mode only.
 * Later capabilities add their switches here (tenant, Exchange, printers).
 */
import { exchangeReplySwitches } from './exchange/replies';
import type { VendorProfileId } from './vendor-profiles';

export const practiceSwitches = {
  /** How the OS keychain behaves for the practice run. */
  keychain: ['as-is', 'missing', 'locked', 'hangs'],
  /** Which practice printers announce themselves on loopback. */
  printers: ['three', 'none', 'hostile'],
  /**
   * How the practice tenant answers sign-ins (electron/simulator/practice-tenant/). Errors
   * "after sign-in" come once the person has entered the password on the practice page, the
   * way Microsoft shows them; app and code errors come at once; refresh errors on the next
   * silent refresh.
   */
  tenant: [
    'normal',
    'slow-down',
    'mfa-required',
    'mfa-registration',
    'conditional-access',
    'device-code-blocked',
    'security-defaults',
    'consent-missing',
    'consent-declined',
    'admin-consent-required',
    'admin-approval-requested',
    'wrong-password',
    'account-not-found',
    'external-account',
    'app-not-in-tenant',
    'not-public-client',
    'bad-verification-code',
    'code-expired',
    'refresh-expired',
    'tokens-revoked',
    'sign-in-frequency',
    'network-down',
    'not-answering',
    'unexpected-error',
    // Transient trouble in the middle of polling (and on the next refresh): the wizard rides
    // it out and keeps the same code; `busy` never ends, so the wizard must say so.
    'busy-once',
    'throttled-once',
    'connection-dropped-once',
    'slow-once',
    'busy',
    // More Entra answers (electron/simulator/practice-entra-answers.ts), after the password.
    'resource-not-found',
    'device-auth-required',
    'user-not-assigned',
    'account-disabled',
    'account-locked',
    'password-expired',
  ],
  // Practice Exchange and practice Graph (electron/simulator/practice-exchange.ts). The first
  // three are also what the practice admin center page flips.
  smtpAuthOrganization: ['off', 'on'],
  smtpAuthMailbox: ['organization-setting', 'off', 'on'],
  securityDefaults: ['off', 'on'],
  // Every reply row of shared/exchange/replies.ts the switch sends, in table order; then no
  // Exchange at all (connection refused, as on a network blocking port 587).
  exchangeReply: ['as-configured', ...exchangeReplySwitches, 'port-blocked'],
  /**
   * What the practice Exchange answers a printer that still logs in with a password (AUTH
   * LOGIN or PLAIN): Basic authentication retired (5.7.30, the default in existing tenants
   * from the end of December 2026), turned off (5.7.139 "basic authentication is disabled"),
   * or turned back on by an administrator for a while (the way "password-for-now"): then an
   * account of the practice domain with the practice password signs in.
   */
  passwordLogin: ['retired', 'turned-off', 'turned-back-on'],
  graph: [
    'works',
    'consent-missing',
    'licence-missing',
    'unauthorized',
    'throttled-once',
    'throttled-long',
    'server-error',
    'malformed',
    'what-if-unavailable',
    // What If unavailable and the account's group and role memberships unreadable (as with
    // hidden memberships): the policy-reading fallback cannot tell whether an exclusion applies.
    'memberships-unreadable',
  ],
  /**
   * How the practice Graph answers the changes "Do it for me" makes (the write calls only; the
   * reads follow `graph`): as Microsoft does, throttled once for 2 seconds (429, Retry-After: 2,
   * then it works) or for 2 minutes (429, Retry-After: 120), or a server error (503), or a slow
   * answer (each change answered after 4 seconds), or refused with 403 Authorization_RequestDenied
   * as for an account whose admin role is not active (an eligible role not activated, or one
   * removed since sign-in), or a Conditional Access policy change that fails (500) while the
   * group changes work, to leave a change halfway.
   */
  graphChanges: [
    'work',
    'denied',
    'throttled-once',
    'throttled-long',
    'server-error',
    'slow',
    'policy-change-fails',
  ],
  /**
   * How the practice Exchange admin endpoint (practice-exchange-admin.ts) answers Set-CASMailbox
   * (reads always work): as it should, throttled (429 with Retry-After: 60, said; or once with
   * Retry-After: 2, waited for), a server error (503), an answer the wizard does not know (an
   * HTML page with 200), or slowly (after 4 seconds); the wizard says what happened, that
   * nothing was changed, and offers the PowerShell lines.
   */
  exchangeAdmin: ['works', 'throttled', 'throttled-once', 'server-error', 'unexpected', 'slow'],
  /**
   * The practice tenant's device-code policy: none, blocking everyone, blocking everyone but the
   * "Device code flow exceptions" group (Microsoft's recommended exception group) or but Global
   * Administrators (a role), and Microsoft's managed policy in report-only mode or on.
   */
  conditionalAccess: [
    'none',
    'block-device-code',
    'block-except-group',
    'block-except-role',
    'managed-report-only',
    'managed-on',
  ],
  /**
   * How old the practice tenant is. `brand-new` is a tenant made after 1 July 2026, as Microsoft
   * creates them now: choosing it sets security defaults on, the Microsoft-managed "Block device
   * code flow" policy on and SMTP AUTH off for the mailbox, and in it security defaults block
   * the device code flow (AADSTS530035) and the device-code policy refuses a code sign-in
   * (AADSTS53003) of any account it does not leave out (reference section 2).
   */
  tenantAge: ['existing', 'brand-new'],
  /**
   * What happens to the practice printer's test message (electron/simulator/practice-mailbox.ts
   * and practice-printer-panel.ts): delivered at once, delivered late, quarantined (never in
   * the inbox), or sent by the printer under another account. Declining the wizard's request
   * to read the mailbox is done on the practice consent page itself (Cancel), as in Entra.
   */
  testMessage: ['arrives', 'arrives-late', 'never-arrives', 'wrong-sender'],
  /**
   * The other ways of sending (electron/simulator/practice-mx.ts, practice-dns.ts): where the
   * practice domain's MX points, whether port 25 gets out, whether the organization rejects
   * direct send (550 5.7.68), whether a connector names this network (else 550 5.7.64 for a
   * relay outside the organization), and the High Volume Email account.
   */
  mx: ['exchange-online', 'not-microsoft', 'none'],
  port25: ['open', 'blocked', 'hangs'],
  directSend: ['allowed', 'rejected'],
  connector: ['this-address', 'no-connector'],
  hveAccount: ['works', 'missing', 'wrong-password'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type PracticeSwitchId = keyof typeof practiceSwitches;

/**
 * The practice world's own pages, as the host composes them in practice mode (the renderer
 * knows no practice address of its own).
 */
export interface PracticePages {
  /** The practice mailbox, where the practice Exchange's delivered test messages show. */
  mailboxUrl: string;
  /**
   * The practice admin center's list of every change the wizard made through Graph and the
   * Exchange admin endpoint (what, before and after, when, by whom), where "Do it for me" links.
   */
  changesUrl: string;
  /** Path of a practice printer's control panel (Scan > Email), on its Web Config's origin. */
  printerPanelPath: string;
  /** The practice printers' administrator password (a real one is on the printer's label). */
  printerAdminPassword: string;
  /** The make whose web page the practice printers' Web Config imitates. */
  webConfigOf: VendorProfileId;
}
export type PracticeSwitchValue<S extends PracticeSwitchId = PracticeSwitchId> =
  (typeof practiceSwitches)[S][number];

/** Current position of every switch; the first option of each is its default. */
export type PracticeSettings = { [S in PracticeSwitchId]: PracticeSwitchValue<S> };

export function defaultPracticeSettings(): PracticeSettings {
  const entries = Object.entries(practiceSwitches).map(([id, options]) => [id, options[0]]);
  return Object.fromEntries(entries) as PracticeSettings;
}
