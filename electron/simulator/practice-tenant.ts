/**
 * The practice tenant: a simulated Microsoft Entra tenant on loopback for `--demo` and tests.
 *
 * - HTTPS identity endpoints (discovery document, devicecode, token with the device_code and
 *   refresh_token grants) behind the practice certificate, which only the wizard's own network
 *   client trusts. Tokens come from the shared practice token authority (aud = resource, scp,
 *   upn, tid, appid), so practice Exchange and practice Graph can check them.
 * - The practice world's one Graph, on the same server: /me, /me/transitiveMemberOf,
 *   /organization. Other parts add routes with `addGraphRoute` (the practice Exchange adds the
 *   tenant checks'); a route gets the signed-in practice account, so roles are that account's.
 * - A verification page on plain HTTP loopback (no browser warning) where the person enters the
 *   code, picks a practice account, types the password and sees the permissions screen with
 *   "Consent on behalf of your organization".
 * - The authorization code flow with PKCE for public clients (the wizard's fallback sign-in when
 *   a Conditional Access policy blocks device code): /authorize on the same page server, the same
 *   accounts and consent page, then a form_post back to the app's loopback redirect URI; the
 *   token endpoint redeems the code once, against the code verifier.
 *
 * Any client ID registered here can sign in (the wizard's and the practice printer's own).
 * Scenario switch `tenant` (shared/practice.ts) puts it into each failure the wizard classifies.
 * It keeps device codes and refresh tokens in memory only (it must, to answer), and logs nothing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { CloudProfile } from '../../shared/cloud-profiles';
import { consentRoleTemplates } from '../../shared/contract/signin';
import type { PracticeSwitchValue } from '../../shared/practice';
import { escapeHtml, listenOnLoopback, sendPracticePage } from './practice-http';
import { moreEntraFailures, moreEntraScenarios } from './practice-entra-answers';
import type { PracticeContext, PracticePart } from './practice-world';

export const practiceTenantPartName = 'practice-tenant';
export const practiceTenantId = '5f1c2a7e-3b4d-4c8e-9a10-2b7d6e4f8c31';
export const practiceTenantName = 'Contoso (practice)';
export const practiceDomain = 'contoso.example';
export const practicePassword = 'practice';
/** Resources named the way Microsoft names them, so scopes look like the real ones. */
export const practiceResources = {
  graph: 'https://graph.microsoft.com',
  outlook: 'https://outlook.office.com',
} as const;

/** Client IDs the practice tenant knows: the wizard's own app and the practice printer's. */
export const practiceClientIds = {
  wizard: 'a4d6c1e2-7b3f-4e59-8c21-6f0e9d3b5a71',
  printer: 'e2b7f9c4-1d6a-4f38-b5e0-9c3a7d2f6e18',
} as const;

export interface PracticeRole {
  displayName: string;
  roleTemplateId: string;
}

export interface PracticeAccount {
  upn: string;
  name: string;
  oid: string;
  roles: PracticeRole[];
  groups: string[];
}

const globalAdministrator: PracticeRole = {
  displayName: 'Global Administrator',
  roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
};
const cloudApplicationAdministrator: PracticeRole = {
  displayName: 'Cloud Application Administrator',
  roleTemplateId: '158c047a-c907-4556-b7ef-446551a6b5f7',
};
const consentingRoleIds = new Set<string>(Object.values(consentRoleTemplates));

export const practiceAccounts: readonly PracticeAccount[] = [
  {
    upn: `admin@${practiceDomain}`,
    name: 'Alex Admin',
    oid: '0c6f1d2e-1111-4a5b-9c8d-000000000001',
    roles: [globalAdministrator],
    groups: ['All staff', 'IT'],
  },
  {
    upn: `apps@${practiceDomain}`,
    name: 'Casey Cloud Apps',
    oid: '0c6f1d2e-2222-4a5b-9c8d-000000000002',
    roles: [cloudApplicationAdministrator],
    groups: ['All staff', 'IT'],
  },
  {
    upn: `megan@${practiceDomain}`,
    name: 'Megan User',
    oid: '0c6f1d2e-3333-4a5b-9c8d-000000000003',
    roles: [],
    groups: ['All staff'],
  },
  {
    upn: `scanner@${practiceDomain}`,
    name: 'Scanner (sending mailbox)',
    oid: '0c6f1d2e-4444-4a5b-9c8d-000000000004',
    roles: [],
    groups: [],
  },
];

export interface PracticeApp {
  clientId: string;
  name: string;
  /** Full scope URIs the app registration declares (what `.default` consents to). */
  permissions: string[];
  publicClient: boolean;
}

const wizardApp: PracticeApp = {
  clientId: practiceClientIds.wizard,
  name: 'Printer Mail Setup Wizard (practice)',
  permissions: [
    `${practiceResources.outlook}/SMTP.Send`,
    `${practiceResources.graph}/User.Read`,
    `${practiceResources.graph}/Policy.Read.All`,
    `${practiceResources.graph}/Directory.Read.All`,
    `${practiceResources.graph}/Application.Read.All`,
  ],
  publicClient: true,
};
const printerApp: PracticeApp = {
  clientId: practiceClientIds.printer,
  name: 'Practice Printer Email (practice)',
  permissions: [`${practiceResources.outlook}/SMTP.Send`],
  publicClient: true,
};

/** Delegated permissions only an administrator may grant (Microsoft's own classification). */
const adminOnlyPermissions = new Set([
  'Policy.Read.All',
  'Directory.Read.All',
  'Application.Read.All',
  'Policy.Read.ConditionalAccess',
  'AuditLog.Read.All',
]);
const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

type TenantScenario = PracticeSwitchValue<'tenant'>;

interface OAuthFailure {
  status: number;
  error: string;
  code?: number;
  description: string;
}

/** Entra's own words for each classified failure (reference B.5). */
const failures: Partial<Record<TenantScenario, OAuthFailure>> = {
  'mfa-required': {
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    description:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.',
  },
  'mfa-registration': {
    status: 400,
    error: 'invalid_grant',
    code: 50079,
    description:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access this resource.',
  },
  'conditional-access': {
    status: 400,
    error: 'invalid_grant',
    code: 53003,
    description: 'Access has been blocked by Conditional Access policies.',
  },
  'device-code-blocked': {
    status: 400,
    error: 'invalid_grant',
    code: 53003,
    description:
      'Access has been blocked by Conditional Access policies. The access policy blocks the authentication flow: device code flow.',
  },
  'security-defaults': {
    status: 400,
    error: 'invalid_grant',
    code: 530035,
    description:
      'Access has been blocked by security defaults. This is due to the request using legacy auth or being deemed unsafe by security defaults policies.',
  },
  'consent-missing': {
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    description: 'The user or administrator has not consented to use the application.',
  },
  'consent-declined': {
    status: 400,
    error: 'invalid_grant',
    code: 65004,
    description: 'User declined to consent to access the app.',
  },
  'admin-consent-required': {
    status: 400,
    error: 'invalid_grant',
    code: 90094,
    description: 'Administrator consent is required.',
  },
  'admin-approval-requested': {
    status: 400,
    error: 'invalid_grant',
    code: 90095,
    description: 'Admin consent is required for the permissions requested by this application.',
  },
  'wrong-password': {
    status: 400,
    error: 'invalid_grant',
    code: 50126,
    description: 'Error validating credentials due to invalid username or password.',
  },
  'account-not-found': {
    status: 400,
    error: 'invalid_grant',
    code: 50034,
    description: 'The user account does not exist in the directory.',
  },
  'external-account': {
    status: 400,
    error: 'invalid_grant',
    code: 50020,
    description:
      'User account from identity provider does not exist in tenant and cannot access the application in that tenant.',
  },
  'app-not-in-tenant': {
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: 'Application was not found in the directory.',
  },
  'not-public-client': {
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    description:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  'bad-verification-code': {
    status: 400,
    error: 'bad_verification_code',
    code: 70018,
    description: 'Invalid verification code.',
  },
  'code-expired': {
    status: 400,
    error: 'expired_token',
    code: 70020,
    description:
      "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  },
  'refresh-expired': {
    status: 400,
    error: 'invalid_grant',
    code: 700082,
    description:
      'The refresh token has expired due to inactivity. The token was issued on a date and was inactive for 90.00:00:00.',
  },
  'tokens-revoked': {
    status: 400,
    error: 'invalid_grant',
    code: 50173,
    description:
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  },
  'sign-in-frequency': {
    status: 400,
    error: 'invalid_grant',
    code: 70043,
    description:
      'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.',
  },
  'unexpected-error': {
    status: 400,
    error: 'invalid_request',
    code: 90033,
    description: 'A transient error has occurred. Please try again.',
  },
  ...moreEntraFailures,
};
function failureOf(scenario: TenantScenario): OAuthFailure {
  return (
    failures[scenario] ?? {
      status: 400,
      error: 'invalid_request',
      code: 90033,
      description: 'A transient error has occurred.',
    }
  );
}

/** Failures shown once the person has signed in on the page (as Microsoft does). */
const afterSignInScenarios = new Set<TenantScenario>([
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
  ...moreEntraScenarios,
]);
const refreshScenarios = new Set<TenantScenario>([
  'refresh-expired',
  'tokens-revoked',
  'sign-in-frequency',
]);

interface DeviceGrant {
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
interface AuthorizeRequest {
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

/** An authorization code waiting to be redeemed at the token endpoint (once, within 10 min). */
interface AuthorizationCode {
  app: PracticeApp;
  account: PracticeAccount;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

interface RefreshGrant {
  account: PracticeAccount;
  app: PracticeApp;
}

interface PageFlow {
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

export interface DeviceCodeStats {
  /** The device code itself (in process only: tests check it never leaks). */
  deviceCode: string;
  state: DeviceGrant['state'];
  polls: number[];
  approvedAt: number | null;
  slowDownsSent: number;
  clientId: string;
}

export interface PracticeTenantOptions {
  /** Seconds between polls the tenant asks for (Entra says 5; the practice default is 2). */
  interval?: number;
  /** Seconds a device code lives (Entra: 900). */
  expiresIn?: number;
  /** Seconds added per slow_down (RFC 8628: 5). */
  slowDownSeconds?: number;
}

export interface PracticeTenant extends PracticePart {
  readonly identityOrigin: string;
  readonly pageOrigin: string;
  readonly graphBaseUrl: string;
  registerApp(app: PracticeApp): void;
  addGraphRoute(method: 'GET' | 'POST', path: string, route: GraphRoute): void;
  /** What happened to a user code (polls and state), for tests and the benchmark. */
  stats(userCode: string): DeviceCodeStats | null;
  /** Whether an app has tenant-wide consent (the "on behalf of your organization" box). */
  hasTenantWideConsent(clientId: string): boolean;
  /** Forgets every consent and refresh token (a fresh tenant). */
  reset(): void;
}

const userCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomUserCode(): string {
  const bytes = randomBytes(9);
  return Array.from(bytes, (byte) => userCodeAlphabet[byte % userCodeAlphabet.length]).join('');
}

function normaliseCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

function splitScope(scope: string): { resource: string; name: string } {
  const slash = scope.lastIndexOf('/');
  if (slash === -1) return { resource: practiceResources.graph, name: scope };
  return { resource: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

const unsignedJwt = (claims: Record<string, unknown>): string =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
    JSON.stringify(claims),
  ).toString('base64url')}.`;

export function createPracticeTenant(options: PracticeTenantOptions = {}): PracticeTenant {
  const interval = options.interval ?? 2;
  const expiresIn = options.expiresIn ?? 900;
  const slowDownSeconds = options.slowDownSeconds ?? 5;
  const apps = new Map<string, PracticeApp>([
    [wizardApp.clientId, wizardApp],
    [printerApp.clientId, printerApp],
  ]);
  const deviceGrants = new Map<string, DeviceGrant>();
  const byUserCode = new Map<string, DeviceGrant>();
  const refreshGrants = new Map<string, RefreshGrant>();
  const pageFlows = new Map<string, PageFlow>();
  const authorizationCodes = new Map<string, AuthorizationCode>();
  /** clientId → consented scopes, tenant-wide and per user (oid). */
  const consents = new Map<
    string,
    { tenantWide: Set<string>; perUser: Map<string, Set<string>> }
  >();
  const graphRoutes = new Map<string, GraphRoute>();
  const heldSockets = new Set<Socket>();
  let context: PracticeContext | null = null;
  let identityServer: https.Server | null = null;
  let pageServer: http.Server | null = null;
  let identityOrigin = '';
  let pageOrigin = '';

  const scenario = (): TenantScenario => context?.settings().tenant ?? 'normal';
  const tokenAuthority = () => {
    if (!context) throw new Error('The practice tenant is not started');
    return context.tokens;
  };
  const consentOf = (clientId: string) => {
    let entry = consents.get(clientId);
    if (!entry) {
      entry = { tenantWide: new Set(), perUser: new Map() };
      consents.set(clientId, entry);
    }
    return entry;
  };
  const consentedScopes = (app: PracticeApp, account: PracticeAccount): Set<string> => {
    const entry = consentOf(app.clientId);
    return new Set([...entry.tenantWide, ...(entry.perUser.get(account.oid) ?? [])]);
  };
  /** `.default` stands for every permission the app registration declares (all resources). */
  const expandScopes = (app: PracticeApp, scopes: string[]): string[] => [
    ...new Set(
      scopes.flatMap((scope) =>
        splitScope(scope).name === '.default' ? app.permissions : [scope],
      ),
    ),
  ];
  const canConsentForAdmins = (account: PracticeAccount): boolean =>
    account.roles.some((role) => consentingRoleIds.has(role.roleTemplateId));
  const isGlobalAdmin = (account: PracticeAccount): boolean =>
    account.roles.some((role) => role.roleTemplateId === globalAdministrator.roleTemplateId);

  function issueTokens(
    app: PracticeApp,
    account: PracticeAccount,
    requested: string[],
  ): { ok: true; body: Record<string, unknown> } | { ok: false; failure: OAuthFailure } {
    const resourceScopes = requested.filter((scope) => !oidcScopes.has(scope));
    const resources = new Set(resourceScopes.map((scope) => splitScope(scope).resource));
    if (resources.size > 1) {
      return {
        ok: false,
        failure: {
          status: 400,
          error: 'invalid_scope',
          code: 28000,
          description:
            'Provided value for the input parameter scope is not valid because it contains more than one resource.',
        },
      };
    }
    const resource = [...resources][0] ?? practiceResources.graph;
    const consented = consentedScopes(app, account);
    const names: string[] = [];
    for (const scope of resourceScopes.length > 0 ? resourceScopes : [`${resource}/User.Read`]) {
      const { name } = splitScope(scope);
      if (name === '.default') {
        for (const granted of consented) {
          if (splitScope(granted).resource === resource) names.push(splitScope(granted).name);
        }
      } else if (consented.has(scope)) {
        names.push(name);
      } else {
        return { ok: false, failure: { ...failureOf('consent-missing') } };
      }
    }
    if (names.length === 0) return { ok: false, failure: { ...failureOf('consent-missing') } };
    const claims = {
      aud: resource,
      scp: [...new Set(names)].join(' '),
      upn: account.upn,
      oid: account.oid,
      tid: practiceTenantId,
      appid: app.clientId,
    };
    const refreshToken = randomBytes(32).toString('base64url');
    refreshGrants.set(refreshToken, { account, app });
    const now = Math.floor(Date.now() / 1000);
    return {
      ok: true,
      body: {
        token_type: 'Bearer',
        scope: [...new Set(names)].map((name) => `${resource}/${name}`).join(' '),
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: tokenAuthority().issue(claims, 3600),
        refresh_token: refreshToken,
        id_token: unsignedJwt({
          aud: app.clientId,
          iss: `${identityOrigin}/${practiceTenantId}/v2.0`,
          iat: now,
          nbf: now,
          exp: now + 3600,
          name: account.name,
          oid: account.oid,
          preferred_username: account.upn,
          sub: account.oid,
          tid: practiceTenantId,
          ver: '2.0',
        }),
        client_info: Buffer.from(
          JSON.stringify({ uid: account.oid, utid: practiceTenantId }),
        ).toString('base64url'),
      },
    };
  }

  function sendOAuthError(
    response: ServerResponse,
    failure: OAuthFailure,
    correlationId: string,
  ): void {
    const traceId = randomUUID();
    const timestamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
    const prefix = failure.code === undefined ? '' : `AADSTS${failure.code}: `;
    sendJson(response, failure.status, {
      error: failure.error,
      error_description: `${prefix}${failure.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: failure.code === undefined ? [] : [failure.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    });
  }

  async function handleIdentity(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', identityOrigin);
    const correlationId =
      (request.headers['client-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
    if (url.pathname.startsWith('/graph/')) {
      await handleGraph(request, response, url);
      return;
    }
    const current = scenario();
    if (current === 'network-down') {
      request.socket.destroy();
      return;
    }
    if (current === 'not-answering') {
      heldSockets.add(request.socket);
      request.socket.once('close', () => heldSockets.delete(request.socket));
      return;
    }
    const match =
      /^\/([\w.-]{1,64})\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(devicecode|token))$/.exec(
        url.pathname,
      );
    if (!match) {
      sendJson(response, 404, { error: 'not_found' });
      return;
    }
    const tenant = match[1] ?? 'organizations';
    if (match[2]?.startsWith('v2.0')) {
      const base = `${identityOrigin}/${tenant}`;
      sendJson(response, 200, {
        issuer: `${identityOrigin}/${tenant}/v2.0`,
        // On the plain-HTTP page server, like the device login page: no browser warning.
        authorization_endpoint: `${pageOrigin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${identityOrigin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        tenant_region_scope: 'WW',
      });
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, { error: 'invalid_request' });
      return;
    }
    const form = new URLSearchParams((await readBody(request, 16 * 1024)) ?? '');
    const clientId = form.get('client_id') ?? '';
    const app = apps.get(clientId);
    if (!app || current === 'app-not-in-tenant') {
      sendOAuthError(response, failureOf('app-not-in-tenant'), correlationId);
      return;
    }
    if (match[3] === 'devicecode') {
      const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
      const grant: DeviceGrant = {
        deviceCode: randomBytes(48).toString('base64url'),
        userCode: randomUserCode(),
        app,
        scopes,
        expiresAt: Date.now() + expiresIn * 1000,
        interval,
        state: 'pending',
        polls: [],
        slowDownsSent: 0,
        redeemed: false,
      };
      deviceGrants.set(grant.deviceCode, grant);
      byUserCode.set(grant.userCode, grant);
      const verificationUri = `${pageOrigin}/devicelogin`;
      sendJson(response, 200, {
        user_code: grant.userCode,
        device_code: grant.deviceCode,
        verification_uri: verificationUri,
        expires_in: expiresIn,
        interval,
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
      });
      return;
    }
    const grantType = form.get('grant_type') ?? '';
    if (
      grantType === 'device_code' ||
      grantType === 'urn:ietf:params:oauth:grant-type:device_code'
    ) {
      answerDevicePoll(response, form, app, current, correlationId);
      return;
    }
    if (grantType === 'authorization_code') {
      redeemAuthorizationCode(response, form, app, correlationId);
      return;
    }
    if (grantType === 'refresh_token') {
      const grant = refreshGrants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.app.clientId !== app.clientId) {
        sendOAuthError(
          response,
          {
            status: 400,
            error: 'invalid_grant',
            code: 9002313,
            description: 'Invalid request. Request is malformed or invalid.',
          },
          correlationId,
        );
        return;
      }
      if (refreshScenarios.has(current)) {
        sendOAuthError(response, failureOf(current), correlationId);
        return;
      }
      const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
      const issued = issueTokens(app, grant.account, scopes);
      if (!issued.ok) {
        sendOAuthError(response, issued.failure, correlationId);
        return;
      }
      // Refresh tokens replace themselves on every use.
      refreshGrants.delete(form.get('refresh_token') ?? '');
      sendJson(response, 200, issued.body);
      return;
    }
    sendOAuthError(
      response,
      {
        status: 400,
        error: 'unsupported_grant_type',
        code: 70003,
        description: 'The app requested an unsupported grant type.',
      },
      correlationId,
    );
  }

  function answerDevicePoll(
    response: ServerResponse,
    form: URLSearchParams,
    app: PracticeApp,
    current: TenantScenario,
    correlationId: string,
  ): void {
    const grant = deviceGrants.get(form.get('device_code') ?? '');
    if (current === 'not-public-client' || !app.publicClient) {
      sendOAuthError(response, failureOf('not-public-client'), correlationId);
      return;
    }
    if (!grant || grant.app.clientId !== app.clientId || current === 'bad-verification-code') {
      grant?.polls.push(Date.now());
      sendOAuthError(response, failureOf('bad-verification-code'), correlationId);
      return;
    }
    const now = Date.now();
    const previous = grant.polls.at(-1);
    grant.polls.push(now);
    if (current === 'unexpected-error') {
      sendOAuthError(response, failureOf('unexpected-error'), correlationId);
      return;
    }
    if (current === 'code-expired' || now > grant.expiresAt) {
      sendOAuthError(response, failureOf('code-expired'), correlationId);
      return;
    }
    if (current === 'slow-down') {
      // RFC 8628 §3.5: the first poll is told to slow down; so is any poll that comes sooner
      // than the interval plus 5 s for each slow_down already sent.
      const required = (grant.interval + slowDownSeconds * grant.slowDownsSent) * 1000;
      if (previous === undefined || now - previous < required - 50) {
        grant.slowDownsSent += 1;
        sendJson(response, 400, {
          error: 'slow_down',
          error_description: 'The client is polling too quickly and should back off.',
          error_codes: [],
          correlation_id: correlationId,
        });
        return;
      }
    }
    if (grant.state === 'pending') {
      sendOAuthError(
        response,
        {
          status: 400,
          error: 'authorization_pending',
          code: 70016,
          description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
        },
        correlationId,
      );
      return;
    }
    if (grant.state === 'declined') {
      sendOAuthError(
        response,
        {
          status: 400,
          error: 'authorization_declined',
          code: 70000,
          description: 'The user declined the authorization request.',
        },
        correlationId,
      );
      return;
    }
    if (grant.state === 'failed' && grant.failure) {
      sendOAuthError(response, grant.failure, correlationId);
      return;
    }
    if (grant.redeemed || !grant.account) {
      sendOAuthError(
        response,
        {
          status: 400,
          error: 'invalid_grant',
          code: 90120,
          description: 'The request was already authorized or declined.',
        },
        correlationId,
      );
      return;
    }
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const issued = issueTokens(app, grant.account, scopes);
    if (!issued.ok) {
      sendOAuthError(response, issued.failure, correlationId);
      return;
    }
    grant.redeemed = true;
    sendJson(response, 200, issued.body);
  }

  async function handleGraph(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    const current = scenario();
    if (current === 'network-down') {
      request.socket.destroy();
      return;
    }
    const body = (await readBody(request, 64 * 1024)) ?? '';
    const graphError = (status: number, code: string, message: string): void =>
      sendJson(response, status, {
        error: { code, message, innerError: { 'request-id': randomUUID() } },
      });
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = bearer ? context?.tokens.verify(bearer) : null;
    if (!claims || claims.aud !== practiceResources.graph || claims.tid !== practiceTenantId) {
      graphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
      return;
    }
    const account = practiceAccounts.find((candidate) => candidate.oid === claims.oid);
    if (!account) {
      graphError(404, 'Request_ResourceNotFound', 'The user does not exist.');
      return;
    }
    const path = url.pathname.replace(/^\/graph\/v1\.0/, '');
    const route = graphRoutes.get(`${request.method ?? 'GET'} ${path}`);
    if (!route) {
      graphError(404, 'Request_UnsupportedQuery', 'Unsupported segment type.');
      return;
    }
    const result = await route(
      { account, scopes: claims.scp.split(' '), appId: claims.appid },
      url,
      body,
    );
    if (result.raw !== undefined) {
      response.writeHead(result.status, {
        'Content-Type': 'application/json; charset=utf-8',
        ...result.headers,
      });
      response.end(result.raw);
      return;
    }
    sendJson(response, result.status, result.body, result.headers);
  }

  const needsScope =
    (allowed: string[], route: GraphRoute): GraphRoute =>
    (caller, url, body) =>
      caller.scopes.some((scope) => allowed.includes(scope))
        ? route(caller, url, body)
        : {
            status: 403,
            body: {
              error: {
                code: 'Authorization_RequestDenied',
                message: 'Insufficient privileges to complete the operation.',
              },
            },
          };
  const userRead = ['User.Read', 'User.Read.All', 'Directory.Read.All'];
  graphRoutes.set(
    'GET /me',
    needsScope(userRead, ({ account }) => ({
      status: 200,
      body: {
        id: account.oid,
        displayName: account.name,
        userPrincipalName: account.upn,
        mail: account.upn,
      },
    })),
  );
  graphRoutes.set(
    'GET /me/transitiveMemberOf',
    needsScope(userRead, ({ account }) => ({
      status: 200,
      body: {
        value: [
          ...account.groups.map((group, index) => ({
            '@odata.type': '#microsoft.graph.group',
            id: `9a0b${index.toString().padStart(4, '0')}-0000-4000-8000-000000000000`,
            displayName: group,
          })),
          ...account.roles.map((role) => ({
            '@odata.type': '#microsoft.graph.directoryRole',
            id: `${role.roleTemplateId.slice(0, 8)}-aaaa-4000-8000-000000000000`,
            displayName: role.displayName,
            roleTemplateId: role.roleTemplateId,
          })),
        ],
      },
    })),
  );
  graphRoutes.set(
    'GET /organization',
    needsScope(userRead, () => ({
      status: 200,
      body: {
        value: [
          {
            id: practiceTenantId,
            displayName: practiceTenantName,
            verifiedDomains: [{ name: practiceDomain, isDefault: true, isInitial: false }],
          },
        ],
      },
    })),
  );

  // ---- the verification page (plain HTTP, loopback) ----

  function page(response: ServerResponse, title: string, body: string, status = 200): void {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – practice sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem 2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#5e5e5e}.practice{background:#5b2d8c;color:#fff;padding:.4rem .8rem;font-size:.9rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.4rem;border:0;border-bottom:1px solid #666;margin:.5rem 0 1rem}
button{font:inherit;padding:.4rem 1.5rem;border:1px solid #0067b8;background:#0067b8;color:#fff;margin:.3rem .3rem 0 0;cursor:pointer}
button.secondary{background:#ccc;border-color:#ccc;color:#000}.error{color:#c00}
.account{display:block;width:100%;text-align:left;background:#fff;color:#000;border:1px solid #ccc;margin:.3rem 0;padding:.6rem}
ul.perms{padding-left:1.2rem}label.org{display:flex;gap:.5rem;align-items:flex-start;margin:1rem 0}</style></head>
<body><p class="practice" role="note">Practice sign-in page: this is the wizard's practice tenant on your computer, not Microsoft.</p>
<main><p class="brand">Microsoft (practice)</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
    sendPracticePage(response, status, html);
  }

  const hidden = (flowId: string): string =>
    `<input type="hidden" name="flow" value="${escapeHtml(flowId)}">`;

  function codeForm(response: ServerResponse, error?: string): void {
    page(
      response,
      'Enter code',
      `<p>Enter the code displayed on your app or device.</p>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/devicelogin"><label for="otc">Code</label><input type="text" id="otc" name="otc" autocomplete="off" autofocus><button type="submit">Next</button></form>`,
      error ? 400 : 200,
    );
  }

  function accountForm(response: ServerResponse, flowId: string, error?: string): void {
    const buttons = practiceAccounts
      .map(
        (account) =>
          `<button class="account" type="submit" name="upn" value="${escapeHtml(account.upn)}">${escapeHtml(account.name)}<br><small>${escapeHtml(account.upn)}</small></button>`,
      )
      .join('');
    page(
      response,
      'Pick an account',
      `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}<form method="post" action="/account">${hidden(flowId)}${buttons}</form>
<form method="post" action="/account">${hidden(flowId)}<label for="upn">Or type an account (email)</label><input type="text" id="upn" name="upn" autocomplete="off"><button type="submit">Next</button></form>`,
      error ? 400 : 200,
    );
  }

  function passwordForm(
    response: ServerResponse,
    flowId: string,
    account: PracticeAccount,
    error?: string,
  ): void {
    page(
      response,
      'Enter password',
      `<p>${escapeHtml(account.upn)}</p>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/password">${hidden(flowId)}<label for="password">Password</label><input type="password" id="password" name="password" autofocus>
<p><small>Practice password: <strong>${practicePassword}</strong></small></p><button type="submit">Sign in</button></form>`,
      error ? 400 : 200,
    );
  }

  function failOnPage(response: ServerResponse, grant: DeviceGrant, failure: OAuthFailure): void {
    grant.state = 'failed';
    grant.failure = failure;
    if (grant.authorize) {
      returnToApp(response, grant.authorize, authorizeError(failure));
      return;
    }
    page(
      response,
      'Sign-in failed',
      `<p class="error" role="alert">AADSTS${failure.code ?? ''}: ${escapeHtml(failure.description)}</p><p>You can close this window and go back to your app.</p>`,
    );
  }

  function finishApproval(
    response: ServerResponse,
    grant: DeviceGrant,
    account: PracticeAccount,
  ): void {
    grant.state = 'approved';
    grant.account = account;
    grant.approvedAt = Date.now();
    if (grant.authorize) {
      returnToApp(response, grant.authorize, issueAuthorizationCode(grant, account));
      return;
    }
    page(
      response,
      grant.app.name,
      `<p>You have signed in to the ${escapeHtml(grant.app.name)} application on your device. You may now close this window.</p>`,
    );
  }

  function afterPassword(
    response: ServerResponse,
    flowId: string,
    flow: PageFlow,
    account: PracticeAccount,
  ): void {
    const { grant } = flow;
    const current = scenario();
    // A policy that blocks the device code flow does not block the authorization code flow.
    const blocks = !(grant.authorize && current === 'device-code-blocked');
    if (afterSignInScenarios.has(current) && blocks) {
      failOnPage(response, grant, failureOf(current));
      return;
    }
    const wanted = expandScopes(
      grant.app,
      grant.scopes.filter((scope) => !oidcScopes.has(scope)),
    );
    const consented = consentedScopes(grant.app, account);
    const missing = wanted.filter((scope) => !consented.has(scope));
    if (missing.length === 0) {
      finishApproval(response, grant, account);
      return;
    }
    const needsAdmin = missing.some((scope) => adminOnlyPermissions.has(splitScope(scope).name));
    if (needsAdmin && !canConsentForAdmins(account)) {
      grant.state = 'failed';
      grant.failure = failureOf('admin-consent-required');
      page(
        response,
        'Need admin approval',
        `<p>${escapeHtml(grant.app.name)} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<p class="error" role="alert">AADSTS90094: Administrator consent is required.</p><p>You can close this window.</p>`,
      );
      return;
    }
    const list = missing
      .map(
        (scope) =>
          `<li>${escapeHtml(splitScope(scope).name)} <small>(${escapeHtml(splitScope(scope).resource)})</small></li>`,
      )
      .join('');
    const organizationBox = isGlobalAdmin(account)
      ? `<label class="org"><input type="checkbox" name="organization" value="on"><span>Consent on behalf of your organization</span></label>`
      : '';
    page(
      response,
      'Permissions requested',
      `<p>${escapeHtml(grant.app.name)}</p><p>This app would like to:</p><ul class="perms">${list}</ul>
<form method="post" action="/consent">${hidden(flowId)}${organizationBox}
<p><small>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</small></p>
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button><button type="submit" name="action" value="accept">Accept</button></form>`,
    );
  }

  /**
   * GET /{tenant}/oauth2/v2.0/authorize: a public client's browser sign-in. Like Entra, it
   * accepts only a loopback redirect URI for public clients and requires PKCE (S256); what
   * cannot be returned to the app is shown on the page.
   */
  function startAuthorize(response: ServerResponse, url: URL): void {
    const params = url.searchParams;
    const app = apps.get(params.get('client_id') ?? '');
    const fail = (code: number, description: string): void =>
      page(
        response,
        'Sign-in failed',
        `<p class="error" role="alert">AADSTS${code}: ${escapeHtml(description)}</p>`,
        400,
      );
    if (!app || scenario() === 'app-not-in-tenant') {
      fail(700016, failureOf('app-not-in-tenant').description);
      return;
    }
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!isLoopbackRedirect(redirectUri)) {
      fail(
        50011,
        'The redirect URI specified in the request does not match the redirect URIs configured for the application.',
      );
      return;
    }
    if (params.get('response_type') !== 'code') {
      fail(
        900144,
        "The request body must contain the following parameter: 'response_type' with 'code'.",
      );
      return;
    }
    const codeChallenge = params.get('code_challenge') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !/^[\w-]{43,128}$/.test(codeChallenge)) {
      fail(501491, 'Invalid size of Code_Challenge parameter, or the method is not S256.');
      return;
    }
    const grant: DeviceGrant = {
      deviceCode: '',
      userCode: '',
      app,
      scopes: (params.get('scope') ?? '').split(/\s+/).filter(Boolean),
      expiresAt: Date.now() + expiresIn * 1000,
      interval,
      state: 'pending',
      polls: [],
      slowDownsSent: 0,
      redeemed: false,
      authorize: { redirectUri, state: params.get('state') ?? '', codeChallenge },
    };
    const flowId = randomBytes(16).toString('base64url');
    pageFlows.set(flowId, { grant });
    accountForm(response, flowId);
  }

  function issueAuthorizationCode(
    grant: DeviceGrant,
    account: PracticeAccount,
  ): Record<string, string> {
    const code = randomBytes(32).toString('base64url');
    const request = grant.authorize as AuthorizeRequest;
    authorizationCodes.set(code, {
      app: grant.app,
      account,
      scopes: grant.scopes,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      expiresAt: Date.now() + 10 * 60 * 1000,
    });
    return {
      code,
      client_info: Buffer.from(
        JSON.stringify({ uid: account.oid, utid: practiceTenantId }),
      ).toString('base64url'),
    };
  }

  function authorizeError(failure: OAuthFailure): Record<string, string> {
    return {
      error: failure.error === 'invalid_grant' ? 'access_denied' : failure.error,
      error_description: `AADSTS${failure.code ?? ''}: ${failure.description}`,
    };
  }

  /**
   * response_mode=form_post, as MSAL asks: a form that posts the answer to the app's loopback
   * redirect URI. It submits itself (one inline script, allowed by its nonce) and has a button
   * for browsers without scripts.
   */
  function returnToApp(
    response: ServerResponse,
    request: AuthorizeRequest,
    answer: Record<string, string>,
  ): void {
    const nonce = randomBytes(16).toString('base64');
    const fields = Object.entries({ ...answer, state: request.state })
      .map(
        ([name, value]) =>
          `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
      )
      .join('');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Returning to your app – practice sign-in</title></head>
<body><p>Practice sign-in page: returning to your app…</p>
<form id="answer" method="post" action="${escapeHtml(request.redirectUri)}">${fields}<button type="submit">Continue</button></form>
<script nonce="${nonce}">document.getElementById('answer').submit();</script></body></html>`;
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${new URL(request.redirectUri).origin}`,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    response.end(html);
  }

  /** grant_type=authorization_code: once, by the same app and redirect URI, with the verifier. */
  function redeemAuthorizationCode(
    response: ServerResponse,
    form: URLSearchParams,
    app: PracticeApp,
    correlationId: string,
  ): void {
    const code = form.get('code') ?? '';
    const waiting = authorizationCodes.get(code);
    authorizationCodes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const invalid = (code: number, description: string): void =>
      sendOAuthError(
        response,
        { status: 400, error: 'invalid_grant', code, description },
        correlationId,
      );
    if (!waiting || waiting.app.clientId !== app.clientId || Date.now() > waiting.expiresAt) {
      invalid(
        70008,
        'The provided authorization code or refresh token has expired due to inactivity, or was already redeemed.',
      );
      return;
    }
    if (form.get('redirect_uri') !== waiting.redirectUri) {
      invalid(
        50011,
        'The redirect URI does not match the one the authorization code was issued to.',
      );
      return;
    }
    if (!verifier || challenge !== waiting.codeChallenge) {
      invalid(
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
      return;
    }
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const issued = issueTokens(app, waiting.account, scopes.length > 0 ? scopes : waiting.scopes);
    if (!issued.ok) {
      sendOAuthError(response, issued.failure, correlationId);
      return;
    }
    sendJson(response, 200, issued.body);
  }

  async function handlePage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', pageOrigin);
    if (request.method === 'GET') {
      request.resume();
      if (url.pathname === '/' || url.pathname === '/devicelogin') codeForm(response);
      else if (/^\/[\w.-]{1,64}\/oauth2\/v2\.0\/authorize$/.test(url.pathname)) {
        startAuthorize(response, url);
      } else page(response, 'Not found', '<p>This page does not exist.</p>', 404);
      return;
    }
    if (request.method !== 'POST') {
      request.resume();
      page(response, 'Not allowed', '<p>Not allowed.</p>', 405);
      return;
    }
    const form = new URLSearchParams((await readBody(request, 8 * 1024)) ?? '');
    if (url.pathname === '/devicelogin') {
      const grant = byUserCode.get(normaliseCode(form.get('otc') ?? ''));
      if (!grant || grant.state !== 'pending' || Date.now() > grant.expiresAt) {
        codeForm(response, "That code didn't work. Check the code and try again.");
        return;
      }
      const flowId = randomBytes(16).toString('base64url');
      pageFlows.set(flowId, { grant });
      page(
        response,
        `Are you trying to sign in to ${grant.app.name}?`,
        `<p>Only continue if you downloaded the app from a store or website that you trust.</p>
<form method="post" action="/continue">${hidden(flowId)}<button type="submit" name="action" value="cancel" class="secondary">Cancel</button><button type="submit" name="action" value="continue">Continue</button></form>`,
      );
      return;
    }
    const flowId = form.get('flow') ?? '';
    const flow = pageFlows.get(flowId);
    if (!flow || flow.grant.state !== 'pending' || Date.now() > flow.grant.expiresAt) {
      codeForm(response, 'This sign-in has ended. Enter the code your app shows now.');
      return;
    }
    const { grant } = flow;
    switch (url.pathname) {
      case '/continue':
        if (form.get('action') === 'cancel') {
          grant.state = 'declined';
          page(
            response,
            'Sign-in cancelled',
            '<p>You have declined to sign in to the application on your device. You may now close this window.</p>',
          );
        } else {
          accountForm(response, flowId);
        }
        return;
      case '/account': {
        const typed = (form.get('upn') ?? '').trim().toLowerCase();
        const account = practiceAccounts.find((candidate) => candidate.upn === typed);
        if (!account) {
          accountForm(
            response,
            flowId,
            "We couldn't find an account with that username. Try another, or pick one of the practice accounts.",
          );
          return;
        }
        flow.account = account;
        passwordForm(response, flowId, account);
        return;
      }
      case '/password': {
        if (!flow.account) {
          accountForm(response, flowId);
          return;
        }
        if ((form.get('password') ?? '') !== practicePassword) {
          passwordForm(
            response,
            flowId,
            flow.account,
            "Your account or password is incorrect. If you don't remember your password, reset it now.",
          );
          return;
        }
        afterPassword(response, flowId, flow, flow.account);
        return;
      }
      case '/consent': {
        const account = flow.account;
        if (!account) {
          accountForm(response, flowId);
          return;
        }
        if (form.get('action') !== 'accept') {
          grant.state = 'declined';
          if (grant.authorize) {
            returnToApp(response, grant.authorize, authorizeError(failureOf('consent-declined')));
            return;
          }
          page(
            response,
            'Permissions not granted',
            '<p>You did not accept the permissions. You may now close this window.</p>',
          );
          return;
        }
        const wanted = expandScopes(
          grant.app,
          grant.scopes.filter((scope) => !oidcScopes.has(scope)),
        );
        const entry = consentOf(grant.app.clientId);
        if (form.get('organization') === 'on' && isGlobalAdmin(account)) {
          for (const scope of wanted) entry.tenantWide.add(scope);
        } else {
          const own = entry.perUser.get(account.oid) ?? new Set<string>();
          for (const scope of wanted) own.add(scope);
          entry.perUser.set(account.oid, own);
        }
        finishApproval(response, grant, account);
        return;
      }
      default:
        page(response, 'Not found', '<p>This page does not exist.</p>', 404);
    }
  }

  return {
    name: practiceTenantPartName,
    get identityOrigin() {
      return identityOrigin;
    },
    get pageOrigin() {
      return pageOrigin;
    },
    get graphBaseUrl() {
      return `${identityOrigin}/graph/v1.0`;
    },
    async start(practiceContext) {
      context = practiceContext;
      identityServer = https.createServer(
        { key: practiceContext.certificate.key, cert: practiceContext.certificate.cert },
        (request, response) => {
          handleIdentity(request, response).catch(() => {
            if (!response.headersSent) sendJson(response, 500, { error: 'server_error' });
          });
        },
      );
      pageServer = http.createServer((request, response) => {
        handlePage(request, response).catch(() => {
          if (!response.headersSent) sendJson(response, 500, { error: 'server_error' });
        });
      });
      identityOrigin = `https://127.0.0.1:${await listenOnLoopback(identityServer)}`;
      pageOrigin = `http://127.0.0.1:${await listenOnLoopback(pageServer)}`;
    },
    profile(): Partial<CloudProfile> {
      return {
        authorityHost: identityOrigin,
        graphBaseUrl: `${identityOrigin}/graph/v1.0`,
        graphResource: practiceResources.graph,
        smtpScope: `${practiceResources.outlook}/SMTP.Send`,
        deviceLoginUrl: `${pageOrigin}/devicelogin`,
      };
    },
    registerApp(app) {
      apps.set(app.clientId, app);
    },
    addGraphRoute(method, path, route) {
      graphRoutes.set(`${method} ${path}`, route);
    },
    stats(userCode) {
      const grant = byUserCode.get(normaliseCode(userCode));
      if (!grant) return null;
      return {
        deviceCode: grant.deviceCode,
        state: grant.state,
        polls: [...grant.polls],
        approvedAt: grant.approvedAt ?? null,
        slowDownsSent: grant.slowDownsSent,
        clientId: grant.app.clientId,
      };
    },
    hasTenantWideConsent(clientId) {
      return (consents.get(clientId)?.tenantWide.size ?? 0) > 0;
    },
    reset() {
      consents.clear();
      refreshGrants.clear();
    },
    async stop() {
      for (const socket of heldSockets) socket.destroy();
      await Promise.all(
        [identityServer, pageServer].map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server) return resolve();
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** Public clients may return only to loopback over plain HTTP, on any port (RFC 8252 §7.3). */
function isLoopbackRedirect(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'http:' &&
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}
