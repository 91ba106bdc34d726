/**
 * Security defaults off in Entra, and on again as its undo: PATCH
 * /policies/identitySecurityDefaultsEnforcementPolicy {"isEnabled": …} → 204
 * (Policy.ReadWrite.SecurityDefaults; at least the Conditional Access Administrator role,
 * Learn "Security defaults"), read back, recorded, then proven with the journey's tenant checks.
 */
import { randomUUID } from 'node:crypto';
import type { SecurityDefaultsFix, SecurityDefaultsState } from '../../../shared/contract/exchange';
import type { AdminChange } from '../../../shared/model';
import { ProblemError } from '../../common/problem-error';
import type { EntraChangeParts, EntraGraph } from './entra-graph';
import { readPolicies, readSecurityDefaultsNow, readTenantName } from './entra-reads';

/** Sets them and reads them back: only what Entra says now proves the change took. */
export async function setSecurityDefaults(graph: EntraGraph, enabled: boolean): Promise<void> {
  await graph.call(
    'PATCH',
    '/policies/identitySecurityDefaultsEnforcementPolicy',
    'Policy.ReadWrite.SecurityDefaults',
    { isEnabled: enabled },
  );
  const after = await readSecurityDefaultsNow(graph);
  if (after.enabled !== enabled) {
    throw new ProblemError('entra-admin-not-applied', { enabled: after.enabled });
  }
}

export async function readSecurityDefaults(graph: EntraGraph): Promise<SecurityDefaultsState> {
  const { enabled } = await readSecurityDefaultsNow(graph);
  const tenant = await readTenantName(graph);
  // The change's own permission, asked for now (when the person opens it), not at sign-in.
  if (enabled) await graph.token(await graph.profile(), 'Policy.ReadWrite.SecurityDefaults');
  return { enabled, tenant };
}

export async function turnOffSecurityDefaults(
  parts: EntraChangeParts,
): Promise<SecurityDefaultsFix> {
  const { graph } = parts;
  const before = await readSecurityDefaultsNow(graph);
  const tenant = await readTenantName(graph);
  // Ask for the write permission before anything else is said to have happened.
  await graph.token(await graph.profile(), 'Policy.ReadWrite.SecurityDefaults');
  const policiesBefore = await readPolicies(graph).catch(() => null);
  let change: AdminChange | null = null;
  if (before.enabled) {
    await setSecurityDefaults(graph, false);
    change = {
      id: randomUUID(),
      kind: 'security-defaults',
      target: tenant,
      before: 'on',
      after: 'off',
      by: before.account,
      at: parts.now().toISOString(),
    };
    await parts.record(change);
  }
  // What Microsoft put in place when they went off (managed policies), then the proof: the
  // same What If evaluation of the printer's device-code sign-in the wizard runs anyway.
  const policiesAfter = await readPolicies(graph).catch(() => null);
  const known = new Set((policiesBefore ?? []).map((policy) => policy.id));
  const checks = await parts.runTenantChecks(['security-defaults', 'conditional-access']);
  return {
    change,
    tenant,
    policies: policiesAfter ?? [],
    appeared: policiesBefore ? (policiesAfter ?? []).filter((policy) => !known.has(policy.id)) : [],
    conditionalAccess: checks.find((item) => item.check === 'conditional-access') ?? null,
    securityDefaults: checks.find((item) => item.check === 'security-defaults') ?? null,
  };
}
