/**
 * The authorization code flow with PKCE for public clients: the wizard's fallback sign-in when a
 * Conditional Access policy blocks device code. /authorize on the page server (loopback redirect
 * URIs only, S256 required), the same account and consent pages as the device code, then a
 * form_post back to the app; the token endpoint redeems the code once, against the verifier.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeHtml, sendJson } from '../practice-http';
import { scopesOf, type PracticeAccount, type PracticeApp } from './accounts';
import { failureOf, sendOAuthError, type OAuthFailure } from './entra-failures';
import { accountForm, page } from './sign-in-pages';
import {
  pendingGrant,
  scenarioOf,
  startPageFlow,
  type AuthorizeRequest,
  type DeviceGrant,
  type TenantState,
} from './state';
import { clientInfoOf, issueTokens } from './tokens';

/**
 * GET /{tenant}/oauth2/v2.0/authorize: a public client's browser sign-in. Like Entra, it
 * accepts only a loopback redirect URI for public clients and requires PKCE (S256); what
 * cannot be returned to the app is shown on the page.
 */
export function startAuthorize(state: TenantState, response: ServerResponse, url: URL): void {
  const params = url.searchParams;
  const app = state.apps.get(params.get('client_id') ?? '');
  const fail = (code: number, description: string): void =>
    page(
      response,
      'Sign-in failed',
      `<p class="error" role="alert">AADSTS${code}: ${escapeHtml(description)}</p>`,
      400,
    );
  if (!app || scenarioOf(state) === 'app-not-in-tenant') {
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
  const grant = pendingGrant(state, {
    deviceCode: '',
    userCode: '',
    app,
    scopes: scopesOf(params.get('scope')),
    authorize: { redirectUri, state: params.get('state') ?? '', codeChallenge },
  });
  accountForm(response, startPageFlow(state, grant), state.context?.language() ?? 'en');
}

export function issueAuthorizationCode(
  state: TenantState,
  grant: DeviceGrant,
  account: PracticeAccount,
): Record<string, string> {
  const code = randomBytes(32).toString('base64url');
  const request = grant.authorize as AuthorizeRequest;
  state.authorizationCodes.set(code, {
    app: grant.app,
    account,
    scopes: grant.scopes,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    expiresAt: Date.now() + 10 * 60 * 1000,
  });
  return {
    code,
    client_info: clientInfoOf(account),
  };
}

export function authorizeError(failure: OAuthFailure): Record<string, string> {
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
export function returnToApp(
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
export function redeemAuthorizationCode(
  state: TenantState,
  response: ServerResponse,
  form: URLSearchParams,
  app: PracticeApp,
  correlationId: string,
): void {
  const code = form.get('code') ?? '';
  const waiting = state.authorizationCodes.get(code);
  state.authorizationCodes.delete(code);
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
    invalid(50011, 'The redirect URI does not match the one the authorization code was issued to.');
    return;
  }
  if (!verifier || challenge !== waiting.codeChallenge) {
    invalid(
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
    return;
  }
  const scopes = scopesOf(form.get('scope'));
  const issued = issueTokens(
    state,
    app,
    waiting.account,
    scopes.length > 0 ? scopes : waiting.scopes,
  );
  if (!issued.ok) {
    sendOAuthError(response, issued.failure, correlationId);
    return;
  }
  sendJson(response, 200, issued.body);
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
