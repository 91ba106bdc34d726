/**
 * Practice Microsoft Graph routes for the tenant checks, served by the practice tenant's one
 * Graph (practice-tenant/ `addGraphRoute`): the tenant checks the token (resource, tenant,
 * account) and knows who signed in, so what the caller may read follows from that practice
 * account's roles, as in Entra. Each route wants the delegated permission the real one wants.
 *
 * The `graph` scenario switch gives the failures the wizard must survive on these routes:
 * missing consent or licence, 401, 429 (with Retry-After), 5xx and malformed JSON; and the
 * "What If" call can be made unavailable to exercise the fallback. It applies to the tenant
 * check routes only, so the sign-in's own Graph calls (/me, roles) keep working.
 */
import {
  excludesAccount,
  type GraphRoute,
  type PracticeAccount,
  type PracticeTenant,
} from './practice-tenant';
import {
  directoryRolesOf,
  directoryRolesRoute,
  graphError,
  membershipsOf,
} from './practice-tenant/graph-host';
import type { PracticeContext } from './practice-world';

/** Entra roles allowed to read security defaults and Conditional Access policies. */
const policyReaderRoles = new Set([
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451', // Global Reader
  '5d6b6bb7-de71-4623-b4af-96380a352509', // Security Reader
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', // Conditional Access Administrator
]);

const canReadPolicies = (account: PracticeAccount): boolean =>
  account.roles.some((role) => policyReaderRoles.has(role.roleTemplateId));

/** Adds the tenant check routes to the practice tenant's Graph. */
export function addTenantCheckRoutes(tenant: PracticeTenant, context: PracticeContext): void {
  const throttledOnce = new Map<string, boolean>();

  /** The `graph` scenario first, then the permission, role and licence the route wants. */
  const route =
    (
      key: string,
      wants: { permission: string; policyReader?: boolean; premium?: boolean },
      answer: GraphRoute,
    ): GraphRoute =>
    (caller, url, body) => {
      const scenario = context.settings().graph;
      switch (scenario) {
        case 'unauthorized':
          return graphError(
            401,
            'InvalidAuthenticationToken',
            'Access token validation failure. Invalid audience.',
          );
        case 'throttled-long':
          // Best guess: Graph's 429 wording differs per workload; the code and header are
          // Microsoft's (learn.microsoft.com/graph/throttling).
          return graphError(429, 'TooManyRequests', 'Too many requests. Please try again later.', {
            'Retry-After': '120',
          });
        case 'throttled-once': {
          const throttle = !throttledOnce.get(key);
          throttledOnce.set(key, throttle);
          if (throttle) {
            return graphError(
              429,
              'TooManyRequests',
              'Too many requests. Please try again later.',
              {
                'Retry-After': '1',
              },
            );
          }
          break;
        }
        case 'server-error':
          return graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
        case 'malformed':
          return { status: 200, body: null, raw: '{"value": [{"id": "' };
      }
      if (scenario === 'consent-missing' || !caller.scopes.includes(wants.permission)) {
        return graphError(
          403,
          'AccessDenied',
          `Missing scope permissions on the request. API requires one of '${wants.permission}'. Scopes on the request '${caller.scopes.join(' ')}'`,
        );
      }
      if (wants.policyReader && !canReadPolicies(caller.account)) {
        return graphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      }
      if (wants.premium && scenario === 'licence-missing') {
        return graphError(
          403,
          'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          "Neither tenant is B2C or tenant doesn't have premium license",
        );
      }
      return answer(caller, url, body);
    };
  const add = (
    method: 'GET' | 'POST',
    path: string,
    wants: Parameters<typeof route>[1],
    answer: GraphRoute,
  ): void => tenant.addGraphRoute(method, path, route(`${method} ${path}`, wants, answer));

  add(
    'GET',
    '/policies/identitySecurityDefaultsEnforcementPolicy',
    { permission: 'Policy.Read.All', policyReader: true },
    () => ({
      status: 200,
      body: {
        '@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity',
        id: '00000000-0000-0000-0000-000000000005',
        displayName: 'Security Defaults',
        description:
          'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
        isEnabled: context.settings().securityDefaults === 'on',
      },
    }),
  );

  const evaluate = route(
    'POST /identity/conditionalAccess/evaluate',
    { permission: 'Policy.Read.All', policyReader: true, premium: true },
    (caller, _url, body) => {
      let parsed: { signInConditions?: { authenticationFlow?: { transferMethod?: string } } };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return graphError(400, 'BadRequest', 'Invalid JSON.');
      }
      const deviceCode =
        parsed.signInConditions?.authenticationFlow?.transferMethod === 'deviceCodeFlow';
      const policy = tenant.deviceCodePolicy();
      return {
        status: 200,
        body: {
          value: policy
            ? [
                {
                  ...policy,
                  policyApplies:
                    deviceCode &&
                    !excludesAccount(policy, caller.account, tenant.groupIdsOf(caller.account)),
                  // whatIfAnalysisReasons: why a policy does not apply.
                  analysisReasons: !deviceCode
                    ? 'authenticationFlow'
                    : excludesAccount(policy, caller.account, tenant.groupIdsOf(caller.account))
                      ? 'users'
                      : 'none',
                },
              ]
            : [],
        },
      };
    },
  );
  const whatIfMissing = (): boolean =>
    ['what-if-unavailable', 'memberships-unreadable'].includes(context.settings().graph);
  tenant.addGraphRoute('POST', '/identity/conditionalAccess/evaluate', (caller, url, body) =>
    // As on a tenant or cloud where the (beta-era) What If API is not there. Best guess: Graph's
    // usual answer for an unknown segment; no capture of a tenant without What If was found.
    whatIfMissing()
      ? graphError(400, 'BadRequest', "Resource not found for the segment 'evaluate'.")
      : evaluate(caller, url, body),
  );
  // The account's memberships (User.Read is enough for /me: Graph's permission table for
  // user-list-transitivememberof). Unreadable memberships answer as a refused directory read
  // does: a best guess, no capture of that refusal on this route was found.
  tenant.addGraphRoute('GET', '/me/transitiveMemberOf', ({ account, scopes }) =>
    context.settings().graph === 'memberships-unreadable' ||
    !['User.Read', 'User.Read.All', 'Directory.Read.All'].some((scope) => scopes.includes(scope))
      ? graphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        )
      : { status: 200, body: { value: membershipsOf(account) } },
  );

  add(
    'GET',
    '/identity/conditionalAccess/policies',
    { permission: 'Policy.Read.All', policyReader: true, premium: true },
    () => ({ status: 200, body: { value: tenant.policies() } }),
  );

  // The role lookup: the tenant check asks with Directory.Read.All and meets the `graph`
  // switch; the Sign in step asks with User.Read only and keeps working, as the header says.
  const roles = route(
    `GET ${directoryRolesRoute}`,
    { permission: 'Directory.Read.All' },
    ({ account }) => ({ status: 200, body: { value: directoryRolesOf(account) } }),
  );
  tenant.addGraphRoute('GET', directoryRolesRoute, (caller, url, body) =>
    caller.scopes.includes('Directory.Read.All') || !caller.scopes.includes('User.Read')
      ? roles(caller, url, body)
      : { status: 200, body: { value: directoryRolesOf(caller.account) } },
  );
}
