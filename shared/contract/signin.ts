/**
 * The wizard's own Microsoft sign-in (device code flow, run in the main process). Nothing here
 * is secret: the user code is meant to be shown; tokens, refresh tokens and the device code
 * never cross the contract.
 */
import type { Problem } from '../problem';

type NoParams = Record<string, never>;

/** Where the client ID in use came from (settings screen, environment, packaging, practice). */
export type ClientIdSource = 'settings' | 'environment' | 'packaged' | 'practice';

export interface ClientIdInfo {
  /** The Microsoft app (client ID) in use, or null when none is configured. */
  value: string | null;
  source: ClientIdSource | null;
  /** The value saved on the settings screen (it wins over the environment and packaging). */
  saved: string | null;
}

/** Where the sign-in is remembered: the OS keychain, or memory for this run only. */
export type TokenStorage =
  | { kind: 'keychain' }
  | { kind: 'memory'; reason: 'not-installed' | 'no-service' | 'locked' | 'timed-out' | 'failed' };

/** What the person needs to finish the sign-in on Microsoft's page. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** When the code stops working (ISO 8601, main process clock). */
  expiresAt: string;
  /** Seconds between two checks, as the server asked (plus any slow_down back-off). */
  intervalSeconds: number;
  /** True when this code replaced one that expired. */
  renewed: boolean;
}

/** Entra roles that matter for "Consent on behalf of your organization" (reference §D). */
export const consentRoleTemplates = {
  'global-administrator': '62e90394-69f5-4237-9190-012177145e10',
  'privileged-role-administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'cloud-application-administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  'application-administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
} as const;
export type ConsentRole = keyof typeof consentRoleTemplates;

export type RoleCheck =
  /** Global Administrator: sees the "Consent on behalf of your organization" checkbox. */
  | { state: 'can-consent'; roles: ConsentRole[] }
  /** May grant admin consent in Entra, but Microsoft shows the checkbox to Global Administrators only. */
  | { state: 'may-consent'; roles: ConsentRole[] }
  | { state: 'cannot-consent'; roles: [] }
  /** Personal (Outlook.com) accounts have no organization to consent for. */
  | { state: 'not-needed'; roles: [] }
  | { state: 'unknown'; roles: []; problem: Problem };

export interface SignedInAccount {
  /** User principal name, e.g. admin@contoso.com. */
  username: string;
  name: string;
  tenantId: string;
  /** The organization's name from Graph, when it could be read. */
  tenantName: string | null;
  role: RoleCheck;
  /**
   * How this sign-in was made: with a code (as the printer signs in), through the browser (when
   * a policy refused the code), or remembered from an earlier run.
   */
  via: 'code' | 'browser' | 'remembered';
}

/** What every sign-in status says, whatever its phase. */
interface SignInFacts {
  clientId: ClientIdInfo;
  /** Which cloud the sign-in goes to: a built-in profile id, 'custom' or 'practice'. */
  cloud: string;
  storage: TokenStorage;
  /** Why the last attempt (or the silent refresh) ended without a sign-in. */
  problem: Problem | null;
  /** How often the wizard asked Microsoft during the current or last sign-in. */
  polls: number;
  /** How many slow_down answers were honoured (each adds 5 s to the interval). */
  slowDowns: number;
}

/**
 * The sign-in as main has it, one case per phase; each carries what it has (a prompt only
 * while a code waits, an account for sure once signed in). Every field stays on every case
 * (null where it has nothing) so a reader that only looks at `account` keeps working.
 */
export type SignInStatus = SignInFacts &
  (
    | { phase: 'no-client-id'; prompt: null; account: null }
    | { phase: 'signed-out'; prompt: null; account: null }
    /** Device code: waiting for the person on Microsoft's page (an earlier account may stay). */
    | { phase: 'waiting'; prompt: DeviceCodePrompt; account: SignedInAccount | null }
    /** Browser sign-in (authorization code + PKCE): waiting for the person in the browser. */
    | { phase: 'browser'; prompt: null; account: SignedInAccount | null }
    | { phase: 'signed-in'; prompt: null; account: SignedInAccount }
  );

export type SignInPhase = SignInStatus['phase'];

export interface SigninApi {
  getSignInStatus: { params: NoParams; result: SignInStatus };
  /** Starts a new device code sign-in (cancelling one still waiting). */
  startSignIn: { params: NoParams; result: SignInStatus };
  /** Returns at once; the waiting sign-in stops at its next check and nothing of it is kept. */
  cancelSignIn: { params: NoParams; result: SignInStatus };
  /** Removes the account from the wizard and from the keychain. */
  signOut: { params: NoParams; result: SignInStatus };
  /** Saves (or with null, clears) the client ID on the settings screen. */
  setClientId: { params: { clientId: string | null }; result: SignInStatus };
  /** Runs the role check again for the signed-in account. */
  checkConsentRole: { params: NoParams; result: SignInStatus };
  /**
   * Signs the wizard in through the browser (authorization code with PKCE on a loopback
   * redirect) when the tenant blocks device code. The printer cannot use this: it still needs
   * device code. The troubleshooter offers it.
   */
  startBrowserSignIn: { params: NoParams; result: BrowserSignInStarted };
}

/** A browser sign-in that has opened its page; the outcome arrives as `signin-changed`. */
export interface BrowserSignInStarted {
  /** The sign-in page (allow-listed): the browser shell's page opens it when via = 'page'. */
  url: string;
  via: 'system' | 'page';
}

export interface SigninEvents {
  'signin-changed': SignInStatus;
}

/** A client ID is a GUID. */
export function isClientId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.trim());
}
