/**
 * What the practice tenant hands out: access tokens from the practice world's token authority
 * (aud = resource, scp, upn, tid, appid, so practice Exchange and Graph can check them), an
 * unsigned ID token, a refresh token kept in the tenant state, and user codes.
 */
import { randomBytes } from 'node:crypto';
import {
  oidcScopes,
  practiceResources,
  practiceTenantId,
  splitScope,
  type PracticeAccount,
  type PracticeApp,
} from './accounts';
import { failureOf, type OAuthFailure } from './entra-failures';
import { consentedScopes, type TenantState } from './state';

const userCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomUserCode(): string {
  const bytes = randomBytes(9);
  return Array.from(bytes, (byte) => userCodeAlphabet[byte % userCodeAlphabet.length]).join('');
}

/** How Entra encodes the account and tenant for MSAL (base64url JSON). */
export const clientInfoOf = (account: PracticeAccount): string =>
  Buffer.from(JSON.stringify({ uid: account.oid, utid: practiceTenantId })).toString('base64url');

const unsignedJwt = (claims: Record<string, unknown>): string =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
    JSON.stringify(claims),
  ).toString('base64url')}.`;

export type Issued =
  { ok: true; body: Record<string, unknown> } | { ok: false; failure: OAuthFailure };

/** Tokens for one resource, for what the account has consented to; Entra's error otherwise. */
export function issueTokens(
  state: TenantState,
  app: PracticeApp,
  account: PracticeAccount,
  requested: string[],
  /** For a refresh: when the sign-in it continues was made (a new sign-in is now). */
  signedInAt = Date.now(),
): Issued {
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
  const consented = consentedScopes(state, app, account);
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
  if (!state.context) throw new Error('The practice tenant is not started');
  const claims = {
    aud: resource,
    scp: [...new Set(names)].join(' '),
    upn: account.upn,
    oid: account.oid,
    tid: practiceTenantId,
    appid: app.clientId,
  };
  const refreshToken = randomBytes(32).toString('base64url');
  state.refreshGrants.set(refreshToken, { account, app, signedInAt });
  const now = Math.floor(Date.now() / 1000);
  return {
    ok: true,
    body: {
      token_type: 'Bearer',
      scope: [...new Set(names)].map((name) => `${resource}/${name}`).join(' '),
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: state.context.tokens.issue(claims, 3600),
      refresh_token: refreshToken,
      id_token: unsignedJwt({
        aud: app.clientId,
        iss: `${state.identityOrigin}/${practiceTenantId}/v2.0`,
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
      client_info: clientInfoOf(account),
    },
  };
}
