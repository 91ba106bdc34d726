/**
 * The practice tenant's state, in one place: the apps it knows, the device codes, browser
 * sign-ins and authorization codes on their way, refresh tokens, consents, Graph routes, and
 * the practice world it runs in. Every part of the tenant reads and changes this object only;
 * nothing is kept in a closure elsewhere. It is in memory only and logs nothing.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';
import type { PracticeContext } from '../practice-world';
import { printerApp, wizardApp, type PracticeAccount, type PracticeApp } from './accounts';
import type { PolicyExclusions } from './conditional-access';
import type { OAuthFailure, TenantScenario } from './entra-failures';

/** A device-code sign-in, or a browser sign-in (`authorize` set) on its way through the pages. */
export interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  app: PracticeApp;
  scopes: string[];
  expiresAt: number;
  interval: number;
  state: 'pending' | 'approved' | 'declined' | 'failed';
  failure?: OAuthFailure;
  account?: PracticeAccount;
  /** Milliseconds since the epoch of every poll, for tests and the benchmark. */
  polls: number[];
  slowDownsSent: number;
  approvedAt?: number;
  redeemed: boolean;
  /** Set when the grant comes from /authorize (browser sign-in) instead of a device code. */
  authorize?: AuthorizeRequest;
}

/** What an app asked /authorize for: where to return, and the PKCE challenge. */
export interface AuthorizeRequest {
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

/** An authorization code waiting to be redeemed at the token endpoint (once, within 10 min). */
export interface AuthorizationCode {
  app: PracticeApp;
  account: PracticeAccount;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

export interface RefreshGrant {
  account: PracticeAccount;
  app: PracticeApp;
  /** When the person signed in (kept through rotation): a later lapse ends this sign-in only. */
  signedInAt: number;
}

/** One person's way through the sign-in pages (code → account → password → consent). */
export interface PageFlow {
  grant: DeviceGrant;
  account?: PracticeAccount;
}

export interface GraphCaller {
  account: PracticeAccount;
  scopes: string[];
  appId: string;
}
/** A Graph answer: JSON `body`, or `raw` text sent as is (a malformed reply), plus headers. */
export interface GraphAnswer {
  status: number;
  body: unknown;
  raw?: string;
  headers?: Record<string, string>;
}
export type GraphRoute = (
  caller: GraphCaller,
  url: URL,
  /** The request body (POST), size-limited. */
  body: string,
) => GraphAnswer | Promise<GraphAnswer>;

export interface Consent {
  tenantWide: Set<string>;
  perUser: Map<string, Set<string>>;
}

export interface PracticeTenantOptions {
  /** Seconds between polls the tenant asks for (Entra says 5; the practice default is 2). */
  interval?: number;
  /** Seconds a device code lives (Entra: 900). */
  expiresIn?: number;
  /** Seconds added per slow_down (RFC 8628: 5). */
  slowDownSeconds?: number;
  /** How late the `slow-once` answer comes (longer than the wizard's 15 s deadline). */
  slowAnswerMs?: number;
  /**
   * The authorization endpoint on the identity (HTTPS) host, as Microsoft's is, instead of the
   * page server: for tests of a custom profile, whose browser trusts the practice certificate.
   */
  authorizeOnAuthority?: boolean;
}

export interface TenantState {
  readonly authorizeOnAuthority: boolean;
  readonly interval: number;
  readonly expiresIn: number;
  readonly slowDownSeconds: number;
  readonly slowAnswerMs: number;
  /** Device codes and refresh tokens that already had their one transient failure. */
  readonly transientServed: Set<string>;
  readonly apps: Map<string, PracticeApp>;
  readonly deviceGrants: Map<string, DeviceGrant>;
  readonly byUserCode: Map<string, DeviceGrant>;
  readonly refreshGrants: Map<string, RefreshGrant>;
  readonly pageFlows: Map<string, PageFlow>;
  readonly authorizationCodes: Map<string, AuthorizationCode>;
  /** clientId → consented scopes, tenant-wide and per user (oid). */
  readonly consents: Map<string, Consent>;
  readonly graphRoutes: Map<string, GraphRoute>;
  /** Sockets held open by the `not-answering` scenario, destroyed on stop. */
  readonly heldSockets: Set<Socket>;
  /**
   * When the `tenant` switch last changed: a refresh scenario (expired, revoked, sign-in
   * frequency) ends the sign-ins made before then; signing in again after it works, as in Entra.
   */
  tenantSwitchSetAt: number;
  /** Accounts and groups the trainee left out of a Conditional Access policy, by policy id. */
  readonly policyExclusions: Map<string, PolicyExclusions>;
  /** Security defaults were turned off: Microsoft created its managed policies. */
  managedPoliciesCreated: boolean;
  /** Security groups created through Graph (id → name), and accounts added to groups (oids). */
  readonly createdGroups: Map<string, string>;
  readonly addedMembers: Map<string, Set<string>>;
  context: PracticeContext | null;
  identityServer: https.Server | null;
  pageServer: http.Server | null;
  identityOrigin: string;
  pageOrigin: string;
}

export function createTenantState(options: PracticeTenantOptions): TenantState {
  return {
    authorizeOnAuthority: options.authorizeOnAuthority ?? false,
    interval: options.interval ?? 2,
    expiresIn: options.expiresIn ?? 900,
    slowDownSeconds: options.slowDownSeconds ?? 5,
    slowAnswerMs: options.slowAnswerMs ?? 20_000,
    transientServed: new Set(),
    apps: new Map([
      [wizardApp.clientId, wizardApp],
      [printerApp.clientId, printerApp],
    ]),
    deviceGrants: new Map(),
    byUserCode: new Map(),
    refreshGrants: new Map(),
    pageFlows: new Map(),
    authorizationCodes: new Map(),
    consents: new Map(),
    graphRoutes: new Map(),
    heldSockets: new Set(),
    tenantSwitchSetAt: Date.now(),
    policyExclusions: new Map(),
    managedPoliciesCreated: false,
    createdGroups: new Map(),
    addedMembers: new Map(),
    context: null,
    identityServer: null,
    pageServer: null,
    identityOrigin: '',
    pageOrigin: '',
  };
}

/** The tenant switch of the practice settings (normal when not started). */
export const scenarioOf = (state: TenantState): TenantScenario =>
  state.context?.settings().tenant ?? 'normal';

export function consentOf(state: TenantState, clientId: string): Consent {
  let entry = state.consents.get(clientId);
  if (!entry) {
    entry = { tenantWide: new Set(), perUser: new Map() };
    state.consents.set(clientId, entry);
  }
  return entry;
}

export function consentedScopes(
  state: TenantState,
  app: PracticeApp,
  account: PracticeAccount,
): Set<string> {
  const entry = consentOf(state, app.clientId);
  return new Set([...entry.tenantWide, ...(entry.perUser.get(account.oid) ?? [])]);
}

/** A new page flow's id, for the hidden form field that carries it from page to page. */
export function startPageFlow(state: TenantState, grant: DeviceGrant): string {
  const flowId = randomBytes(16).toString('base64url');
  state.pageFlows.set(flowId, { grant });
  return flowId;
}

export function normaliseCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** A new grant waiting for the person, living as long as the tenant says codes live. */
export function pendingGrant(
  state: TenantState,
  fields: Pick<DeviceGrant, 'deviceCode' | 'userCode' | 'app' | 'scopes' | 'authorize'>,
): DeviceGrant {
  return {
    ...fields,
    expiresAt: Date.now() + state.expiresIn * 1000,
    interval: state.interval,
    state: 'pending',
    polls: [],
    slowDownsSent: 0,
    redeemed: false,
  };
}
