/**
 * A TokenSource for tests that issues tokens from the practice token authority (the practice
 * tenant's signing key) for one of the practice tenant's accounts, exactly the tokens practice
 * Exchange and the practice Graph accept, without going through a sign-in. The resource is the
 * scope's URL prefix, as Entra does it: https://outlook.office.com/SMTP.Send gives aud
 * https://outlook.office.com and scp SMTP.Send.
 */
import {
  practiceAccounts,
  practiceClientIds,
  practiceTenantId,
} from '../../electron/simulator/practice-tenant';
import type { PracticeTokenAuthority } from '../../electron/simulator/practice-tokens';
import type { AccessToken, TokenSource } from '../../electron/services/token-source';

export interface PracticeTokenSource extends TokenSource {
  /** Every scope list asked for, in order. */
  readonly requests: string[][];
}

export function createPracticeTokenSource(
  authority: PracticeTokenAuthority,
  account = 'scanner@contoso.example',
  options: { lifetimeSeconds?: number; dropScopes?: string[] } = {},
): PracticeTokenSource {
  const requests: string[][] = [];
  const known = practiceAccounts.find((candidate) => candidate.upn === account);
  if (!known) throw new Error(`${account} is not a practice account`);
  return {
    requests,
    async getAccessToken(scopes): Promise<AccessToken> {
      requests.push([...scopes]);
      const resourceScopes = scopes.filter((scope) => scope.includes('://'));
      const resource = new URL(resourceScopes[0] ?? 'https://graph.microsoft.com/User.Read').origin;
      const names = resourceScopes
        .map((scope) => scope.slice(resource.length + 1))
        .filter((name) => !(options.dropScopes ?? []).includes(name));
      const lifetime = options.lifetimeSeconds ?? 3600;
      return {
        token: authority.issue(
          {
            aud: resource,
            scp: names.join(' '),
            upn: account,
            oid: known.oid,
            tid: practiceTenantId,
            appid: practiceClientIds.wizard,
          },
          lifetime,
        ),
        account,
        expiresOn: new Date(Date.now() + lifetime * 1000),
      };
    },
  };
}
