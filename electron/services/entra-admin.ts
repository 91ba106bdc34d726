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
 *
 * This file puts the parts together; each change is a module of its own under entra-changes/
 * (the Graph call, the reads, security defaults, the device-code exclusion, the consent proof).
 */
import type { CloudProfile } from '../../shared/cloud-profiles';
import {
  adminChangeLimitSeconds,
  type DeviceCodeExclusionFix,
  type DeviceCodeExclusionPlan,
  type ExclusionGroupChoice,
  type SecurityDefaultsFix,
  type SecurityDefaultsState,
  type SmtpConsentProof,
  type TenantCheckId,
  type TenantCheckResult,
} from '../../shared/contract/exchange';
import type { AdminChange } from '../../shared/model';
import { ProblemError } from '../common/problem-error';
import { readSmtpConsent } from './entra-changes/consent-proof';
import {
  excludeFromDeviceCodeBlocks,
  planDeviceCodeExclusion,
  setPolicyExclusion,
} from './entra-changes/device-code-exclusion';
import { createEntraGraph, type EntraChangeParts } from './entra-changes/entra-graph';
import {
  readSecurityDefaults,
  setSecurityDefaults,
  turnOffSecurityDefaults,
} from './entra-changes/security-defaults';
import { withinChangeDeadline } from './net/change-deadline';
import type { ProgressService } from './progress-service';
import type { TokenSource } from './token-source';

export { suggestedExclusionGroup } from './entra-changes/device-code-exclusion';

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
  /** The most one change may wait for Microsoft in all (its proof included). */
  changeLimitSeconds?: number;
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

export function createEntraAdmin(options: EntraAdminOptions): EntraAdmin {
  const graph = createEntraGraph({
    tokens: options.tokens,
    profile: () => options.profile(),
    trustedCa: options.trustedCa,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds,
    sleep: options.sleep ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms))),
  });
  const parts: EntraChangeParts = {
    graph,
    now: options.now ?? (() => new Date()),
    runTenantChecks: (checks) => options.runTenantChecks(checks),
    async record(change) {
      const others = options.progress
        .current()
        .adminChanges.filter((item) => item.id !== change.id);
      await options.progress.update((current) => ({
        ...current,
        adminChanges: [...others, change].slice(-50),
      }));
    },
  };

  // Each change, its proof included, within the one time the panels state.
  const limit = options.changeLimitSeconds ?? adminChangeLimitSeconds;
  return {
    readSecurityDefaults: () => readSecurityDefaults(graph),
    turnOffSecurityDefaults: () =>
      withinChangeDeadline(limit, () => turnOffSecurityDefaults(parts)),
    readSmtpConsent: () => readSmtpConsent(graph),
    planDeviceCodeExclusion: () => planDeviceCodeExclusion(graph),
    excludeFromDeviceCodeBlocks: (choice) =>
      withinChangeDeadline(limit, () => excludeFromDeviceCodeBlocks(parts, choice)),
    undo: (id) => withinChangeDeadline(limit, () => undoChange(parts, options.progress, id)),
  };
}

/** Undoes one change of its own kinds, records when, and has the board check again. */
async function undoChange(
  parts: EntraChangeParts,
  progress: Pick<ProgressService, 'current'>,
  id: string,
): Promise<AdminChange | null> {
  const { graph } = parts;
  const change = progress.current().adminChanges.find((item) => item.id === id);
  if (!change || change.kind === 'mailbox-smtp-auth') return null;
  if (change.undoneAt) throw new ProblemError('admin-change-unknown');
  const targetId = encodeURIComponent(change.targetId ?? '');
  if (change.kind === 'security-defaults') await setSecurityDefaults(graph, change.before === 'on');
  else if (change.kind === 'policy-exclusion') {
    await setPolicyExclusion(graph, change.targetId ?? '', change.memberId ?? '', false);
  } else if (change.kind === 'group-member') {
    await graph.call(
      'DELETE',
      `/groups/${targetId}/members/${encodeURIComponent(change.memberId ?? '')}/$ref`,
      'GroupMember.ReadWrite.All',
    );
  } else {
    await graph.call('DELETE', `/groups/${targetId}`, 'Group.ReadWrite.All');
  }
  const undone = { ...change, undoneAt: parts.now().toISOString() };
  await parts.record(undone);
  // The board said "passed" because of the change: check again so it says what is true now.
  await parts
    .runTenantChecks(
      change.kind === 'security-defaults' ? ['security-defaults'] : ['conditional-access'],
    )
    .catch(() => null);
  return undone;
}
