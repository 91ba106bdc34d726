/**
 * The practice tenant's identity endpoints on HTTPS (behind the practice certificate, which
 * only the wizard's own network client trusts): the discovery document, devicecode, and the
 * token endpoint with the device_code, authorization_code and refresh_token grants. The
 * `tenant` switch puts it into each failure the wizard classifies.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../practice-http';
import { scopesOf, type PracticeApp } from './accounts';
import { redeemAuthorizationCode } from './authorize-flow';
import { failureOf, refreshScenarios, sendOAuthError, type TenantScenario } from './entra-failures';
import { handleGraph } from './graph-host';
import { pendingGrant, scenarioOf, type TenantState } from './state';
import { issueTokens, randomUserCode } from './tokens';

/** The identity server (HTTPS): discovery document, devicecode, token, and Graph under /graph/. */
export async function handleIdentity(
  state: TenantState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { identityOrigin, pageOrigin } = state;
  const url = new URL(request.url ?? '/', identityOrigin);
  const correlationId =
    (request.headers['client-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
  if (url.pathname.startsWith('/graph/')) {
    await handleGraph(state, request, response, url);
    return;
  }
  const current = scenarioOf(state);
  if (current === 'network-down') {
    request.socket.destroy();
    return;
  }
  if (current === 'not-answering') {
    state.heldSockets.add(request.socket);
    request.socket.once('close', () => state.heldSockets.delete(request.socket));
    return;
  }
  // Where the authorization endpoint is on the authority's host (as Microsoft's is), it sends
  // the browser on to the sign-in pages on the page server, as Microsoft's login host sends a
  // browser on to other pages.
  if (
    state.authorizeOnAuthority &&
    request.method === 'GET' &&
    /^\/[\w.-]{1,64}\/oauth2\/v2\.0\/authorize$/.test(url.pathname)
  ) {
    response.writeHead(302, { Location: `${pageOrigin}${url.pathname}${url.search}` });
    response.end();
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
      // On the plain-HTTP page server by default, like the device login page: a person's browser
      // in practice mode never meets the practice certificate. Microsoft's is on the authority
      // host (https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration).
      authorization_endpoint: `${state.authorizeOnAuthority ? base : `${pageOrigin}/${tenant}`}/oauth2/v2.0/authorize`,
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
  const app = state.apps.get(clientId);
  if (!app || current === 'app-not-in-tenant') {
    sendOAuthError(response, failureOf('app-not-in-tenant'), correlationId);
    return;
  }
  if (match[3] === 'devicecode') {
    const scopes = scopesOf(form.get('scope'));
    const grant = pendingGrant(state, {
      deviceCode: randomBytes(48).toString('base64url'),
      userCode: randomUserCode(),
      app,
      scopes,
      authorize: undefined,
    });
    state.deviceGrants.set(grant.deviceCode, grant);
    state.byUserCode.set(grant.userCode, grant);
    const verificationUri = `${pageOrigin}/devicelogin`;
    sendJson(response, 200, {
      user_code: grant.userCode,
      device_code: grant.deviceCode,
      verification_uri: verificationUri,
      expires_in: state.expiresIn,
      interval: state.interval,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
    });
    return;
  }
  const grantType = form.get('grant_type') ?? '';
  if (await transientTrouble(state, request, response, current, form, grantType)) return;
  if (grantType === 'device_code' || grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
    answerDevicePoll(state, response, form, app, current, correlationId);
    return;
  }
  if (grantType === 'authorization_code') {
    redeemAuthorizationCode(state, response, form, app, correlationId);
    return;
  }
  if (grantType === 'refresh_token') {
    const grant = state.refreshGrants.get(form.get('refresh_token') ?? '');
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
    // Only the sign-ins made before the switch lapse: Entra ends a refresh token that expired,
    // was revoked or is past the sign-in frequency, and "the app must ... sign in again"
    // (learn.microsoft.com/entra/identity-platform/refresh-tokens, "Token expiry"); the new
    // sign-in's tokens work (Revoke-EntraUserAllRefreshToken: refreshTokensValidFromDateTime).
    if (refreshScenarios.has(current) && grant.signedInAt <= state.tenantSwitchSetAt) {
      sendOAuthError(response, failureOf(current), correlationId);
      return;
    }
    const issued = issueTokens(
      state,
      app,
      grant.account,
      scopesOf(form.get('scope')),
      grant.signedInAt,
    );
    if (!issued.ok) {
      sendOAuthError(response, issued.failure, correlationId);
      return;
    }
    // Refresh tokens replace themselves on every use.
    state.refreshGrants.delete(form.get('refresh_token') ?? '');
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
  state: TenantState,
  response: ServerResponse,
  form: URLSearchParams,
  app: PracticeApp,
  current: TenantScenario,
  correlationId: string,
): void {
  const grant = state.deviceGrants.get(form.get('device_code') ?? '');
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
    const required = (grant.interval + state.slowDownSeconds * grant.slowDownsSent) * 1000;
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
  const issued = issueTokens(state, app, grant.account, scopesOf(form.get('scope')));
  if (!issued.ok) {
    sendOAuthError(response, issued.failure, correlationId);
    return;
  }
  grant.redeemed = true;
  sendJson(response, 200, issued.body);
}

/** The scenarios of trouble that passes (or, for `busy`, does not). */
const transientScenarios = new Set<TenantScenario>([
  'busy-once',
  'throttled-once',
  'connection-dropped-once',
  'slow-once',
  'busy',
]);

/**
 * Transient trouble at the token endpoint, in the middle of polling (a device code already
 * polled once) and on a refresh: 503 or 429 with Retry-After: 1, a dropped connection, or one
 * answer slower than the wizard's deadline. Once per device code or refresh token, except
 * `busy`. True when the request was answered (or dropped) here.
 */
async function transientTrouble(
  state: TenantState,
  request: IncomingMessage,
  response: ServerResponse,
  current: TenantScenario,
  form: URLSearchParams,
  grantType: string,
): Promise<boolean> {
  if (!transientScenarios.has(current)) return false;
  const grant =
    grantType === 'refresh_token' ? null : state.deviceGrants.get(form.get('device_code') ?? '');
  if (grantType !== 'refresh_token' && (!grant || grant.polls.length === 0)) return false;
  const key = grant ? `device:${grant.deviceCode}` : `refresh:${form.get('refresh_token') ?? ''}`;
  if (current !== 'busy') {
    if (state.transientServed.has(key)) return false;
    state.transientServed.add(key);
  }
  if (current === 'slow-once') {
    // Answers late; by then the wizard has given up on this answer and asked again, and an
    // answer nobody waits for any more is not worked out (nor the grant redeemed by it).
    await new Promise((resolve) => setTimeout(resolve, state.slowAnswerMs));
    return request.socket.destroyed;
  }
  grant?.polls.push(Date.now());
  switch (current) {
    case 'connection-dropped-once':
      request.socket.destroy();
      return true;
    case 'throttled-once':
      sendJson(
        response,
        429,
        { error: 'temporarily_unavailable', error_description: 'Too many requests.' },
        { 'Retry-After': '1' },
      );
      return true;
    default:
      sendJson(
        response,
        503,
        {
          error: 'temporarily_unavailable',
          error_description: 'The service is temporarily unavailable. Please try again later.',
        },
        { 'Retry-After': '1' },
      );
      return true;
  }
}
