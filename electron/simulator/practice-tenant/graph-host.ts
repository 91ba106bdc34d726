/**
 * The practice world's one Graph, on the tenant's HTTPS server under /graph/v1.0: it checks the
 * bearer token (audience Graph, the practice tenant), finds the signed-in practice account and
 * answers from a route table. The tenant brings /me, /me/transitiveMemberOf and /organization;
 * other parts add theirs (practice Exchange adds the tenant checks'), and a route sees the
 * caller's account, so roles are that account's.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../practice-http';
import {
  practiceAccounts,
  practiceDomain,
  practiceGroups,
  practiceResources,
  practiceTenantId,
  practiceTenantName,
  type PracticeAccount,
} from './accounts';
import { scenarioOf, type GraphAnswer, type GraphRoute, type TenantState } from './state';

/** Graph's error shape, as the practice Graph's routes answer it. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphAnswer {
  const requestId = randomUUID();
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        // As captured (learn.microsoft.com/answers/questions/648796, /1138873): the date in
        // whole seconds, the request's id twice.
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

export async function handleGraph(
  state: TenantState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const current = scenarioOf(state);
  if (current === 'network-down') {
    request.socket.destroy();
    return;
  }
  const body = (await readBody(request, 64 * 1024)) ?? '';
  const sendError = (status: number, code: string, message: string): void => {
    const answer = graphError(status, code, message);
    sendJson(response, answer.status, answer.body);
  };
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const claims = bearer ? state.context?.tokens.verify(bearer) : null;
  if (!claims || claims.aud !== practiceResources.graph || claims.tid !== practiceTenantId) {
    sendError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.',
    );
    return;
  }
  const account = practiceAccounts.find((candidate) => candidate.oid === claims.oid);
  if (!account) {
    sendError(404, 'Request_ResourceNotFound', 'The user does not exist.');
    return;
  }
  const path = url.pathname.replace(/^\/graph\/v1\.0/, '');
  const route = routeFor(state, request.method ?? 'GET', path);
  if (!route) {
    sendError(404, 'Request_UnsupportedQuery', 'Unsupported segment type.');
    return;
  }
  const result = await route(
    { account, scopes: claims.scp.split(' '), appId: claims.appid },
    url,
    body,
  );
  if (result.raw !== undefined) {
    response.writeHead(result.status, {
      'Content-Type': 'application/json; charset=utf-8',
      ...result.headers,
    });
    response.end(result.raw);
    return;
  }
  sendJson(response, result.status, result.body, result.headers);
}

/**
 * The route for a request: by its exact path, else by a path with `{id}` segments (an object's
 * id, e.g. /groups/{id}/members/$ref); the route reads the ids from the URL itself.
 */
function routeFor(state: TenantState, method: string, path: string): GraphRoute | undefined {
  const exact = state.graphRoutes.get(`${method} ${path}`);
  if (exact) return exact;
  for (const [key, route] of state.graphRoutes) {
    if (!key.includes('{id}') || !key.startsWith(`${method} `)) continue;
    const pattern = key
      .slice(method.length + 1)
      .split('{id}')
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[A-Za-z0-9-]{1,64}');
    if (new RegExp(`^${pattern}$`).test(path)) return route;
  }
  return undefined;
}

/** Graph's path of the signed-in account's directory roles (cast segment). */
export const directoryRolesRoute = '/me/transitiveMemberOf/microsoft.graph.directoryRole';

/** An account's directory roles as Graph lists them. */
export const directoryRolesOf = (account: PracticeAccount) =>
  account.roles.map((role) => ({
    '@odata.type': '#microsoft.graph.directoryRole',
    id: `${role.roleTemplateId.slice(0, 8)}-aaaa-4000-8000-000000000000`,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  }));

/** An account's groups and directory roles, direct and transitive, as Graph lists them. */
export const membershipsOf = (account: PracticeAccount) => [
  ...account.groups.map((group) => ({
    '@odata.type': '#microsoft.graph.group',
    id: practiceGroups[group],
    displayName: group,
  })),
  ...directoryRolesOf(account),
];

export function addStandardGraphRoutes(state: TenantState): void {
  const needsScope =
    (allowed: string[], route: GraphRoute): GraphRoute =>
    (caller, url, body) =>
      caller.scopes.some((scope) => allowed.includes(scope))
        ? route(caller, url, body)
        : {
            status: 403,
            body: {
              error: {
                code: 'Authorization_RequestDenied',
                message: 'Insufficient privileges to complete the operation.',
              },
            },
          };
  const userRead = ['User.Read', 'User.Read.All', 'Directory.Read.All'];
  state.graphRoutes.set(
    'GET /me',
    needsScope(userRead, ({ account }) => ({
      status: 200,
      body: {
        id: account.oid,
        displayName: account.name,
        userPrincipalName: account.upn,
        mail: account.upn,
      },
    })),
  );
  state.graphRoutes.set(
    'GET /me/transitiveMemberOf',
    needsScope(userRead, ({ account }) => ({
      status: 200,
      body: { value: membershipsOf(account) },
    })),
  );
  // The same, cast to directory roles: the wizard's one role lookup reads this.
  state.graphRoutes.set(
    `GET ${directoryRolesRoute}`,
    needsScope(userRead, ({ account }) => ({
      status: 200,
      body: { value: directoryRolesOf(account) },
    })),
  );
  state.graphRoutes.set(
    'GET /organization',
    needsScope(userRead, () => ({
      status: 200,
      body: {
        value: [
          {
            id: practiceTenantId,
            displayName: practiceTenantName,
            verifiedDomains: [{ name: practiceDomain, isDefault: true, isInitial: false }],
          },
        ],
      },
    })),
  );
}
