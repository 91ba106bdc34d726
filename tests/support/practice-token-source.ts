/**
 * A TokenSource for tests that issues tokens from the practice token authority (the practice
 * tenant's signing key), exactly the tokens practice Exchange and practice Graph accept. The
 * resource is the scope's URL prefix, as Entra does it: https://outlook.office.com/SMTP.Send
 * gives aud https://outlook.office.com and scp SMTP.Send.
 */
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
            oid: '6f1d0c9e-0000-4000-8000-000000000001',
            tid: '9c0ffee0-0000-4000-8000-000000000001',
            appid: '11111111-2222-4333-8444-555555555555',
          },
          lifetime,
        ),
        account,
        expiresOn: new Date(Date.now() + lifetime * 1000),
      };
    },
  };
}
