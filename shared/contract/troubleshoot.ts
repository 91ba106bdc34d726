/**
 * The troubleshooter's requests. Recognising what the user sees happens in the window
 * (shared/troubleshoot/recognise.ts); only the fallback sign-in needs the main process.
 */
type NoParams = Record<string, never>;

/** A browser sign-in that has opened its page; the outcome arrives as `signin-changed`. */
export interface BrowserSignInStarted {
  /** The sign-in page (allow-listed): the browser shell's page opens it when via = 'page'. */
  url: string;
  via: 'system' | 'page';
}

export interface TroubleshootApi {
  /**
   * Signs the wizard in through the browser (authorization code with PKCE on a loopback
   * redirect) when the tenant blocks device code. The printer cannot use this: it still needs
   * device code.
   */
  startBrowserSignIn: { params: NoParams; result: BrowserSignInStarted };
}
