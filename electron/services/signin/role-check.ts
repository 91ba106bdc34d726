/**
 * The Sign in step's role check: after a sign-in (and on "Check again"), which roles the account
 * holds for "Consent on behalf of your organization", through the one role lookup
 * (role-lookup.ts) with a User.Read token, and the organization's name.
 */
import type { AccountInfo } from '@azure/msal-node';
import { graphScope } from '../../../shared/cloud-profiles';
import type { SignedInAccount } from '../../../shared/contract/signin';
import { ProblemError } from '../../common/problem-error';
import { lookUpDirectoryRoles, MalformedRolesError } from './role-lookup';
import type { Session } from './session';

async function graphGet(current: Session, token: string, path: string): Promise<unknown> {
  const url = `${current.cloud.profile.graphBaseUrl.replace(/\/$/, '')}${path}`;
  const response = await current.network.sendGetRequestAsync<Record<string, unknown>>(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  if (response.status !== 200) {
    const error = (response.body['error'] ?? {}) as Record<string, unknown>;
    throw new ProblemError('signin-role-check-failed', {
      status: response.status,
      code: typeof error['code'] === 'string' ? error['code'].slice(0, 80) : '-',
    });
  }
  return response.body;
}

export async function checkRoleOf(
  current: Session,
  info: AccountInfo,
  base: SignedInAccount,
  classify: (error: unknown) => ProblemError,
): Promise<SignedInAccount> {
  try {
    current.network.clear();
    const { accessToken } = await current.pca.acquireTokenSilent({
      account: info,
      scopes: [graphScope(current.cloud.profile, 'User.Read')],
    });
    const { check } = await lookUpDirectoryRoles(
      (path) => graphGet(current, accessToken, path),
      current.cloud.profile.graphBaseUrl,
    );
    let tenantName: string | null = null;
    try {
      const organization = (await graphGet(
        current,
        accessToken,
        '/organization?$select=displayName',
      )) as { value?: { displayName?: string }[] };
      const name = organization.value?.[0]?.displayName;
      tenantName = typeof name === 'string' ? name.slice(0, 200) : null;
    } catch {
      tenantName = null;
    }
    return { ...base, tenantName, role: check };
  } catch (error) {
    const classified =
      error instanceof ProblemError && error.problem.id === 'signin-role-check-failed'
        ? error
        : error instanceof MalformedRolesError
          ? new ProblemError('signin-role-check-failed', { status: 200, code: 'malformed' })
          : classify(error);
    return { ...base, role: { state: 'unknown', roles: [], problem: classified.problem } };
  }
}
