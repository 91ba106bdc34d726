/**
 * What Entra says now, read over Graph before and after each change: security defaults, the
 * organization's name, the Conditional Access policies (and one policy's users), the signed-in
 * account, the policies What If finds blocking its device-code sign-in, and the security groups.
 * Anything not shaped as Graph documents it is `entra-admin-unexpected`.
 */
import type { ConditionalAccessPolicySeen } from '../../../shared/contract/exchange';
import { plainText as text } from '../../common/plain-text';
import { ProblemError } from '../../common/problem-error';
import { deviceCodeWhatIf } from '../tenant-checks';
import type { EntraGraph } from './entra-graph';

export async function readSecurityDefaultsNow(
  graph: EntraGraph,
): Promise<{ enabled: boolean; account: string }> {
  const read = await graph.call(
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

export async function readTenantName(graph: EntraGraph): Promise<string> {
  const read = await graph.call('GET', '/organization?$select=id,displayName', 'User.Read');
  const first = ((read.json as { value?: unknown } | null)?.value as unknown[] | undefined)?.[0];
  return text((first as { displayName?: unknown } | undefined)?.displayName, 120) || '?';
}

/** Conditional Access policies as they are now: names, states, Microsoft-managed or not. */
export async function readPolicies(graph: EntraGraph): Promise<ConditionalAccessPolicySeen[]> {
  const read = await graph.call(
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

export interface PolicyUsers {
  excludeGroups: string[];
  [field: string]: unknown;
}

/** A policy's whole `conditions.users`, as Graph has it now (sent back whole when changed). */
export async function readPolicyUsers(graph: EntraGraph, policyId: string): Promise<PolicyUsers> {
  const read = await graph.call(
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

export async function readSignedInUser(graph: EntraGraph): Promise<{ id: string; upn: string }> {
  const read = await graph.call('GET', '/me?$select=id,userPrincipalName', 'User.Read');
  const found = read.json as { id?: unknown; userPrincipalName?: unknown } | null;
  const id = text(found?.id, 64);
  if (!id) throw new ProblemError('entra-admin-unexpected', { status: read.status });
  return { id, upn: (text(found?.userPrincipalName, 320) || read.account).toLowerCase() };
}

/** Each policy What If finds blocking this account's device-code sign-in (on or report-only). */
export async function readBlockingPolicies(
  graph: EntraGraph,
  userId: string,
): Promise<ConditionalAccessPolicySeen[]> {
  const evaluated = await graph.call(
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

export async function readSecurityGroups(
  graph: EntraGraph,
): Promise<{ id: string; name: string }[]> {
  const read = await graph.call(
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
