/**
 * Tenant checks over Microsoft Graph, each run only when the user asks for it, each with the
 * least permission it needs, asked for at that moment:
 * - security defaults on or off (Policy.Read.All);
 * - Conditional Access that would block a device-code sign-in of the sending mailbox: the
 *   "What If" evaluate call with transfer method deviceCodeFlow, falling back to reading the
 *   policies and the account's groups and roles (User.Read + Policy.Read.All);
 * - whether the signed-in account holds a role that can consent for the organization
 *   (Directory.Read.All).
 * A check that cannot be made (consent, role or licence missing, 401, 429, 5xx, malformed
 * JSON, network) says which, and the other checks still run.
 */
import { graphScope, type CloudProfile } from '../../shared/cloud-profiles';
import type { BoardUpdate, TenantCheckId, TenantCheckResult } from '../../shared/contract/exchange';
import { consentRoleTemplates } from '../../shared/contract/signin';
import { problem, type ProblemData } from '../../shared/problem';
import type { ProblemId } from '../../shared/problems/index';
import { plainText } from '../common/plain-text';
import { ProblemError } from '../common/problem-error';
import { retryAfterSeconds } from './net/bounded-https';
import { sendGraphRequest } from './net/graph-request';
import { isTransientStatus } from './net/ride-out';
import { lookUpDirectoryRoles, MalformedRolesError, readGraphList } from './signin/role-lookup';
import type { TokenSource } from './token-source';

export interface TenantCheckOptions {
  tokens: TokenSource;
  profile(): Promise<CloudProfile>;
  /** The practice or custom-profile CA, trusted for the profile's Graph origin only. */
  trustedCa?: () => string | undefined;
  /** Personal (Outlook.com) accounts have no tenant to check. */
  personal(): Promise<boolean>;
  requestTimeoutMs?: number;
  /** Waits for a Retry-After up to this long; longer ones are reported instead. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TenantCheckService {
  run(checks: readonly TenantCheckId[]): Promise<TenantCheckResult[]>;
}

/** Office 365 Exchange Online's well-known app id (the resource the printer signs in for). */
export const exchangeOnlineAppId = '00000002-0000-0ff1-ce00-000000000000';

/** The What If question: this account's device-code sign-in to Exchange Online, as a printer's. */
export const deviceCodeWhatIf = (userId: string) => ({
  signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId },
  signInContext: {
    '@odata.type': '#microsoft.graph.applicationContext',
    includeApplications: [exchangeOnlineAppId],
  },
  signInConditions: {
    authenticationFlow: { transferMethod: 'deviceCodeFlow' },
    clientAppType: 'mobileAppsAndDesktopClients',
  },
  appliedPoliciesOnly: true,
});

const text = plainText;

/** What a tenant check's Graph call needs from the service around it. */
interface CallParts {
  tokens: TokenSource;
  trustedCa(): string | null;
  timeoutMs: number;
  maxRetryAfterSeconds: number;
  sleep(ms: number): Promise<void>;
}

/** One Graph call; a failure becomes the problem that says which thing is missing. */
async function callGraph(
  parts: CallParts,
  profile: CloudProfile,
  permissions: string[],
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  passStatuses: number[] = [],
): Promise<{ status: number; json: unknown }> {
  const token = await parts.tokens.getAccessToken(
    permissions.map((permission) => graphScope(profile, permission)),
  );
  const permission = permissions.at(-1) ?? '';
  // 429 and 5xx (as Retry-After says, else 1 s), a dropped connection, a slow answer.
  const { url, reply } = await sendGraphRequest({
    profile,
    token: token.token,
    method,
    path,
    body,
    ca: parts.trustedCa(),
    deadlineMs: parts.timeoutMs,
    retry: {
      attempts: 3,
      maxWaitSeconds: parts.maxRetryAfterSeconds,
      maxBackoffSeconds: 1,
      sleep: parts.sleep,
    },
  });
  if (reply.status === 429) {
    throw new ProblemError('graph-throttled', {
      seconds: retryAfterSeconds(reply.headers['retry-after']) ?? 5,
    });
  }
  if (isTransientStatus(reply.status)) {
    throw new ProblemError('graph-server-error', { status: reply.status });
  }
  if (reply.status === 401) throw new ProblemError('graph-unauthorized');
  let json: unknown;
  try {
    json = reply.body.length > 0 ? JSON.parse(reply.body) : null;
  } catch {
    if (reply.status >= 500) throw new ProblemError('graph-server-error', { status: reply.status });
    throw new ProblemError('graph-malformed', { path: url.pathname });
  }
  if (reply.status === 403) throw forbidden(json, permission);
  if (reply.status >= 200 && reply.status < 300) return { status: reply.status, json };
  if (passStatuses.includes(reply.status)) return { status: reply.status, json };
  throw new ProblemError('graph-server-error', { status: reply.status });
}

export function createTenantCheckService(options: TenantCheckOptions): TenantCheckService {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 10;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const parts: CallParts = {
    tokens: options.tokens,
    trustedCa: () => options.trustedCa?.() ?? null,
    timeoutMs,
    maxRetryAfterSeconds: maxRetryAfter,
    sleep,
  };
  const call = (
    profile: CloudProfile,
    permissions: string[],
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    passStatuses: number[] = [],
  ) => callGraph(parts, profile, permissions, method, path, body, passStatuses);

  async function securityDefaults(profile: CloudProfile): Promise<TenantCheckResult> {
    const { json } = await call(
      profile,
      ['Policy.Read.All'],
      'GET',
      '/policies/identitySecurityDefaultsEnforcementPolicy',
    );
    const enabled = (json as { isEnabled?: unknown } | null)?.isEnabled;
    if (typeof enabled !== 'boolean')
      throw new ProblemError('graph-malformed', { path: 'isEnabled' });
    return enabled
      ? result(
          'security-defaults',
          'failed',
          'security-defaults-on',
          {},
          [],
          [
            {
              check: 'security-defaults',
              result: { state: 'failed', problemId: 'security-defaults-on' },
            },
          ],
        )
      : result(
          'security-defaults',
          'passed',
          null,
          {},
          [],
          [{ check: 'security-defaults', result: { state: 'passed' } }],
        );
  }

  async function conditionalAccess(profile: CloudProfile): Promise<TenantCheckResult> {
    const permissions = ['User.Read', 'Policy.Read.All'];
    const me = (await call(profile, permissions, 'GET', '/me?$select=id,userPrincipalName'))
      .json as {
      id?: unknown;
    } | null;
    const userId = text(me?.id, 64);
    if (!userId) throw new ProblemError('graph-malformed', { path: '/me' });
    const evaluated = await call(
      profile,
      permissions,
      'POST',
      '/identity/conditionalAccess/evaluate',
      deviceCodeWhatIf(userId),
      [400, 404, 405, 501],
    );
    let findings: Finding[];
    let method: 'what-if' | 'policies' = 'what-if';
    if (evaluated.status >= 200 && evaluated.status < 300) {
      findings = fromWhatIf(evaluated.json);
    } else {
      // What If is not available here: read the policies and judge them ourselves.
      method = 'policies';
      const policies = policyList(
        (await call(profile, permissions, 'GET', '/identity/conditionalAccess/policies')).json,
      );
      const memberships = policies.some(namesGroupsOrRoles)
        ? await membershipsOf(profile, permissions)
        : null;
      findings = fromPolicies(policies, { userId, memberships });
    }
    const blocking = findings.find((finding) => finding.kind === 'blocks');
    const later = findings.find((finding) => finding.kind === 'report-only');
    const maybe = findings.find((finding) => finding.kind === 'may-apply');
    const facts = findings.map((finding) => finding.name);
    const pick = blocking ?? later ?? maybe;
    if (!pick) {
      return {
        ...result('conditional-access', 'passed', null, {}, facts, [
          { check: 'conditional-access', result: { state: 'passed' } },
        ]),
        method,
      };
    }
    const problemId: ProblemId =
      pick.kind === 'blocks'
        ? 'ca-blocks-device-code'
        : pick.kind === 'report-only'
          ? 'ca-device-code-report-only'
          : 'ca-device-code-may-apply';
    const state = pick.kind === 'blocks' ? 'failed' : 'attention';
    const data = { policy: pick.name, managed: pick.managed };
    return {
      ...result('conditional-access', state, problemId, data, facts, [
        {
          check: 'conditional-access',
          result: { state, problemId, problemData: data, summary: pick.name },
        },
      ]),
      method,
    };
  }

  async function consentRole(profile: CloudProfile): Promise<TenantCheckResult> {
    let held;
    try {
      held = await lookUpDirectoryRoles(
        async (path) => (await call(profile, ['Directory.Read.All'], 'GET', path)).json,
        profile.graphBaseUrl,
      );
    } catch (error) {
      if (error instanceof MalformedRolesError) {
        throw new ProblemError('graph-malformed', { path: 'value' });
      }
      throw error;
    }
    const names = held.held.map((role) => role.name).filter(Boolean);
    // No board entry: the Sign in step owns "consent-role" and judges the same roles.
    if (held.check.state === 'can-consent') {
      return result('consent-role', 'passed', null, {}, names, []);
    }
    const limited = held.held.find((role) =>
      held.check.roles.some((consentRole) => consentRoleTemplates[consentRole] === role.templateId),
    );
    if (limited) {
      return result(
        'consent-role',
        'attention',
        'consent-role-limited',
        { role: limited.name },
        names,
        [],
      );
    }
    return result('consent-role', 'failed', 'consent-role-missing', {}, names, []);
  }

  /**
   * The account's groups (object ids) and directory roles (template ids, as policies name
   * them), direct and transitive; null when Graph will not say (hidden memberships, a refusal).
   */
  async function membershipsOf(
    profile: CloudProfile,
    permissions: string[],
  ): Promise<Memberships | null> {
    try {
      const entries = await readGraphList(
        async (path) => (await call(profile, permissions, 'GET', path)).json,
        profile.graphBaseUrl,
        '/me/transitiveMemberOf?$select=id,roleTemplateId',
      );
      const groups = new Set<string>();
      const roles = new Set<string>();
      for (const entry of entries) {
        if (entry['@odata.type'] === '#microsoft.graph.group') groups.add(text(entry['id'], 64));
        if (entry['@odata.type'] === '#microsoft.graph.directoryRole') {
          roles.add(text(entry['roleTemplateId'], 64).toLowerCase());
        }
      }
      return { groups, roles };
    } catch {
      return null;
    }
  }

  const runners: Record<TenantCheckId, (profile: CloudProfile) => Promise<TenantCheckResult>> = {
    'security-defaults': securityDefaults,
    'conditional-access': conditionalAccess,
    'consent-role': consentRole,
  };

  return {
    async run(checks) {
      const unique = [...new Set(checks)];
      if (await options.personal()) {
        return unique.map((check) =>
          result(check, 'unavailable', 'exchange-personal-account', {}, [], []),
        );
      }
      const profile = await options.profile();
      // One after another: Graph throttles per app and user, and the order reads naturally.
      const results: TenantCheckResult[] = [];
      for (const check of unique) {
        try {
          results.push(await runners[check](profile));
        } catch (error) {
          const found =
            error instanceof ProblemError ? error.problem : problem('graph-unreachable', {});
          results.push({ check, state: 'unavailable', problem: found, facts: [], board: [] });
        }
      }
      return results;
    },
  };
}

interface Finding {
  kind: 'blocks' | 'report-only' | 'may-apply';
  name: string;
  managed: boolean;
}

function result(
  check: TenantCheckId,
  state: TenantCheckResult['state'],
  problemId: ProblemId | null,
  data: ProblemData,
  facts: string[],
  board: BoardUpdate[],
): TenantCheckResult {
  return { check, state, problem: problemId ? problem(problemId, data) : null, facts, board };
}

interface PolicyLike {
  displayName?: unknown;
  state?: unknown;
  policyApplies?: unknown;
  grantControls?: { builtInControls?: unknown } | null;
  conditions?: {
    users?: {
      includeUsers?: unknown;
      excludeUsers?: unknown;
      includeGroups?: unknown;
      excludeGroups?: unknown;
      includeRoles?: unknown;
      excludeRoles?: unknown;
    } | null;
    applications?: { includeApplications?: unknown } | null;
    authenticationFlows?: { transferMethods?: unknown } | null;
  } | null;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function policyList(json: unknown): PolicyLike[] {
  const value = (json as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) throw new ProblemError('graph-malformed', { path: 'value' });
  return value.filter((item): item is PolicyLike => typeof item === 'object' && item !== null);
}

function describe(policy: PolicyLike): { name: string; managed: boolean } {
  const name = text(policy.displayName, 100) || '?';
  // Microsoft-managed policies are recognised by their name (UNCONFIRMED marker in Graph).
  return { name, managed: /^Microsoft-managed/i.test(name) };
}

const blocks = (policy: PolicyLike): boolean =>
  list(policy.grantControls?.builtInControls).includes('block');

function fromWhatIf(json: unknown): Finding[] {
  return policyList(json)
    .filter((policy) => policy.policyApplies === true && blocks(policy))
    .map((policy) => ({
      kind: policy.state === 'enabled' ? 'blocks' : 'report-only',
      ...describe(policy),
    }));
}

interface Memberships {
  groups: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

/** Whether a policy's users condition names groups or roles (which need the memberships). */
function namesGroupsOrRoles(policy: PolicyLike): boolean {
  const users = policy.conditions?.users;
  return (
    list(users?.includeGroups).length +
      list(users?.excludeGroups).length +
      list(users?.includeRoles).length +
      list(users?.excludeRoles).length >
    0
  );
}

/** Whether the account is among these users, groups or roles; 'unknown' without memberships. */
function among(
  account: { userId: string; memberships: Memberships | null },
  users: string[],
  groups: string[],
  roles: string[],
): 'yes' | 'no' | 'unknown' {
  if (users.includes(account.userId)) return 'yes';
  if (groups.length + roles.length === 0) return 'no';
  const { memberships } = account;
  if (!memberships) return 'unknown';
  const inGroup = groups.some((group) => memberships.groups.has(group));
  const inRole = roles.some((role) => memberships.roles.has(role.toLowerCase()));
  return inGroup || inRole ? 'yes' : 'no';
}

/**
 * The fallback without What If: each enabled or report-only policy that blocks the device code
 * flow for Exchange Online, judged for this account by its users condition (included directly,
 * by group or role, or all; left out the same ways). Where groups or roles decide and the
 * memberships could not be read, the policy "may apply": the wizard says it cannot tell.
 */
function fromPolicies(
  policies: PolicyLike[],
  account: { userId: string; memberships: Memberships | null },
): Finding[] {
  const findings: Finding[] = [];
  for (const policy of policies) {
    if (policy.state !== 'enabled' && policy.state !== 'enabledForReportingButNotEnforced')
      continue;
    const methods = text(policy.conditions?.authenticationFlows?.transferMethods, 200).split(',');
    if (!methods.map((method) => method.trim()).includes('deviceCodeFlow') || !blocks(policy))
      continue;
    const apps = list(policy.conditions?.applications?.includeApplications);
    if (!apps.some((app) => ['All', 'Office365', exchangeOnlineAppId].includes(app))) continue;
    const users = policy.conditions?.users;
    const includeUsers = list(users?.includeUsers);
    const included = includeUsers.includes('All')
      ? 'yes'
      : among(account, includeUsers, list(users?.includeGroups), list(users?.includeRoles));
    const excluded = among(
      account,
      list(users?.excludeUsers),
      list(users?.excludeGroups),
      list(users?.excludeRoles),
    );
    if (included === 'no' || excluded === 'yes') continue;
    const kind: Finding['kind'] =
      included === 'unknown' || excluded === 'unknown'
        ? 'may-apply'
        : policy.state === 'enabled'
          ? 'blocks'
          : 'report-only';
    findings.push({ kind, ...describe(policy) });
  }
  return findings;
}

function forbidden(json: unknown, permission: string): ProblemError {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const words = `${text(error?.code)} ${text(error?.message, 400)}`;
  if (/premium licen[cs]e|NonPremium|licen[cs]e/i.test(words)) {
    return new ProblemError('graph-licence-missing', { permission });
  }
  if (/scope|consent/i.test(words))
    return new ProblemError('graph-consent-missing', { permission });
  return new ProblemError('graph-role-missing', { permission });
}
