/**
 * "Do it for me" in Microsoft Entra, over Microsoft Graph, each change with the least delegated
 * permission it needs, asked for at the moment of the change (never at sign-in):
 * - security defaults off: PATCH /policies/identitySecurityDefaultsEnforcementPolicy
 *   {"isEnabled": false} → 204 (Policy.ReadWrite.SecurityDefaults; at least the Conditional
 *   Access Administrator role, Learn "Security defaults"). Undo turns them on again.
 * - the printer's device-code sign-in let through Conditional Access: from What If, each policy
 *   that blocks the signed-in account's device-code sign-in gets one exclusion group added to
 *   its excludeGroups (the whole `conditions.users` sent back, else Graph answers 1007), and the
 *   account goes into that group (Policy.ReadWrite.ConditionalAccess, GroupMember.ReadWrite.All;
 *   a new group also Group.ReadWrite.All). Nothing else in a policy changes; none is turned
 *   off. A failure halfway says what was and was not changed; each change undoes on its own.
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
  type DeviceCodeExclusionFix,
  type DeviceCodeExclusionPlan,
  type ExclusionGroupChoice,
  type PlannedChange,
  type OrganizationConsent,
  type SecurityDefaultsFix,
  type SmtpConsentProof,
  type SecurityDefaultsState,
  type TenantCheckId,
  type TenantCheckResult,
} from '../../shared/contract/exchange';
import type { AdminChange } from '../../shared/model';
import { problem as problemOf } from '../../shared/problem';
import { deviceCodeWhatIf, exchangeOnlineAppId } from './tenant-checks';
import { plainText } from '../common/plain-text';
import { ProblemError } from '../common/problem-error';
import { createBoundedHttps, retryAfterSeconds, type BoundedReply } from './net/bounded-https';
import { isTransientStatus, rideOut } from './net/ride-out';
import type { ProgressService } from './progress-service';
import type { AccessToken, TokenSource } from './token-source';

/** The least role Microsoft names for each change, told to a person who lacks it. */
const roleFor: Record<EntraChangePermission, string> = {
  'Policy.ReadWrite.SecurityDefaults': 'Conditional Access Administrator',
  'Policy.ReadWrite.ConditionalAccess': 'Conditional Access Administrator',
  'GroupMember.ReadWrite.All': 'Groups Administrator',
  'Group.ReadWrite.All': 'Groups Administrator',
};

/** The name proposed for a new exclusion group (the person confirms or changes it). */
export const suggestedExclusionGroup = 'Printers: device code sign-in allowed';

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
  planDeviceCodeExclusion(): Promise<DeviceCodeExclusionPlan>;
  readSmtpConsent(): Promise<SmtpConsentProof>;
  excludeFromDeviceCodeBlocks(group: ExclusionGroupChoice): Promise<DeviceCodeExclusionFix>;
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
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    permission: string,
    body?: unknown,
    accepted: number[] = [],
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
          // A POST that met a server error may have been made: never sent twice.
          attempts: method === 'POST' ? 1 : 3,
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
    if ((reply.status < 200 || reply.status >= 300) && !accepted.includes(reply.status)) {
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

  interface PolicyUsers {
    excludeGroups: string[];
    [field: string]: unknown;
  }

  /** A policy's whole `conditions.users`, as Graph has it now (sent back whole when changed). */
  async function usersOf(policyId: string): Promise<PolicyUsers> {
    const read = await call(
      'GET',
      `/identity/conditionalAccess/policies/${encodeURIComponent(policyId)}`,
      'Policy.Read.All',
    );
    const users = (read.json as { conditions?: { users?: unknown } } | null)?.conditions?.users;
    if (typeof users !== 'object' || users === null) {
      throw new ProblemError('entra-admin-unexpected', { status: read.status });
    }
    const excludeGroups = (users as { excludeGroups?: unknown }).excludeGroups;
    return {
      ...(users as Record<string, unknown>),
      excludeGroups: Array.isArray(excludeGroups)
        ? excludeGroups.filter((item): item is string => typeof item === 'string')
        : [],
    };
  }

  /** Adds or takes out one group of a policy's exclusions, nothing else; read back. */
  async function setPolicyExclusion(policyId: string, groupId: string, excluded: boolean) {
    const users = await usersOf(policyId);
    const others = users.excludeGroups.filter((group) => group !== groupId);
    await call(
      'PATCH',
      `/identity/conditionalAccess/policies/${encodeURIComponent(policyId)}`,
      'Policy.ReadWrite.ConditionalAccess',
      {
        conditions: {
          users: { ...users, excludeGroups: excluded ? [...others, groupId] : others },
        },
      },
    );
    const after = await usersOf(policyId);
    if (after.excludeGroups.includes(groupId) !== excluded) {
      throw new ProblemError('entra-admin-not-applied', { policy: policyId });
    }
  }

  async function me(): Promise<{ id: string; upn: string }> {
    const read = await call('GET', '/me?$select=id,userPrincipalName', 'User.Read');
    const found = read.json as { id?: unknown; userPrincipalName?: unknown } | null;
    const id = text(found?.id, 64);
    if (!id) throw new ProblemError('entra-admin-unexpected', { status: read.status });
    return { id, upn: (text(found?.userPrincipalName, 320) || read.account).toLowerCase() };
  }

  /** Each policy What If finds blocking this account's device-code sign-in (on or report-only). */
  async function blockingPolicies(userId: string): Promise<ConditionalAccessPolicySeen[]> {
    const evaluated = await call(
      'POST',
      '/identity/conditionalAccess/evaluate',
      'Policy.Read.All',
      deviceCodeWhatIf(userId),
    );
    const value = (evaluated.json as { value?: unknown } | null)?.value;
    if (!Array.isArray(value)) throw new ProblemError('entra-admin-unexpected', { status: 200 });
    return value.flatMap((item: unknown) => {
      const policy = item as {
        id?: unknown;
        displayName?: unknown;
        state?: unknown;
        policyApplies?: unknown;
        grantControls?: { builtInControls?: unknown } | null;
      } | null;
      const controls = policy?.grantControls?.builtInControls;
      const blocks = Array.isArray(controls) && controls.includes('block');
      const id = text(policy?.id, 64);
      if (policy?.policyApplies !== true || !blocks || !id || policy.state === 'disabled') {
        return [];
      }
      const name = text(policy.displayName, 120) || id;
      return [
        {
          id,
          name,
          state: policy.state === 'enabled' ? ('enabled' as const) : ('report-only' as const),
          managed: /^Microsoft-managed/i.test(name),
        },
      ];
    });
  }

  async function securityGroups(): Promise<{ id: string; name: string }[]> {
    const read = await call(
      'GET',
      '/groups?$filter=securityEnabled eq true&$select=id,displayName&$top=200',
      'GroupMember.ReadWrite.All',
    );
    const value = (read.json as { value?: unknown } | null)?.value;
    if (!Array.isArray(value)) throw new ProblemError('entra-admin-unexpected', { status: 200 });
    return value.flatMap((item: unknown) => {
      const group = item as { id?: unknown; displayName?: unknown } | null;
      const id = text(group?.id, 64);
      const name = text(group?.displayName, 120);
      return id && name ? [{ id, name }] : [];
    });
  }

  /** Asks for each permission in turn: the first not granted stops here (the person is asked). */
  async function permissionsFor(permissions: EntraChangePermission[]): Promise<void> {
    const profile = await options.profile();
    for (const permission of permissions) await token(profile, permission);
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
    async readSmtpConsent() {
      // Graph v1.0: Exchange Online's service principal by its well-known app id, then the
      // grants made for all principals on it, then each granted app's name.
      const read = async (path: string): Promise<unknown[]> => {
        const value = (
          (await call('GET', path, 'Directory.Read.All')).json as {
            value?: unknown;
          } | null
        )?.value;
        if (!Array.isArray(value))
          throw new ProblemError('entra-admin-unexpected', { status: 200 });
        return value;
      };
      const exchange = (
        await read(`/servicePrincipals?$filter=appId eq '${exchangeOnlineAppId}'&$select=id`)
      )[0] as { id?: unknown } | undefined;
      const resourceId = text(exchange?.id, 64);
      if (!resourceId) return { grants: [], smtpSend: [] };
      const grants: OrganizationConsent[] = [];
      for (const item of await read(
        `/oauth2PermissionGrants?$filter=consentType eq 'AllPrincipals' and resourceId eq '${resourceId}'`,
      )) {
        const grant = item as { clientId?: unknown; scope?: unknown; consentType?: unknown };
        const clientId = text(grant.clientId, 64);
        if (!clientId || grant.consentType !== 'AllPrincipals') continue;
        const principal = (
          await call(
            'GET',
            `/servicePrincipals/${encodeURIComponent(clientId)}?$select=appId,displayName`,
            'Directory.Read.All',
          )
        ).json as { appId?: unknown; displayName?: unknown } | null;
        grants.push({
          app: text(principal?.displayName, 120) || clientId,
          appId: text(principal?.appId, 64),
          permissions: text(grant.scope, 400).split(/\s+/).filter(Boolean),
        });
      }
      return {
        grants,
        smtpSend: grants.filter((grant) => grant.permissions.includes('SMTP.Send')),
      };
    },
    async planDeviceCodeExclusion() {
      await permissionsFor(['Policy.ReadWrite.ConditionalAccess', 'GroupMember.ReadWrite.All']);
      const account = await me();
      return {
        account: account.upn,
        blocking: await blockingPolicies(account.id),
        groups: await securityGroups(),
        suggestedName: suggestedExclusionGroup,
      };
    },
    async excludeFromDeviceCodeBlocks(choice) {
      // Every permission first, so no change is made that a missing one would leave halfway.
      await permissionsFor([
        'Policy.ReadWrite.ConditionalAccess',
        'GroupMember.ReadWrite.All',
        ...(choice.kind === 'new' ? (['Group.ReadWrite.All'] as const) : []),
      ]);
      const account = await me();
      const blocking = await blockingPolicies(account.id);
      const groups = await securityGroups();
      const existing =
        choice.kind === 'existing' ? groups.find((group) => group.id === choice.id) : undefined;
      if (choice.kind === 'existing' && !existing) {
        throw new ProblemError('entra-admin-unexpected', { status: 404 });
      }
      const groupName = existing?.name ?? (choice.kind === 'new' ? choice.name.trim() : '');
      const planned: PlannedChange[] = blocking.length
        ? [
            ...(choice.kind === 'new'
              ? [{ kind: 'group-created' as const, target: groupName }]
              : []),
            { kind: 'group-member', target: groupName, member: account.upn },
            ...blocking.map((policy) => ({
              kind: 'policy-exclusion' as const,
              target: policy.name,
              member: groupName,
            })),
          ]
        : [];
      const changes: AdminChange[] = [];
      const settled = new Set<PlannedChange>();
      const made = async (
        plan: PlannedChange,
        fields: Pick<AdminChange, 'before' | 'after' | 'targetId' | 'memberId'>,
      ): Promise<void> => {
        const change: AdminChange = {
          id: randomUUID(),
          kind: plan.kind,
          target: plan.target,
          ...(plan.member ? { member: plan.member } : {}),
          ...fields,
          by: account.upn,
          at: now().toISOString(),
        };
        await record(change);
        changes.push(change);
        settled.add(plan);
      };
      let stopped: ProblemError | null = null;
      try {
        let step = 0;
        let groupId = existing?.id ?? '';
        if (planned.length > 0 && choice.kind === 'new') {
          const plan = planned[step++] as PlannedChange;
          const created = await call('POST', '/groups', 'Group.ReadWrite.All', {
            displayName: groupName,
            description:
              'Accounts of printers allowed to sign in with a device code (Printer Mail Setup Wizard).',
            mailEnabled: false,
            mailNickname: `printers-device-code-${randomUUID().slice(0, 8)}`,
            securityEnabled: true,
          });
          groupId = text((created.json as { id?: unknown } | null)?.id, 64);
          if (!groupId)
            throw new ProblemError('entra-admin-unexpected', { status: created.status });
          await made(plan, { before: 'absent', after: 'present', targetId: groupId });
        }
        if (planned.length > 0) {
          const plan = planned[step++] as PlannedChange;
          const added = await call(
            'POST',
            `/groups/${encodeURIComponent(groupId)}/members/$ref`,
            'GroupMember.ReadWrite.All',
            {
              '@odata.id': `${(await options.profile()).graphBaseUrl.replace(/\/+$/, '')}/directoryObjects/${account.id}`,
            },
            [400],
          );
          // 400 "already exist": the account was in the group already; nothing changed.
          if (added.status === 400) settled.add(plan);
          else {
            await made(plan, {
              before: 'not-member',
              after: 'member',
              targetId: groupId,
              memberId: account.id,
            });
          }
        }
        for (const policy of blocking) {
          const plan = planned[step++] as PlannedChange;
          const users = await usersOf(policy.id);
          if (users.excludeGroups.includes(groupId)) {
            settled.add(plan);
            continue;
          }
          await setPolicyExclusion(policy.id, groupId, true);
          await made(plan, {
            before: 'not-excluded',
            after: 'excluded',
            targetId: policy.id,
            memberId: groupId,
          });
        }
      } catch (error) {
        // Nothing made yet: the refusal is the answer. Halfway: say what was and was not made.
        if (!(error instanceof ProblemError) || changes.length === 0) throw error;
        stopped = error;
      }
      const checks = await options.runTenantChecks(['conditional-access']);
      return {
        changes,
        notDone: planned.filter((plan) => !settled.has(plan)),
        problem: stopped ? problemOf(stopped.problem.id, stopped.problem.data) : null,
        conditionalAccess: checks.find((item) => item.check === 'conditional-access') ?? null,
      };
    },
    async undo(id) {
      const change = options.progress.current().adminChanges.find((item) => item.id === id);
      if (!change || change.kind === 'mailbox-smtp-auth') return null;
      if (change.undoneAt) throw new ProblemError('admin-change-unknown');
      const targetId = encodeURIComponent(change.targetId ?? '');
      if (change.kind === 'security-defaults') await setSecurityDefaults(change.before === 'on');
      else if (change.kind === 'policy-exclusion') {
        await setPolicyExclusion(change.targetId ?? '', change.memberId ?? '', false);
      } else if (change.kind === 'group-member') {
        await call(
          'DELETE',
          `/groups/${targetId}/members/${encodeURIComponent(change.memberId ?? '')}/$ref`,
          'GroupMember.ReadWrite.All',
        );
      } else {
        await call('DELETE', `/groups/${targetId}`, 'Group.ReadWrite.All');
      }
      const undone = { ...change, undoneAt: now().toISOString() };
      await record(undone);
      // The board said "passed" because of the change: check again so it says what is true now.
      await options
        .runTenantChecks(
          change.kind === 'security-defaults' ? ['security-defaults'] : ['conditional-access'],
        )
        .catch(() => null);
      return undone;
    },
  };
}
