/**
 * "Do it for me" in Microsoft Entra, over Microsoft Graph, each change with the least delegated
 * permission it needs, asked for at the moment of the change (never at sign-in):
 * - security defaults off: PATCH /policies/identitySecurityDefaultsEnforcementPolicy
 *   {"isEnabled": false} → 204 (Policy.ReadWrite.SecurityDefaults; at least the Conditional
 *   Access Administrator role, Learn "Security defaults"). Undo turns them on again.
 *
 * Each change reads the current state first, makes the change, reads it back, records who and
 * when in progress (`adminChanges`), and proves it with the checks the wizard already runs (the
 * journey's tenant checks, so the board follows). Every address comes from the cloud profile.
 * Nothing here logs or returns a token.
 */
import { randomUUID } from 'node:crypto';
import { graphScope, type CloudProfile } from '../../shared/cloud-profiles';
import {
  entraChangePermissions,
  type EntraChangePermission,
  type ConditionalAccessPolicySeen,
  type SecurityDefaultsFix,
  type SecurityDefaultsState,
  type TenantCheckId,
  type TenantCheckResult,
} from '../../shared/contract/exchange';
import type { AdminChange } from '../../shared/model';
import { plainText } from '../common/plain-text';
import { ProblemError } from '../common/problem-error';
import { createBoundedHttps, retryAfterSeconds, type BoundedReply } from './net/bounded-https';
import { isTransientStatus, rideOut } from './net/ride-out';
import type { ProgressService } from './progress-service';
import type { AccessToken, TokenSource } from './token-source';

/** The least role Microsoft names for each change, told to a person who lacks it. */
const roleFor: Record<EntraChangePermission, string> = {
  'Policy.ReadWrite.SecurityDefaults': 'Conditional Access Administrator',
};

/** Problems that mean "the permission is not granted (yet)": the person is asked for it. */
const consentProblems = new Set([
  'signin-consent-missing',
  'signin-consent-declined',
  'signin-admin-consent-required',
]);

export interface EntraAdminOptions {
  tokens: TokenSource;
  profile(): Promise<CloudProfile>;
  /** The practice or custom-profile CA, trusted for the profile's Graph origin only. */
  trustedCa?: () => string | undefined;
  progress: Pick<ProgressService, 'current' | 'update'>;
  /** The journey's tenant checks (the board follows them). */
  runTenantChecks(checks: TenantCheckId[]): Promise<TenantCheckResult[]>;
  requestTimeoutMs?: number;
  /** Waits for a Retry-After up to this long; longer ones are reported instead. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface EntraAdmin {
  readSecurityDefaults(): Promise<SecurityDefaultsState>;
  turnOffSecurityDefaults(): Promise<SecurityDefaultsFix>;
  /** Undoes one of its own changes; null when the change is not one of its kinds. */
  undo(id: string): Promise<AdminChange | null>;
}

const text = plainText;

export function createEntraAdmin(options: EntraAdminOptions): EntraAdmin {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));

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
   * One Graph call with the given permission. 429 and 5xx are ridden out (Retry-After honoured
   * up to the limit) only where sending twice does no harm (reads and PATCH); a refusal says
   * which role the change needs.
   */
  async function call(
    method: 'GET' | 'PATCH',
    path: string,
    permission: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; account: string }> {
    const profile = await options.profile();
    const granted = await token(profile, permission);
    const url = new URL(`${profile.graphBaseUrl.replace(/\/+$/, '')}${path}`);
    const client = createBoundedHttps({
      trustedOrigins: [new URL(profile.graphBaseUrl).origin],
      ca: options.trustedCa?.() ?? null,
      deadlineMs: options.requestTimeoutMs ?? 15_000,
      maxBodyBytes: 1024 * 1024,
    });
    let reply: BoundedReply;
    try {
      reply = await rideOut(
        () =>
          client.request({
            method,
            url,
            headers: {
              Authorization: `Bearer ${granted.token}`,
              Accept: 'application/json',
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        {
          attempts: 3,
          maxWaitSeconds: options.maxRetryAfterSeconds ?? 10,
          maxBackoffSeconds: 2,
          sleep,
        },
      );
    } catch {
      throw new ProblemError('graph-unreachable', { host: url.host });
    }
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
    if (reply.status < 200 || reply.status >= 300) {
      throw new ProblemError('entra-admin-unexpected', { status: reply.status });
    }
    return { status: reply.status, json, account: granted.account };
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

  async function securityDefaults(): Promise<{ enabled: boolean; account: string }> {
    const read = await call(
      'GET',
      '/policies/identitySecurityDefaultsEnforcementPolicy',
      'Policy.Read.All',
    );
    const enabled = (read.json as { isEnabled?: unknown } | null)?.isEnabled;
    if (typeof enabled !== 'boolean') {
      throw new ProblemError('entra-admin-unexpected', { status: read.status });
    }
    return { enabled, account: read.account.toLowerCase() };
  }

  async function tenantName(): Promise<string> {
    const read = await call('GET', '/organization?$select=id,displayName', 'User.Read');
    const first = ((read.json as { value?: unknown } | null)?.value as unknown[] | undefined)?.[0];
    return text((first as { displayName?: unknown } | undefined)?.displayName, 120) || '?';
  }

  /** Conditional Access policies as they are now: names, states, Microsoft-managed or not. */
  async function policies(): Promise<ConditionalAccessPolicySeen[]> {
    const read = await call(
      'GET',
      '/identity/conditionalAccess/policies?$select=id,displayName,state',
      'Policy.Read.All',
    );
    const value = (read.json as { value?: unknown } | null)?.value;
    if (!Array.isArray(value)) throw new ProblemError('entra-admin-unexpected', { status: 200 });
    return value.flatMap((item: unknown) => {
      const policy = item as { id?: unknown; displayName?: unknown; state?: unknown } | null;
      const name = text(policy?.displayName, 120);
      if (!name) return [];
      const state = text(policy?.state, 40);
      return [
        {
          id: text(policy?.id, 64),
          name,
          state: state === 'enabled' || state === 'disabled' ? state : ('report-only' as const),
          // Microsoft-managed policies are named so (managed-policies.md); Graph has no marker.
          managed: /^Microsoft-managed/i.test(name),
        },
      ];
    });
  }

  async function setSecurityDefaults(enabled: boolean): Promise<void> {
    await call(
      'PATCH',
      '/policies/identitySecurityDefaultsEnforcementPolicy',
      'Policy.ReadWrite.SecurityDefaults',
      { isEnabled: enabled },
    );
    // Only what Entra says now proves the change took.
    const after = await securityDefaults();
    if (after.enabled !== enabled) {
      throw new ProblemError('entra-admin-not-applied', { enabled: after.enabled });
    }
  }

  async function record(change: AdminChange): Promise<void> {
    const others = options.progress.current().adminChanges.filter((item) => item.id !== change.id);
    await options.progress.update((current) => ({
      ...current,
      adminChanges: [...others, change].slice(-50),
    }));
  }

  return {
    async readSecurityDefaults() {
      const { enabled } = await securityDefaults();
      const tenant = await tenantName();
      // The change's own permission, asked for now (when the person opens it), not at sign-in.
      if (enabled) await token(await options.profile(), 'Policy.ReadWrite.SecurityDefaults');
      return { enabled, tenant };
    },
    async turnOffSecurityDefaults() {
      const before = await securityDefaults();
      const tenant = await tenantName();
      // Ask for the write permission before anything else is said to have happened.
      await token(await options.profile(), 'Policy.ReadWrite.SecurityDefaults');
      const policiesBefore = await policies().catch(() => null);
      let change: AdminChange | null = null;
      if (before.enabled) {
        await setSecurityDefaults(false);
        change = {
          id: randomUUID(),
          kind: 'security-defaults',
          target: tenant,
          before: 'on',
          after: 'off',
          by: before.account,
          at: now().toISOString(),
        };
        await record(change);
      }
      // What Microsoft put in place when they went off (managed policies), then the proof: the
      // same What If evaluation of the printer's device-code sign-in the wizard runs anyway.
      const policiesAfter = await policies().catch(() => null);
      const known = new Set((policiesBefore ?? []).map((policy) => policy.id));
      const checks = await options.runTenantChecks(['security-defaults', 'conditional-access']);
      return {
        change,
        tenant,
        policies: policiesAfter ?? [],
        appeared: policiesBefore
          ? (policiesAfter ?? []).filter((policy) => !known.has(policy.id))
          : [],
        conditionalAccess: checks.find((item) => item.check === 'conditional-access') ?? null,
        securityDefaults: checks.find((item) => item.check === 'security-defaults') ?? null,
      };
    },
    async undo(id) {
      const change = options.progress.current().adminChanges.find((item) => item.id === id);
      if (!change || change.kind !== 'security-defaults') return null;
      if (change.undoneAt) throw new ProblemError('admin-change-unknown');
      await setSecurityDefaults(change.before === 'on');
      const undone = { ...change, undoneAt: now().toISOString() };
      await record(undone);
      // The board said "passed" because of the change: check again so it says what is true now.
      await options.runTenantChecks(['security-defaults']).catch(() => null);
      return undone;
    },
  };
}
