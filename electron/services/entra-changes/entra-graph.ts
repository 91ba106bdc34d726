/**
 * The Graph call every Entra change makes: the permission's token asked for at the moment of
 * the change (a consent not given yet becomes `entra-admin-consent-missing`), one request over
 * the shared `sendGraphRequest`, and Graph's answer told apart in the Entra changes' own words
 * (busy, unexpected, a refusal naming the permission or the role). Also the parts each change
 * shares: the call, recording a change in progress, the clock and the journey's tenant checks.
 */
import { graphScope, type CloudProfile } from '../../../shared/cloud-profiles';
import {
  entraChangeAnswerSeconds,
  entraChangePermissions,
  entraChangeTries,
  type EntraChangePermission,
  type TenantCheckId,
  type TenantCheckResult,
} from '../../../shared/contract/exchange';
import type { AdminChange } from '../../../shared/model';
import { plainText as text } from '../../common/plain-text';
import { ProblemError } from '../../common/problem-error';
import { retryAfterSeconds } from '../net/bounded-https';
import { sendGraphRequest } from '../net/graph-request';
import { isTransientStatus } from '../net/ride-out';
import type { AccessToken, TokenSource } from '../token-source';

/** The least role Microsoft names for each change, told to a person who lacks it. */
const roleFor: Record<EntraChangePermission, string> = {
  'Policy.ReadWrite.SecurityDefaults': 'Conditional Access Administrator',
  'Policy.ReadWrite.ConditionalAccess': 'Conditional Access Administrator',
  'GroupMember.ReadWrite.All': 'Groups Administrator',
  'Group.ReadWrite.All': 'Groups Administrator',
};

/** Problems that mean "the permission is not granted (yet)": the person is asked for it. */
const consentProblems = new Set([
  'signin-consent-missing',
  'signin-consent-declined',
  'signin-admin-consent-required',
]);

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface EntraGraph {
  profile(): Promise<CloudProfile>;
  /** The token for one permission, asked for now; a missing consent says which permission. */
  token(profile: CloudProfile, permission: string): Promise<AccessToken>;
  /** One Graph call with the given permission; `accepted` statuses outside 2xx pass through. */
  call(
    method: GraphMethod,
    path: string,
    permission: string,
    body?: unknown,
    accepted?: number[],
  ): Promise<{ status: number; json: unknown; account: string }>;
}

/** What every change shares: Graph, recording what it changed, the clock, the board's checks. */
export interface EntraChangeParts {
  graph: EntraGraph;
  record(change: AdminChange): Promise<void>;
  now(): Date;
  runTenantChecks(checks: TenantCheckId[]): Promise<TenantCheckResult[]>;
}

export interface EntraGraphOptions {
  tokens: TokenSource;
  profile(): Promise<CloudProfile>;
  /** The practice or custom-profile CA, trusted for the profile's Graph origin only. */
  trustedCa?: () => string | undefined;
  requestTimeoutMs?: number;
  /** Waits for a Retry-After up to this long; longer ones are reported instead. */
  maxRetryAfterSeconds?: number;
  sleep(ms: number): Promise<void>;
}

export function createEntraGraph(options: EntraGraphOptions): EntraGraph {
  async function token(profile: CloudProfile, permission: string): Promise<AccessToken> {
    try {
      return await options.tokens.getAccessToken([graphScope(profile, permission)]);
    } catch (error) {
      if (
        error instanceof ProblemError &&
        consentProblems.has(error.problem.id) &&
        (entraChangePermissions as readonly string[]).includes(permission)
      ) {
        throw new ProblemError('entra-admin-consent-missing', { permission });
      }
      throw error;
    }
  }

  /**
   * 429 and 5xx are ridden out (Retry-After honoured up to the limit) only where sending twice
   * does no harm (reads and PATCH); a refusal says which role the change needs.
   */
  async function call(
    method: GraphMethod,
    path: string,
    permission: string,
    body?: unknown,
    accepted: number[] = [],
  ): Promise<{ status: number; json: unknown; account: string }> {
    const profile = await options.profile();
    const granted = await token(profile, permission);
    const { reply } = await sendGraphRequest({
      profile,
      token: granted.token,
      method,
      path,
      body,
      ca: options.trustedCa?.() ?? null,
      deadlineMs: options.requestTimeoutMs ?? entraChangeAnswerSeconds * 1000,
      retry: {
        // A POST that met a server error may have been made: never sent twice.
        attempts: method === 'POST' ? 1 : entraChangeTries,
        maxWaitSeconds: options.maxRetryAfterSeconds ?? 10,
        maxBackoffSeconds: 2,
        sleep: options.sleep,
      },
    });
    if (reply.status === 429) {
      throw new ProblemError('entra-admin-busy', {
        status: 429,
        seconds: retryAfterSeconds(reply.headers['retry-after']) ?? 60,
      });
    }
    if (isTransientStatus(reply.status)) {
      throw new ProblemError('entra-admin-busy', { status: reply.status, seconds: 60 });
    }
    let json: unknown = null;
    try {
      json = reply.body.length > 0 ? JSON.parse(reply.body) : null;
    } catch {
      throw new ProblemError('entra-admin-unexpected', { status: reply.status });
    }
    if (reply.status === 403) throw refused(json, permission);
    if ((reply.status < 200 || reply.status >= 300) && !accepted.includes(reply.status)) {
      throw new ProblemError('entra-admin-unexpected', { status: reply.status });
    }
    return { status: reply.status, json, account: granted.account };
  }

  return { profile: () => options.profile(), token, call };
}

/** A 403: the permission missing from the token, or the account's role (Graph's words). */
function refused(json: unknown, permission: string): ProblemError {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const words = `${text(error?.code)} ${text(error?.message, 400)}`;
  if (/scope|consent/i.test(words) && !/Authorization_RequestDenied/.test(words)) {
    return new ProblemError('entra-admin-consent-missing', { permission });
  }
  const role =
    roleFor[permission as EntraChangePermission] ?? roleFor['Policy.ReadWrite.SecurityDefaults'];
  return new ProblemError('entra-admin-role-missing', { role, permission });
}
