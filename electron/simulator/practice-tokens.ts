/**
 * Tokens of the practice tenant: compact JWTs signed with a key that exists only for this run.
 * The practice tenant issues them; practice Exchange and practice Graph accept only tokens
 * that verify here, with the right audience and scope, and not expired.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PracticeTokenClaims {
  /** Resource the token is for, e.g. https://outlook.office.com or https://graph.microsoft.com */
  aud: string;
  /** Space-separated delegated scopes, e.g. "SMTP.Send". */
  scp: string;
  /** The signed-in account's user principal name. */
  upn: string;
  oid: string;
  tid: string;
  /** The app (client ID) the token was issued to. */
  appid: string;
  iat: number;
  exp: number;
}

export interface PracticeTokenAuthority {
  issue(claims: Omit<PracticeTokenClaims, 'iat' | 'exp'>, lifetimeSeconds?: number): string;
  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: string): PracticeTokenClaims | null;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createPracticeTokenAuthority(): PracticeTokenAuthority {
  const key = randomBytes(32);
  const sign = (data: string): Buffer => createHmac('sha256', key).update(data).digest();
  return {
    issue(claims, lifetimeSeconds = 3600) {
      const iat = Math.floor(Date.now() / 1000);
      const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iat, exp: iat + lifetimeSeconds })}`;
      return `${body}.${sign(body).toString('base64url')}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [header, payload, signature] = parts as [string, string, string];
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const claims = JSON.parse(
          Buffer.from(payload, 'base64url').toString(),
        ) as PracticeTokenClaims;
        return claims.exp > Date.now() / 1000 ? claims : null;
      } catch {
        return null;
      }
    },
  };
}
