/**
 * The wizard's own Microsoft sign-in, in the main process (@azure/msal-node), and the
 * TokenSource other services use (mail check, Graph checks). Its parts share one state
 * (session.ts):
 * - session.ts — the lasting MSAL app (cache in the keychain), the status, the refresh on
 *   start and access tokens;
 * - device-code-flow.ts — the device-code sign-in (slow_down, renewal of expired codes);
 * - browser-flow.ts — the authorization code + PKCE fallback when device code is blocked;
 * - role-check.ts / role-lookup.ts — which roles the account holds for admin consent;
 * - network-client.ts / flow-network.ts — the bounded HTTPS client that rides out transient
 *   failures, and the per-sign-in wrapper that obeys Cancel.
 */
import type { BrowserSignInStarted, SignInStatus } from '../../../shared/contract/signin';
import type { TokenSource } from '../token-source';
import { createBrowserFlows, type OpenSignInPage, type ScopesFor } from './browser-flow';
import { createDeviceCodeFlows } from './device-code-flow';
import { checkRoleOf } from './role-check';
import { accessToken, createSignInContext, restore, type SignInServiceOptions } from './session';

export type { OpenSignInPage } from './browser-flow';
export type { SignInServiceOptions } from './session';

export interface SignInService extends TokenSource {
  status(): Promise<SignInStatus>;
  start(): Promise<SignInStatus>;
  /**
   * Starts a browser sign-in (authorization code + PKCE, loopback redirect). Resolves once the
   * page is opened, with its address; the outcome arrives as a status change.
   */
  startBrowserSignIn(
    open: OpenSignInPage,
    /** The scopes to ask for instead of the app's static ones (incremental consent). */
    scopesFor?: ScopesFor,
  ): Promise<BrowserSignInStarted>;
  cancel(): Promise<SignInStatus>;
  signOut(): Promise<SignInStatus>;
  setClientId(clientId: string | null): Promise<SignInStatus>;
  checkRole(): Promise<SignInStatus>;
  /** Waits for a running sign-in to settle (tests, shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function createSignInService(options: SignInServiceOptions): SignInService {
  const context = createSignInContext(options);
  const { state } = context;
  const deviceCode = createDeviceCodeFlows(context);
  const browser = createBrowserFlows(context);
  context.cancelFlows = () => {
    deviceCode.cancel();
    browser.cancel();
  };

  return {
    async status() {
      const current = await context.currentSession();
      if (current) await restore(context, current);
      return context.snapshot();
    },
    async start() {
      return deviceCode.start(await context.sessionForSignIn());
    },
    startBrowserSignIn: (open, scopesFor) => browser.start(open, scopesFor),
    async cancel() {
      context.cancelFlows();
      state.lastProblem = null;
      return context.publish();
    },
    async signOut() {
      context.cancelFlows();
      const current = await context.currentSession();
      if (current) {
        const cache = current.pca.getTokenCache();
        for (const remembered of await cache.getAllAccounts())
          await cache.removeAccount(remembered);
        await current.cache.forget();
      }
      state.account = null;
      state.msalAccount = null;
      state.lastProblem = null;
      return context.publish();
    },
    async setClientId(clientId) {
      await options.clientIds.save(clientId);
      const current = await context.currentSession();
      if (current) await restore(context, current);
      return context.publish();
    },
    async checkRole() {
      const current = await context.currentSession();
      if (current && state.msalAccount && state.account) {
        state.account = await checkRoleOf(current, state.msalAccount, state.account, (error) =>
          context.classify(current, error),
        );
      }
      return context.publish();
    },
    getAccessToken: (scopes) => accessToken(context, scopes),
    async settled() {
      // A renewal after expiry starts a new flow from inside the old one's end.
      while (state.deviceCode) await state.deviceCode.done;
      while (state.browser) await state.browser.done;
    },
    async close() {
      context.cancelFlows();
      state.session = null;
    },
  };
}
