/**
 * The practice Graph's answers to the changes "Do it for me" makes in Entra, with Microsoft's
 * permission model: the delegated permission must be in the token (else 403 as Graph words a
 * missing scope), and the signed-in practice account must hold a role that may make the change
 * (else 403 Authorization_RequestDenied). The `graphChanges` switch gives 429 with Retry-After
 * (once for 2 s, or for 2 minutes), 503, a slow answer, or a failure of the policy change only
 * (to leave a change halfway). Every accepted change is written to the practice audit log, which
 * the practice admin center lists.
 *
 * Shapes (learn.microsoft.com/graph/api/…): identitysecuritydefaultsenforcementpolicy-update
 * (204), group-post-groups (201 with the group), group-post-members (204), group-delete-members
 * (204), group-delete (204), conditionalaccesspolicy-get and -update (204). A policy PATCH that
 * sends part of `conditions.users` is refused with error 1007, as reported (reference section 1:
 * terraform-provider-msgraph#63, msgraph-sdk-powershell#2091). Best guesses: that Graph accepts
 * a changed exclusion on a Microsoft-managed policy (UNCONFIRMED; Microsoft365DSC writes them),
 * the 400 texts other than 1007, and the 500 text of the policy failure.
 */
import type { PracticeAuditLog } from './practice-audit-log';
import { graphError } from './practice-tenant/graph-host';
import {
  globalAdministrator,
  practiceAccounts,
  practiceTenantName,
  type GraphAnswer,
  type GraphRoute,
  type PracticeTenant,
} from './practice-tenant';
import type { PracticeContext } from './practice-world';

const roles = {
  security: '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  conditionalAccess: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', // Conditional Access Administrator
  groups: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
  users: 'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
};
/** Security defaults: at least Conditional Access Administrator (Learn "Security defaults"). */
const securityDefaultsRoles = new Set([
  globalAdministrator.roleTemplateId,
  roles.security,
  roles.conditionalAccess,
]);
const policyRoles = securityDefaultsRoles;
/** Groups and their members: Groups Administrator or User Administrator (or an owner). */
const groupRoles = new Set([globalAdministrator.roleTemplateId, roles.groups, roles.users]);

const idIn = (url: URL, after: string): string =>
  decodeURIComponent(url.pathname.split('/')[url.pathname.split('/').indexOf(after) + 1] ?? '');

function parsed(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const noContent: GraphAnswer = { status: 204, body: null, raw: '' };

/** How late the `slow` switch answers a change: under the wizard's 15 s for one answer. */
export const slowChangeAnswerMs = 4_000;
/** The Retry-After of `throttled-once`: short enough that the wizard waits for it. */
export const throttledOnceSeconds = 2;

/** What the switch does to the next change: a 429 once, then the change itself. */
interface ChangeSwitchState {
  throttledOnceSpent: boolean;
}

/** Office 365 Exchange Online: its well-known app id, and its service principal here. */
const exchangeOnline = {
  appId: '00000002-0000-0ff1-ce00-000000000000',
  id: '3c1f5a2e-0b7d-4e21-9f40-6a2b8c9d0e11',
  displayName: 'Office 365 Exchange Online',
};
/** A practice app's service principal id (its own object id, not its app id). */
const principalIdOf = (appId: string): string => `5e${appId.slice(2)}`;
const directoryReaders = [
  'Directory.Read.All',
  'DelegatedPermissionGrant.Read.All',
  'Application.Read.All',
];

/**
 * The proof of consent for the organization (Graph v1.0 oauth2permissiongrant-list,
 * serviceprincipal-list): service principals found by app id, grants of consentType
 * AllPrincipals on Exchange Online's service principal. Graph keeps no date on a grant.
 */
function addConsentProofRoutes(tenant: PracticeTenant): void {
  const principals = () => [
    exchangeOnline,
    ...tenant.tenantWideConsents().map(({ app }) => ({
      appId: app.clientId,
      id: principalIdOf(app.clientId),
      displayName: app.name,
    })),
  ];
  const reads =
    (answer: GraphRoute): GraphRoute =>
    (caller, url, body) =>
      directoryReaders.some((scope) => caller.scopes.includes(scope))
        ? answer(caller, url, body)
        : graphError(
            403,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          );
  tenant.addGraphRoute(
    'GET',
    '/servicePrincipals',
    reads((_caller, url) => {
      const appId = /appId eq '([0-9a-f-]{36})'/i.exec(url.searchParams.get('$filter') ?? '')?.[1];
      return {
        status: 200,
        body: { value: principals().filter((principal) => !appId || principal.appId === appId) },
      };
    }),
  );
  tenant.addGraphRoute(
    'GET',
    '/servicePrincipals/{id}',
    reads((_caller, url) => {
      const found = principals().find(
        (principal) => principal.id === idIn(url, 'servicePrincipals'),
      );
      return found
        ? { status: 200, body: found }
        : graphError(
            404,
            'Request_ResourceNotFound',
            'Resource does not exist or one of its queried reference-property objects are not present.',
          );
    }),
  );
  tenant.addGraphRoute(
    'GET',
    '/oauth2PermissionGrants',
    reads((_caller, url) => {
      const filter = url.searchParams.get('$filter') ?? '';
      const resourceId = /resourceId eq '([0-9a-f-]{36})'/i.exec(filter)?.[1];
      const grants = tenant.tenantWideConsents().flatMap(({ app, scopes }) => {
        const onExchange = scopes
          .filter((scope) => scope.startsWith('https://outlook.office.com/'))
          .map((scope) => scope.slice('https://outlook.office.com/'.length));
        return onExchange.length > 0
          ? [
              {
                id: `${principalIdOf(app.clientId)}-${exchangeOnline.id.slice(0, 8)}`,
                clientId: principalIdOf(app.clientId),
                consentType: 'AllPrincipals',
                principalId: null,
                resourceId: exchangeOnline.id,
                scope: ` ${onExchange.join(' ')} `,
              },
            ]
          : [];
      });
      return {
        status: 200,
        body: {
          value: grants.filter(
            (grant) =>
              (!resourceId || grant.resourceId === resourceId) &&
              (!/consentType eq 'AllPrincipals'/.test(filter) ||
                grant.consentType === 'AllPrincipals'),
          ),
        },
      };
    }),
  );
}

const switchStates = new WeakMap<PracticeContext, ChangeSwitchState>();

/**
 * A change route's guard: the switch first, then the permission in the token, then the
 * account's role; only then the change itself (`answer`).
 */
function guardedChange(
  context: PracticeContext,
  permissions: string[],
  allowed: ReadonlySet<string>,
  answer: GraphRoute,
  kind: 'policy' | 'other' = 'other',
): GraphRoute {
  return async (caller, url, body) => {
    const switchState = switchStates.get(context) ?? { throttledOnceSpent: false };
    switchStates.set(context, switchState);
    switch (context.settings().graphChanges) {
      case 'throttled-once':
        if (!switchState.throttledOnceSpent) {
          switchState.throttledOnceSpent = true;
          return graphError(429, 'TooManyRequests', 'Too many requests. Please try again later.', {
            'Retry-After': String(throttledOnceSeconds),
          });
        }
        break;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, slowChangeAnswerMs));
        break;
      case 'denied':
        return graphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      case 'throttled-long':
        return graphError(429, 'TooManyRequests', 'Too many requests. Please try again later.', {
          'Retry-After': '120',
        });
      case 'server-error':
        return graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      case 'policy-change-fails':
        if (kind === 'policy') {
          return graphError(500, 'InternalServerError', 'An internal server error occurred.');
        }
    }
    if (!permissions.some((permission) => caller.scopes.includes(permission))) {
      return graphError(
        403,
        'AccessDenied',
        `Missing scope permissions on the request. API requires one of '${permissions.join(', ')}'. Scopes on the request '${caller.scopes.join(' ')}'`,
      );
    }
    if (!caller.account.roles.some((role) => allowed.has(role.roleTemplateId))) {
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    }
    return answer(caller, url, body);
  };
}

/** Security defaults on or off. Turning them off makes Microsoft create its managed policies. */
function addSecurityDefaultsRoute(
  tenant: PracticeTenant,
  context: PracticeContext,
  audit: PracticeAuditLog,
): void {
  tenant.addGraphRoute(
    'PATCH',
    '/policies/identitySecurityDefaultsEnforcementPolicy',
    guardedChange(
      context,
      ['Policy.ReadWrite.SecurityDefaults'],
      securityDefaultsRoles,
      (caller, _url, body) => {
        const enabled = parsed(body)?.['isEnabled'];
        if (typeof enabled !== 'boolean') {
          return graphError(400, 'BadRequest', 'Invalid value specified for property isEnabled.');
        }
        const words = (on: boolean) => (on ? 'Enabled' : 'Disabled');
        audit.add({
          by: caller.account.upn,
          through: 'Microsoft Graph',
          call: 'PATCH /policies/identitySecurityDefaultsEnforcementPolicy',
          object: practiceTenantName,
          setting: 'Security defaults',
          before: words(context.settings().securityDefaults === 'on'),
          after: words(enabled),
        });
        context.set('securityDefaults', enabled ? 'on' : 'off');
        if (!enabled) tenant.securityDefaultsTurnedOff();
        return noContent;
      },
    ),
  );
}

/** One Conditional Access policy read and changed (its exclusions only). */
function addPolicyRoutes(
  tenant: PracticeTenant,
  context: PracticeContext,
  audit: PracticeAuditLog,
): void {
  const policyOf = (id: string) => tenant.policies().find((policy) => policy.id === id);
  tenant.addGraphRoute('GET', '/identity/conditionalAccess/policies/{id}', (caller, url) => {
    if (
      !['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'].some((scope) =>
        caller.scopes.includes(scope),
      )
    ) {
      return graphError(
        403,
        'AccessDenied',
        "Missing scope permissions on the request. API requires one of 'Policy.Read.All'.",
      );
    }
    const policy = policyOf(idIn(url, 'policies'));
    return policy
      ? { status: 200, body: policy }
      : graphError(404, 'ResourceNotFound', 'The policy was not found.');
  });
  tenant.addGraphRoute(
    'PATCH',
    '/identity/conditionalAccess/policies/{id}',
    guardedChange(
      context,
      ['Policy.ReadWrite.ConditionalAccess'],
      policyRoles,
      (caller, url, body) => {
        const policy = policyOf(idIn(url, 'policies'));
        if (!policy) return graphError(404, 'ResourceNotFound', 'The policy was not found.');
        const users = (parsed(body)?.['conditions'] as { users?: Record<string, unknown> } | null)
          ?.users;
        const fields = ['includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups'];
        if (!users || !fields.every((field) => Array.isArray(users[field]))) {
          return graphError(
            400,
            'BadRequest',
            '1007: Incoming ConditionalAccessPolicy object is null or does not match the schema of ConditionalAccessPolicy type.',
          );
        }
        // Only the exclusions change here: the trainee's exclusions are what differs from the
        // policy as shipped, so the new list's groups not shipped become the exclusions.
        const excludeGroups = (users['excludeGroups'] as unknown[]).filter(
          (group): group is string => typeof group === 'string',
        );
        const names = (ids: readonly string[]) =>
          ids.length === 0 ? '(none)' : ids.map((id) => tenant.groups().get(id) ?? id).join(', ');
        audit.add({
          by: caller.account.upn,
          through: 'Microsoft Graph',
          call: `PATCH /identity/conditionalAccess/policies/${policy.id}`,
          object: `Conditional Access policy "${policy.displayName}"`,
          setting: 'Users > Exclude > Groups',
          before: names(policy.conditions.users.excludeGroups),
          after: names(excludeGroups),
        });
        for (const group of policy.conditions.users.excludeGroups)
          tenant.setPolicyExclusion(policy.id, { kind: 'group', id: group }, false);
        for (const group of excludeGroups) {
          tenant.setPolicyExclusion(policy.id, { kind: 'group', id: group }, true);
        }
        return noContent;
      },
      'policy',
    ),
  );
}

/** Security groups: listed, created, deleted, and their members added and taken out. */
function addGroupRoutes(
  tenant: PracticeTenant,
  context: PracticeContext,
  audit: PracticeAuditLog,
): void {
  const groupsList = () =>
    [...tenant.groups()].map(([id, displayName]) => ({
      id,
      displayName,
      securityEnabled: true,
      mailEnabled: false,
    }));
  tenant.addGraphRoute('GET', '/groups', (caller) =>
    [
      'GroupMember.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.Read.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
    ].some((scope) => caller.scopes.includes(scope))
      ? { status: 200, body: { value: groupsList() } }
      : graphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        ),
  );
  tenant.addGraphRoute(
    'POST',
    '/groups',
    guardedChange(
      context,
      ['Group.ReadWrite.All', 'Group.Create'],
      groupRoles,
      (caller, _url, body) => {
        const wanted = parsed(body);
        const name = wanted?.['displayName'];
        if (
          typeof name !== 'string' ||
          name.trim().length === 0 ||
          wanted?.['securityEnabled'] !== true ||
          wanted['mailEnabled'] !== false ||
          typeof wanted['mailNickname'] !== 'string'
        ) {
          return graphError(
            400,
            'Request_BadRequest',
            'Invalid value specified for property of resource Group.',
          );
        }
        const id = tenant.createGroup(name.trim());
        audit.add({
          by: caller.account.upn,
          through: 'Microsoft Graph',
          call: 'POST /groups',
          object: `Group "${name.trim()}"`,
          setting: 'Security group',
          before: 'does not exist',
          after: 'exists (created)',
        });
        return {
          status: 201,
          body: { id, displayName: name.trim(), securityEnabled: true, mailEnabled: false },
        };
      },
    ),
  );
  tenant.addGraphRoute(
    'DELETE',
    '/groups/{id}',
    guardedChange(context, ['Group.ReadWrite.All'], groupRoles, (caller, url) => {
      const id = idIn(url, 'groups');
      const name = tenant.groups().get(id);
      if (!tenant.deleteGroup(id)) {
        return graphError(
          404,
          'Request_ResourceNotFound',
          'Resource does not exist or one of its queried reference-property objects are not present.',
        );
      }
      audit.add({
        by: caller.account.upn,
        through: 'Microsoft Graph',
        call: `DELETE /groups/${id}`,
        object: `Group "${name ?? id}"`,
        setting: 'Security group',
        before: 'exists',
        after: 'does not exist (deleted)',
      });
      return noContent;
    }),
  );
  tenant.addGraphRoute(
    'POST',
    '/groups/{id}/members/$ref',
    guardedChange(
      context,
      ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All'],
      groupRoles,
      (caller, url, body) => {
        const groupId = idIn(url, 'groups');
        const reference = parsed(body)?.['@odata.id'];
        const userId = typeof reference === 'string' ? (reference.split('/').pop() ?? '') : '';
        const account = practiceAccounts.find((candidate) => candidate.oid === userId);
        if (!tenant.groups().has(groupId) || !account) {
          return graphError(
            404,
            'Request_ResourceNotFound',
            'Resource does not exist or one of its queried reference-property objects are not present.',
          );
        }
        if (tenant.groupIdsOf(account).includes(groupId)) {
          // Graph's answer to adding a member twice (group-post-members, captured widely).
          return graphError(
            400,
            'Request_BadRequest',
            "One or more added object references already exist for the following modified properties: 'members'.",
          );
        }
        tenant.setMember(groupId, account.oid, true);
        audit.add({
          by: caller.account.upn,
          through: 'Microsoft Graph',
          call: `POST /groups/${groupId}/members/$ref`,
          object: `Group "${tenant.groups().get(groupId) ?? groupId}"`,
          setting: `Member ${account.upn}`,
          before: 'not a member',
          after: 'member',
        });
        return noContent;
      },
    ),
  );
  tenant.addGraphRoute(
    'DELETE',
    '/groups/{id}/members/{id}/$ref',
    guardedChange(
      context,
      ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All'],
      groupRoles,
      (caller, url) => {
        const groupId = idIn(url, 'groups');
        const member = idIn(url, 'members');
        const account = practiceAccounts.find((candidate) => candidate.oid === member);
        const wasMember = account ? tenant.groupIdsOf(account).includes(groupId) : false;
        tenant.setMember(groupId, member, false);
        if (wasMember) {
          audit.add({
            by: caller.account.upn,
            through: 'Microsoft Graph',
            call: `DELETE /groups/${groupId}/members/${member}/$ref`,
            object: `Group "${tenant.groups().get(groupId) ?? groupId}"`,
            setting: `Member ${account?.upn ?? member}`,
            before: 'member',
            after: 'not a member',
          });
        }
        return noContent;
      },
    ),
  );
}

export function addEntraChangeRoutes(
  tenant: PracticeTenant,
  context: PracticeContext,
  audit: PracticeAuditLog,
): void {
  // `throttled-once` throttles the first change after the switch is chosen, each time.
  context.onChange((settings) => {
    if (settings.graphChanges !== 'throttled-once') switchStates.delete(context);
  });
  addConsentProofRoutes(tenant);
  addSecurityDefaultsRoute(tenant, context, audit);
  addPolicyRoutes(tenant, context, audit);
  addGroupRoutes(tenant, context, audit);
}
