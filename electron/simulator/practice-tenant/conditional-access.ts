/**
 * The practice tenant's Conditional Access policy for the device code flow, in one place: the
 * practice Graph lists and evaluates it, the practice admin center shows it by its name and
 * lets the trainee exclude an account or a group from it, and the sign-in page lets an excluded
 * account through. So the wizard's fix for a blocked code sign-in ("exclude the printer's
 * mailbox from the policy") works in practice mode as it does in Entra.
 *
 * Shapes are Graph's conditionalAccessPolicy (learn.microsoft.com/graph/api/resources/
 * conditionalaccesspolicy): `conditions.users` include/exclude users (object ids), groups
 * (object ids) and roles (template ids); `authenticationFlows.transferMethods`; `grantControls`.
 */
import type { PracticeSettings } from '../../../shared/practice';
import { globalAdministrator, practiceGroups, type PracticeAccount } from './accounts';
import type { TenantState } from './state';

const blockDeviceCode = {
  id: '3f0c6f3e-2b1d-4a53-9b5e-5d1f2c9a0b11',
  // The name Microsoft's guidance gives the policy (concept-authentication-flows, "Block
  // device code flow"); the managed one is named as Microsoft-managed policies are.
  displayName: 'Block device code flow',
  state: 'enabled',
} as const;
const managedPolicy = {
  id: '9a1b7c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  displayName: 'Microsoft-managed: Block device code flow',
} as const;

type PolicyState = 'enabled' | 'enabledForReportingButNotEnforced';
type ShippedPolicy = {
  id: string;
  displayName: string;
  state: PolicyState;
  excludeGroups: readonly string[];
  excludeRoles: readonly string[];
};

/** Each `conditionalAccess` switch's policy as shipped: who it leaves out from the start. */
const shippedPolicies: Record<
  Exclude<PracticeSettings['conditionalAccess'], 'none'>,
  ShippedPolicy
> = {
  'block-device-code': { ...blockDeviceCode, excludeGroups: [], excludeRoles: [] },
  'block-except-group': {
    ...blockDeviceCode,
    excludeGroups: [practiceGroups['Device code flow exceptions']],
    excludeRoles: [],
  },
  'block-except-role': {
    ...blockDeviceCode,
    excludeGroups: [],
    excludeRoles: [globalAdministrator.roleTemplateId],
  },
  'managed-report-only': {
    ...managedPolicy,
    state: 'enabledForReportingButNotEnforced',
    excludeGroups: [],
    excludeRoles: [],
  },
  'managed-on': { ...managedPolicy, state: 'enabled', excludeGroups: [], excludeRoles: [] },
};

/** Sign-in switches whose refusal (AADSTS53003) comes from a Conditional Access policy. */
const blockedByPolicy = new Set<PracticeSettings['tenant']>([
  'conditional-access',
  'device-code-blocked',
]);

/** What the trainee excluded from a policy in the practice admin center, by policy id. */
export interface PolicyExclusions {
  users: Set<string>;
  groups: Set<string>;
}

function shippedPolicyFor(settings: PracticeSettings): ShippedPolicy | null {
  if (settings.conditionalAccess !== 'none') return shippedPolicies[settings.conditionalAccess];
  // A sign-in refused by Conditional Access with no policy chosen: the refusal must come from a
  // policy the administrator can see and change, the one Microsoft's guidance names.
  return blockedByPolicy.has(settings.tenant)
    ? { ...blockDeviceCode, excludeGroups: [], excludeRoles: [] }
    : null;
}

/** The device-code policy in force, as Graph returns it, with what the trainee excluded. */
export function deviceCodePolicy(state: TenantState, settings: PracticeSettings) {
  const shipped = shippedPolicyFor(settings);
  if (!shipped) return null;
  const { excludeGroups, excludeRoles, ...policy } = shipped;
  const excluded = state.policyExclusions.get(policy.id);
  return {
    ...policy,
    conditions: {
      users: {
        includeUsers: ['All'],
        excludeUsers: [...(excluded?.users ?? [])],
        includeGroups: [] as string[],
        excludeGroups: [...new Set([...excludeGroups, ...(excluded?.groups ?? [])])],
        includeRoles: [] as string[],
        excludeRoles: [...excludeRoles],
      },
      applications: { includeApplications: ['All'], excludeApplications: [] as string[] },
      authenticationFlows: { transferMethods: 'deviceCodeFlow' },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
}

export type DeviceCodePolicy = NonNullable<ReturnType<typeof deviceCodePolicy>>;

/** Every group (object id) the account is in: as shipped, and those it was added to since. */
export function groupIdsOf(state: TenantState, account: PracticeAccount): string[] {
  const added = [...state.addedMembers]
    .filter(([, members]) => members.has(account.oid))
    .map(([group]) => group);
  return [...account.groups.map((group) => practiceGroups[group]), ...added];
}

/** Whether the policy leaves this account out: by itself, its groups (transitive) or roles. */
export function excludesAccount(
  policy: DeviceCodePolicy,
  account: PracticeAccount,
  groupIds: readonly string[] = account.groups.map((group) => practiceGroups[group]),
): boolean {
  const { excludeUsers, excludeGroups, excludeRoles } = policy.conditions.users;
  return (
    excludeUsers.includes(account.oid) ||
    groupIds.some((group) => excludeGroups.includes(group)) ||
    account.roles.some((role) => excludeRoles.includes(role.roleTemplateId))
  );
}

/** Whether a sign-in refused by Conditional Access lets this account through (it is left out). */
export function policyLetsThrough(state: TenantState, account: PracticeAccount): boolean {
  const settings = state.context?.settings();
  if (!settings || !blockedByPolicy.has(settings.tenant)) return false;
  const policy = deviceCodePolicy(state, settings);
  return policy !== null && excludesAccount(policy, account, groupIdsOf(state, account));
}

/**
 * A brand-new tenant (`tenantAge`) refuses a device-code sign-in by itself, without a `tenant`
 * failure switch, as Entra does since 1 July 2026: security defaults on block the device code
 * flow (AADSTS530035, Learn "Security defaults"); otherwise a device-code policy that is on and
 * does not leave the account out blocks it (AADSTS53003). Null when it lets the sign-in through.
 */
export function brandNewTenantRefusal(
  state: TenantState,
  account: PracticeAccount,
): 'security-defaults' | 'device-code-blocked' | null {
  const settings = state.context?.settings();
  if (!settings || settings.tenantAge !== 'brand-new') return null;
  if (settings.securityDefaults === 'on') return 'security-defaults';
  const policy = deviceCodePolicy(state, settings);
  return policy &&
    policy.state === 'enabled' &&
    !excludesAccount(policy, account, groupIdsOf(state, account))
    ? 'device-code-blocked'
    : null;
}

/** Adds a user (object id) or a group (object id) to the policy's exclusions, or takes it off. */
export function setExclusion(
  state: TenantState,
  policyId: string,
  member: { kind: 'user' | 'group'; id: string },
  excluded: boolean,
): void {
  let entry = state.policyExclusions.get(policyId);
  if (!entry) {
    entry = { users: new Set(), groups: new Set() };
    state.policyExclusions.set(policyId, entry);
  }
  const set = member.kind === 'user' ? entry.users : entry.groups;
  if (excluded) set.add(member.id);
  else set.delete(member.id);
}

/**
 * The managed policies Microsoft creates when security defaults are turned off (managed-
 * policies.md names them; reference section 2). Their first state is not stated (UNCONFIRMED):
 * here report-only, a best guess (docs/practice-answers.md). None blocks the device code flow.
 */
const managedAfterSecurityDefaults = [
  {
    id: '7c1e0a01-5d2b-4f3a-9e10-0a1b2c3d4e01',
    displayName: 'Microsoft-managed: Block legacy authentication',
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grant: 'block',
  },
  {
    id: '7c1e0a01-5d2b-4f3a-9e10-0a1b2c3d4e02',
    displayName: 'Microsoft-managed: Multifactor authentication for Azure management',
    conditions: { clientAppTypes: ['all'] },
    grant: 'mfa',
  },
  {
    id: '7c1e0a01-5d2b-4f3a-9e10-0a1b2c3d4e03',
    displayName: 'Microsoft-managed: Multifactor authentication for admins',
    conditions: { clientAppTypes: ['all'] },
    grant: 'mfa',
  },
  {
    id: '7c1e0a01-5d2b-4f3a-9e10-0a1b2c3d4e04',
    displayName: 'Microsoft-managed: Multifactor authentication for all users',
    conditions: { clientAppTypes: ['all'] },
    grant: 'mfa',
  },
] as const;

/** A Conditional Access policy as Graph lists it (the fields the practice needs). */
export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  conditions: {
    users: DeviceCodePolicy['conditions']['users'];
    applications: { includeApplications: string[]; excludeApplications: string[] };
    clientAppTypes?: string[];
    authenticationFlows?: { transferMethods: string };
  };
  grantControls: { operator: string; builtInControls: string[] };
}

/** Every policy of the practice tenant now: the device-code one and those Microsoft created. */
export function allPolicies(
  state: TenantState,
  settings: PracticeSettings,
): ConditionalAccessPolicy[] {
  const deviceCode = deviceCodePolicy(state, settings);
  const created: ConditionalAccessPolicy[] = state.managedPoliciesCreated
    ? managedAfterSecurityDefaults.map((policy) => {
        const excluded = state.policyExclusions.get(policy.id);
        return {
          id: policy.id,
          displayName: policy.displayName,
          state: 'enabledForReportingButNotEnforced',
          conditions: {
            users: {
              includeUsers: ['All'],
              excludeUsers: [...(excluded?.users ?? [])],
              includeGroups: [],
              excludeGroups: [...(excluded?.groups ?? [])],
              includeRoles: [],
              excludeRoles: [],
            },
            applications: { includeApplications: ['All'], excludeApplications: [] },
            clientAppTypes: [...policy.conditions.clientAppTypes],
          },
          grantControls: { operator: 'OR', builtInControls: [policy.grant] },
        };
      })
    : [];
  return [...(deviceCode ? [deviceCode] : []), ...created];
}
