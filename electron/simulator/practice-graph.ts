/**
 * Practice Microsoft Graph: the endpoints the tenant checks call, answering from the practice
 * switches. Only practice tokens for the Graph resource are accepted, and each endpoint wants
 * the delegated permission the real one wants. Scenario switches give the failures the
 * wizard must survive: missing consent or licence, 401, 429 (with Retry-After), 5xx and
 * malformed JSON; and the "What If" call can be made unavailable to exercise the fallback.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PracticeSettings } from '../../shared/practice';
import type { PracticeContext } from './practice-world';

export const practiceGraphResource = 'https://graph.microsoft.com';

const roleTemplates = {
  'global-admin': {
    displayName: 'Global Administrator',
    roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
  },
  'application-admin': {
    displayName: 'Application Administrator',
    roleTemplateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  },
} as const;

const deviceCodePolicies = {
  'block-device-code': {
    id: '3f0c6f3e-2b1d-4a53-9b5e-5d1f2c9a0b11',
    displayName: 'Block device code flow',
    state: 'enabled',
  },
  'managed-report-only': {
    id: '9a1b7c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    displayName: 'Microsoft-managed: Block device code flow',
    state: 'enabledForReportingButNotEnforced',
  },
  'managed-on': {
    id: '9a1b7c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    displayName: 'Microsoft-managed: Block device code flow',
    state: 'enabled',
  },
} as const;

function policyFor(settings: PracticeSettings) {
  if (settings.conditionalAccess === 'none') return null;
  const policy = deviceCodePolicies[settings.conditionalAccess];
  return {
    ...policy,
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], includeRoles: [] },
      applications: { includeApplications: ['All'], excludeApplications: [] },
      authenticationFlows: { transferMethods: 'deviceCodeFlow' },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(text);
}

function graphError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  send(
    response,
    status,
    {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': 'practice' },
      },
    },
    headers,
  );
}

export function createPracticeGraph(context: PracticeContext) {
  const throttledOnce = new Map<string, boolean>();

  return (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        answer(request, response, Buffer.concat(chunks).toString('utf8'));
      } catch {
        graphError(response, 500, 'InternalServerError', 'Practice Graph failed.');
      }
    });
  };

  function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
    const settings = context.settings();
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const claims = context.tokens.verify(bearer);
    if (settings.graph === 'unauthorized' || !claims || claims.aud !== practiceGraphResource) {
      return graphError(
        response,
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
    }
    switch (settings.graph) {
      case 'throttled-long':
        return graphError(response, 429, 'TooManyRequests', 'Too many requests.', {
          'Retry-After': '120',
        });
      case 'throttled-once': {
        const key = `${request.method} ${path}`;
        const throttle = !throttledOnce.get(key);
        throttledOnce.set(key, throttle);
        if (throttle) {
          return graphError(response, 429, 'TooManyRequests', 'Too many requests.', {
            'Retry-After': '1',
          });
        }
        break;
      }
      case 'server-error':
        return graphError(
          response,
          503,
          'ServiceUnavailable',
          'The service is temporarily unavailable.',
        );
      case 'malformed':
        return send(response, 200, '{"value": [{"id": "');
    }
    const scopes = claims.scp.split(' ');
    const need = (permission: string): boolean => {
      if (settings.graph === 'consent-missing' || !scopes.includes(permission)) {
        graphError(
          response,
          403,
          'AccessDenied',
          `Missing scope permissions on the request. API requires one of '${permission}'. Scopes on the request '${claims.scp}'`,
        );
        return false;
      }
      return true;
    };
    const needPolicyReader = (): boolean => {
      if (settings.signedInRole !== 'global-admin') {
        graphError(
          response,
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
        return false;
      }
      return true;
    };
    const needPremium = (): boolean => {
      if (settings.graph === 'licence-missing') {
        graphError(
          response,
          403,
          'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          "Neither tenant is B2C or tenant doesn't have premium license",
        );
        return false;
      }
      return true;
    };
    const route = `${request.method ?? 'GET'} ${path}`;
    const userId = `00000000-0000-0000-0000-${Buffer.from(claims.upn).toString('hex').padEnd(12, '0').slice(0, 12)}`;

    if (route === 'GET /me') {
      if (!need('User.Read')) return;
      return send(response, 200, { id: userId, userPrincipalName: claims.upn });
    }
    if (route === 'GET /policies/identitySecurityDefaultsEnforcementPolicy') {
      if (!need('Policy.Read.All') || !needPolicyReader()) return;
      return send(response, 200, {
        '@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity',
        id: '00000000-0000-0000-0000-000000000005',
        displayName: 'Security Defaults',
        description:
          'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
        isEnabled: settings.securityDefaults === 'on',
      });
    }
    if (route === 'POST /identity/conditionalAccess/evaluate') {
      if (settings.graph === 'what-if-unavailable') {
        return graphError(
          response,
          400,
          'BadRequest',
          "Resource not found for the segment 'evaluate'.",
        );
      }
      if (!need('Policy.Read.All') || !needPolicyReader() || !needPremium()) return;
      let parsed: { signInConditions?: { authenticationFlow?: { transferMethod?: string } } };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return graphError(response, 400, 'BadRequest', 'Invalid JSON.');
      }
      const deviceCode =
        parsed.signInConditions?.authenticationFlow?.transferMethod === 'deviceCodeFlow';
      const policy = policyFor(settings);
      return send(response, 200, {
        value: policy
          ? [
              {
                ...policy,
                policyApplies: deviceCode,
                analysisReasons: deviceCode ? 'none' : 'authenticationFlow',
              },
            ]
          : [],
      });
    }
    if (route === 'GET /identity/conditionalAccess/policies') {
      if (!need('Policy.Read.All') || !needPolicyReader() || !needPremium()) return;
      const policy = policyFor(settings);
      return send(response, 200, { value: policy ? [policy] : [] });
    }
    if (route === 'GET /me/transitiveMemberOf/microsoft.graph.directoryRole') {
      if (!need('Directory.Read.All')) return;
      const role = settings.signedInRole === 'none' ? null : roleTemplates[settings.signedInRole];
      return send(response, 200, { value: role ? [{ id: role.roleTemplateId, ...role }] : [] });
    }
    graphError(response, 404, 'Request_ResourceNotFound', `Resource '${path}' does not exist.`);
  }
}
