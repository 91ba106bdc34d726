/**
 * What services that call Microsoft on the user's behalf (mail check, Graph checks) need from
 * the sign-in: a current access token for some scopes of the signed-in account. The sign-in
 * service implements it; the token never leaves the main process.
 */
export interface AccessToken {
  /** The bearer token. Never logged, persisted in plain text or sent to the renderer. */
  token: string;
  /** The signed-in account's user name (UPN), e.g. scanner@contoso.com. */
  account: string;
  expiresOn: Date | null;
}

export interface TokenSource {
  /** Throws a ProblemError (e.g. not signed in, consent missing) when it cannot. */
  getAccessToken(scopes: readonly string[]): Promise<AccessToken>;
}
