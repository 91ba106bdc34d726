/**
 * The printer's device-code sign-in let through Conditional Access: from What If, each policy
 * that blocks the signed-in account's device-code sign-in gets one exclusion group added to its
 * excludeGroups (the whole `conditions.users` sent back, else Graph answers 1007), and the
 * account goes into that group (Policy.ReadWrite.ConditionalAccess, GroupMember.ReadWrite.All;
 * a new group also Group.ReadWrite.All). Nothing else in a policy changes; none is turned off.
 * A failure halfway says what was and was not changed; each change undoes on its own.
 */
import { randomUUID } from 'node:crypto';
import type {
  ConditionalAccessPolicySeen,
  DeviceCodeExclusionFix,
  DeviceCodeExclusionPlan,
  EntraChangePermission,
  ExclusionGroupChoice,
  PlannedChange,
} from '../../../shared/contract/exchange';
import type { AdminChange } from '../../../shared/model';
import { problem as problemOf } from '../../../shared/problem';
import { plainText as text } from '../../common/plain-text';
import { ProblemError } from '../../common/problem-error';
import type { EntraChangeParts, EntraGraph } from './entra-graph';
import {
  readBlockingPolicies,
  readPolicyUsers,
  readSecurityGroups,
  readSignedInUser,
} from './entra-reads';

/** The name proposed for a new exclusion group (the person confirms or changes it). */
export const suggestedExclusionGroup = 'Printers: device code sign-in allowed';

/** Adds or takes out one group of a policy's exclusions, nothing else; read back. */
export async function setPolicyExclusion(
  graph: EntraGraph,
  policyId: string,
  groupId: string,
  excluded: boolean,
): Promise<void> {
  const users = await readPolicyUsers(graph, policyId);
  const others = users.excludeGroups.filter((group) => group !== groupId);
  await graph.call(
    'PATCH',
    `/identity/conditionalAccess/policies/${encodeURIComponent(policyId)}`,
    'Policy.ReadWrite.ConditionalAccess',
    {
      conditions: {
        users: { ...users, excludeGroups: excluded ? [...others, groupId] : others },
      },
    },
  );
  const after = await readPolicyUsers(graph, policyId);
  if (after.excludeGroups.includes(groupId) !== excluded) {
    throw new ProblemError('entra-admin-not-applied', { policy: policyId });
  }
}

/** Asks for each permission in turn: the first not granted stops here (the person is asked). */
async function askForPermissions(
  graph: EntraGraph,
  permissions: EntraChangePermission[],
): Promise<void> {
  const profile = await graph.profile();
  for (const permission of permissions) await graph.token(profile, permission);
}

export async function planDeviceCodeExclusion(graph: EntraGraph): Promise<DeviceCodeExclusionPlan> {
  await askForPermissions(graph, [
    'Policy.ReadWrite.ConditionalAccess',
    'GroupMember.ReadWrite.All',
  ]);
  const account = await readSignedInUser(graph);
  return {
    account: account.upn,
    blocking: await readBlockingPolicies(graph, account.id),
    groups: await readSecurityGroups(graph),
    suggestedName: suggestedExclusionGroup,
  };
}

/** In the order they are made: the new group, the account into it, then each policy. */
function plannedChanges(
  choice: ExclusionGroupChoice,
  groupName: string,
  upn: string,
  blocking: ConditionalAccessPolicySeen[],
): PlannedChange[] {
  if (blocking.length === 0) return [];
  return [
    ...(choice.kind === 'new' ? [{ kind: 'group-created' as const, target: groupName }] : []),
    { kind: 'group-member', target: groupName, member: upn },
    ...blocking.map((policy) => ({
      kind: 'policy-exclusion' as const,
      target: policy.name,
      member: groupName,
    })),
  ];
}

async function createExclusionGroup(graph: EntraGraph, groupName: string): Promise<string> {
  const created = await graph.call('POST', '/groups', 'Group.ReadWrite.All', {
    displayName: groupName,
    description:
      'Accounts of printers allowed to sign in with a device code (Printer Mail Setup Wizard).',
    mailEnabled: false,
    mailNickname: `printers-device-code-${randomUUID().slice(0, 8)}`,
    securityEnabled: true,
  });
  const groupId = text((created.json as { id?: unknown } | null)?.id, 64);
  if (!groupId) throw new ProblemError('entra-admin-unexpected', { status: created.status });
  return groupId;
}

export async function excludeFromDeviceCodeBlocks(
  parts: EntraChangeParts,
  choice: ExclusionGroupChoice,
): Promise<DeviceCodeExclusionFix> {
  const { graph } = parts;
  // Every permission first, so no change is made that a missing one would leave halfway.
  await askForPermissions(graph, [
    'Policy.ReadWrite.ConditionalAccess',
    'GroupMember.ReadWrite.All',
    ...(choice.kind === 'new' ? (['Group.ReadWrite.All'] as const) : []),
  ]);
  const account = await readSignedInUser(graph);
  const blocking = await readBlockingPolicies(graph, account.id);
  const groups = await readSecurityGroups(graph);
  const existing =
    choice.kind === 'existing' ? groups.find((group) => group.id === choice.id) : undefined;
  if (choice.kind === 'existing' && !existing) {
    throw new ProblemError('entra-admin-unexpected', { status: 404 });
  }
  const groupName = existing?.name ?? (choice.kind === 'new' ? choice.name.trim() : '');
  const planned = plannedChanges(choice, groupName, account.upn, blocking);
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
      at: parts.now().toISOString(),
    };
    await parts.record(change);
    changes.push(change);
    settled.add(plan);
  };
  let stopped: ProblemError | null = null;
  try {
    let step = 0;
    let groupId = existing?.id ?? '';
    if (planned.length > 0 && choice.kind === 'new') {
      const plan = planned[step++] as PlannedChange;
      groupId = await createExclusionGroup(graph, groupName);
      await made(plan, { before: 'absent', after: 'present', targetId: groupId });
    }
    if (planned.length > 0) {
      const plan = planned[step++] as PlannedChange;
      const added = await graph.call(
        'POST',
        `/groups/${encodeURIComponent(groupId)}/members/$ref`,
        'GroupMember.ReadWrite.All',
        {
          '@odata.id': `${(await graph.profile()).graphBaseUrl.replace(/\/+$/, '')}/directoryObjects/${account.id}`,
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
      const users = await readPolicyUsers(graph, policy.id);
      if (users.excludeGroups.includes(groupId)) {
        settled.add(plan);
        continue;
      }
      await setPolicyExclusion(graph, policy.id, groupId, true);
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
  const checks = await parts.runTenantChecks(['conditional-access']);
  return {
    changes,
    notDone: planned.filter((plan) => !settled.has(plan)),
    problem: stopped ? problemOf(stopped.problem.id, stopped.problem.data) : null,
    conditionalAccess: checks.find((item) => item.check === 'conditional-access') ?? null,
  };
}
