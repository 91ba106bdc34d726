/**
 * The browser sign-in: the fallback when a Conditional Access policy blocks device code. The
 * authorization code flow with PKCE on a loopback redirect (MSAL's acquireTokenInteractive), the
 * page opened through the link allow-list. Only the wizard's own checks can use it: the printer
 * still signs in with a device code. Like the device code it runs on a throw-away app; Cancel
 * also releases MSAL's loopback listener, and a sign-in nobody finishes is given up after a
 * limit, so the listener does not hold its port until the wizard quits.
 */
import { graphScope, type CloudProfile } from '../../../shared/cloud-profiles';
import type { BrowserSignInStarted, SignInStatus } from '../../../shared/contract/signin';
import { ProblemError } from '../../common/problem-error';
import { flowNetwork } from './flow-network';
import type { FlowGate, SignInContext } from './session';

/** Opens the sign-in page outside the app (allow-listed); says how it was opened. */
export type OpenSignInPage = (url: string) => Promise<'system' | 'page'>;

interface BrowserFlow extends FlowGate {
  /** MSAL's loopback redirect and the state it waits for, read from the page it opens. */
  redirect: { uri: string; state: string } | null;
  done: Promise<void>;
}

/** The scopes one browser sign-in asks for, given the cloud profile in use. */
export type ScopesFor = (profile: CloudProfile) => string[];

export interface BrowserFlows {
  /**
   * `scopesFor`: the scopes to ask for instead of the app's static ones (incremental consent),
   * from the cloud profile in use (Graph's resource, or Exchange's admin resource).
   */
  start(open: OpenSignInPage, scopesFor?: ScopesFor): Promise<BrowserSignInStarted>;
  cancel(): void;
}

export function createBrowserFlows(context: SignInContext): BrowserFlows {
  const { state, options } = context;
  const limitMs = options.browserSignInLimitMs ?? 10 * 60_000;
  let running: BrowserFlow | null = null;

  /**
   * Cancels a browser sign-in: its network refuses the code exchange from now on, and MSAL's
   * loopback listener (which MSAL cannot cancel) gets the answer a browser gives when the
   * person declines, so it closes at once instead of waiting until the wizard quits.
   */
  function cancel(): void {
    const current = running;
    if (!current) return;
    current.cancelled = true;
    running = null;
    state.browser = null;
    if (!current.redirect) return;
    const answer = new URLSearchParams({
      error: 'access_denied',
      error_description: 'The sign-in was cancelled in the wizard.',
      state: current.redirect.state,
    });
    void fetch(current.redirect.uri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: answer.toString(),
      signal: AbortSignal.timeout(3000),
    }).catch(() => {
      // Already closed: nothing left to release.
    });
  }

  async function start(open: OpenSignInPage, scopesFor?: ScopesFor): Promise<BrowserSignInStarted> {
    const current = await context.sessionForSignIn();
    context.cancelFlows();
    state.lastProblem = null;
    current.network.clear();
    let announce: (value: BrowserSignInStarted) => void = () => {};
    const announced = new Promise<BrowserSignInStarted>((resolve) => (announce = resolve));
    const started: BrowserFlow = {
      cancelled: false,
      extraDelayMs: 0,
      polls: 0,
      slowDowns: 0,
      wake: null,
      redirect: null,
      done: Promise.resolve(),
    };
    const flowApp = context.flowApp(
      current,
      flowNetwork(current.network, started, {
        slowDownMs: 0,
        onSlowDown: () => {},
        onPoll: () => {},
      }),
    );
    const outcome = flowApp
      .acquireTokenInteractive({
        scopes: scopesFor?.(current.cloud.profile) ?? [
          graphScope(current.cloud.profile, '.default'),
        ],
        openBrowser: async (url) => {
          started.redirect = loopbackRedirectOf(url);
          announce({ url, via: await open(url) });
        },
        successTemplate: browserPage(
          'Signed in. You can close this window and go back to the wizard.',
        ),
        errorTemplate: browserPage('The sign-in did not finish. Go back to the wizard to see why.'),
      })
      .then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    started.done = outcome.then(async (settled) => {
      if (started.cancelled) return;
      if (settled.ok && settled.result.account) {
        await context.adopt(current, flowApp, settled.result.account.homeAccountId, 'browser');
        state.lastProblem = null;
      } else {
        state.lastProblem = settled.ok
          ? { id: 'signin-failed', data: { code: 'no-account', correlationId: '-' } }
          : context.classify(current, settled.error, 'browser').problem;
      }
      if (running === started) {
        running = null;
        state.browser = null;
      }
      await context.publish();
    });
    running = started;
    state.browser = started;
    // Abandoned in the browser: give it up like an expired code, and say so.
    const limit = setTimeout(() => {
      if (running !== started) return;
      cancel();
      state.lastProblem = {
        id: 'signin-browser-abandoned',
        data: { minutes: Math.max(1, Math.round(limitMs / 60_000)) },
      };
      void context.publish();
    }, limitMs).unref();
    const stopLimit = (): void => clearTimeout(limit);
    started.done.then(stopLimit, stopLimit);
    const opened = await Promise.race([announced, started.done.then(() => null)]);
    if (opened) {
      // The page is open: the wizard now waits for the person in the browser.
      void context.publish();
      return opened;
    }
    // It ended before any page was opened (a refused address, no network…).
    // (Read through a function: TypeScript does not see the assignment in the callback.)
    const ended = ((): SignInStatus['problem'] => state.lastProblem)();
    if (ended) throw new ProblemError(ended.id, ended.data);
    throw new ProblemError('signin-failed', { code: 'no-page', correlationId: '-' });
  }

  return { start, cancel };
}

/** MSAL's loopback redirect (it listens on 127.0.0.1) and the state of one authorize URL. */
function loopbackRedirectOf(authorizeUrl: string): BrowserFlow['redirect'] {
  try {
    const query = new URL(authorizeUrl).searchParams;
    const redirect = new URL(query.get('redirect_uri') ?? '');
    const state = query.get('state');
    if (redirect.protocol !== 'http:' || redirect.hostname !== 'localhost' || !state) return null;
    return { uri: `http://127.0.0.1:${redirect.port}/`, state };
  } catch {
    return null;
  }
}

/** The small page the loopback redirect shows in the browser when the sign-in returns. */
function browserPage(text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Printer Mail Setup Wizard</title></head><body><p>${text}</p></body></html>`;
}
