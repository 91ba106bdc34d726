/**
 * The wizard's own Microsoft sign-in, in the main process (@azure/msal-node device code flow),
 * and the TokenSource other services use (mail check, Graph checks).
 *
 * - Each device-code sign-in runs on its own throw-away MSAL app with no cache plugin and its
 *   own network wrapper. Only when it finishes and was not cancelled is its cache copied into
 *   the lasting app (whose cache lives in the keychain). Cancel returns at once; the wrapper
 *   refuses any further request of that sign-in and discards any answer still on its way, so no
 *   token of a cancelled sign-in is ever used or stored.
 * - slow_down (RFC 8628 §3.5): MSAL ends the flow on it. The wrapper instead turns it into
 *   "pending" for MSAL and waits 5 s more before each later poll (cumulative), so the person
 *   keeps the same code and nothing restarts.
 * - Polling otherwise follows the server's interval exactly (MSAL does). An expired code is
 *   replaced by a new one (at most three times in a row).
 * - Fallback when a Conditional Access policy blocks device code: the authorization code flow
 *   with PKCE on a loopback redirect (MSAL's acquireTokenInteractive), the page opened through
 *   the link allow-list. Only the wizard's own checks can use it: the printer still signs in
 *   with a device code. It too runs on a throw-away app; Cancel also releases MSAL's loopback
 *   listener (see cancelBrowserFlow).
 */
import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type DeviceCodeRequest,
  type INetworkModule,
} from '@azure/msal-node';
import { graphScope } from '../../../shared/cloud-profiles';
import {
  consentRoleTemplates,
  type ConsentRole,
  type DeviceCodePrompt,
  type RoleCheck,
  type SignedInAccount,
  type SignInStatus,
} from '../../../shared/contract/signin';
import { ProblemError } from '../../problem-error';
import { redact } from '../../redact';
import type { SecretStore } from '../keychain';
import type { AccessToken, TokenSource } from '../token-source';
import { classifySignInError } from './classify';
import type { ClientIdStore } from './client-id';
import type { ResolvedCloud } from './cloud';
import { createKeychainCache, type KeychainCache } from './keychain-cache';
import { createNetworkClient, type WizardNetworkClient } from './network-client';

export interface SignInServiceOptions {
  /** The cloud for the user's current choices (called at each sign-in and restore). */
  cloud(): Promise<ResolvedCloud>;
  clientIds: ClientIdStore;
  secretStore(): SecretStore;
  onChange(status: SignInStatus): void;
  log?(line: string): void;
  networkTimeoutMs?: number;
  /** Seconds added per slow_down (RFC 8628: 5). */
  slowDownSeconds?: number;
  /** How many expired codes are replaced in a row without the person asking. */
  maxRenewals?: number;
  /** A browser sign-in nobody finishes is given up after this long, freeing its port. */
  browserSignInLimitMs?: number;
}

/** Opens the sign-in page outside the app (allow-listed); says how it was opened. */
export type OpenSignInPage = (url: string) => Promise<'system' | 'page'>;

export interface SignInService extends TokenSource {
  status(): Promise<SignInStatus>;
  start(): Promise<SignInStatus>;
  /**
   * Starts a browser sign-in (authorization code + PKCE, loopback redirect). Resolves once the
   * page is opened, with its address; the outcome arrives as a status change.
   */
  startBrowserSignIn(
    open: OpenSignInPage,
    /** Graph permissions to ask for instead of the app's static ones (incremental consent). */
    permissions?: readonly string[],
  ): Promise<{ url: string; via: 'system' | 'page' }>;
  cancel(): Promise<SignInStatus>;
  signOut(): Promise<SignInStatus>;
  setClientId(clientId: string | null): Promise<SignInStatus>;
  checkRole(): Promise<SignInStatus>;
  /** Waits for a running sign-in to settle (tests, shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface Session {
  key: string;
  clientId: string;
  cloud: ResolvedCloud;
  pca: PublicClientApplication;
  network: WizardNetworkClient;
  cache: KeychainCache;
  restored: Promise<void> | null;
}

interface Flow {
  id: number;
  cancelled: boolean;
  request: DeviceCodeRequest & { cancel?: boolean };
  extraDelayMs: number;
  polls: number;
  slowDowns: number;
  wake: (() => void) | null;
  done: Promise<void>;
}

/** What the network wrapper of one sign-in needs to know (device code or browser). */
type FlowGate = Pick<Flow, 'cancelled' | 'extraDelayMs' | 'polls' | 'slowDowns' | 'wake'>;

interface BrowserFlow extends FlowGate {
  /** MSAL's loopback redirect and the state it waits for, read from the page it opens. */
  redirect: { uri: string; state: string } | null;
  done: Promise<void>;
}

const roleOrder = Object.keys(consentRoleTemplates) as ConsentRole[];

export function createSignInService(options: SignInServiceOptions): SignInService {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const slowDownMs = (options.slowDownSeconds ?? 5) * 1000;
  const maxRenewals = options.maxRenewals ?? 3;
  const browserSignInLimitMs = options.browserSignInLimitMs ?? 10 * 60_000;
  let session: Session | null = null;
  let flow: Flow | null = null;
  let flowCounter = 0;
  let prompt: DeviceCodePrompt | null = null;
  let account: SignedInAccount | null = null;
  let msalAccount: AccountInfo | null = null;
  let lastProblem: SignInStatus['problem'] = null;
  let lastPolls = 0;
  let lastSlowDowns = 0;
  let browserFlow: BrowserFlow | null = null;

  const snapshot = async (): Promise<SignInStatus> => {
    const clientId = await options.clientIds.info();
    const cloud = session?.cloud ?? (await options.cloud());
    const facts = {
      clientId,
      cloud: cloud.label,
      storage: session?.cache.storage() ?? ({ kind: 'keychain' } as const),
      problem: lastProblem ?? (cloud.problem && clientId.value ? cloud.problem : null),
      polls: flow?.polls ?? lastPolls,
      slowDowns: flow?.slowDowns ?? lastSlowDowns,
    };
    if (!clientId.value) return { ...facts, phase: 'no-client-id', prompt: null, account: null };
    if (flow && prompt) return { ...facts, phase: 'waiting', prompt, account };
    if (browserFlow) return { ...facts, phase: 'browser', prompt: null, account };
    if (account) return { ...facts, phase: 'signed-in', prompt: null, account };
    return { ...facts, phase: 'signed-out', prompt: null, account: null };
  };
  const publish = async (): Promise<SignInStatus> => {
    const status = await snapshot();
    options.onChange(status);
    return status;
  };

  const msalLogger = {
    logLevel: LogLevel.Warning,
    piiLoggingEnabled: false,
    loggerCallback: (_level: LogLevel, message: string) =>
      log(`[msal] ${redact(message).slice(0, 300)}`),
  };

  function authConfig(current: Session) {
    const { profile } = current.cloud;
    const custom = current.cloud.label === 'practice' || current.cloud.label === 'custom';
    return {
      clientId: current.clientId,
      authority: `${profile.authorityHost}/${profile.tenant}`,
      ...(custom ? { knownAuthorities: [new URL(profile.authorityHost).host] } : {}),
    };
  }

  /** The lasting MSAL app for the current client ID and cloud, its cache in the keychain. */
  async function currentSession(): Promise<Session | null> {
    const clientId = (await options.clientIds.info()).value;
    if (!clientId) return null;
    const cloud = await options.cloud();
    // A broken WIZARD_CLOUD_FILE never falls back to Microsoft's own endpoints.
    if (cloud.problem) return null;
    const key = `${cloud.label}|${cloud.profile.authorityHost}|${cloud.profile.tenant}|${clientId}`;
    if (session?.key === key) return session;
    if (session) await dropSession();
    const network = createNetworkClient({
      trustedOrigins: cloud.trustedOrigins,
      ca: cloud.ca,
      ...(options.networkTimeoutMs ? { timeoutMs: options.networkTimeoutMs } : {}),
    });
    const cache = createKeychainCache(options.secretStore, `msal-cache:${key}`, () => {
      void publish();
    });
    const created: Session = {
      key,
      clientId,
      cloud,
      network,
      cache,
      pca: null as never,
      restored: null,
    };
    created.pca = new PublicClientApplication({
      auth: authConfig(created),
      cache: { cachePlugin: cache.plugin },
      system: { networkClient: network, loggerOptions: msalLogger },
    });
    session = created;
    return created;
  }

  async function dropSession(): Promise<void> {
    cancelFlow();
    session = null;
    account = null;
    msalAccount = null;
  }

  /** Silent refresh of a remembered account (once per session): the restart path. */
  function restore(current: Session): Promise<void> {
    current.restored ??= (async () => {
      const accounts = await current.pca.getTokenCache().getAllAccounts();
      const remembered = accounts[0];
      if (!remembered || account) return;
      current.network.clear();
      try {
        await current.pca.acquireTokenSilent({
          account: remembered,
          scopes: [graphScope(current.cloud.profile, 'User.Read')],
          forceRefresh: true,
        });
      } catch (error) {
        const classified = classify(current, error);
        lastProblem = classified.problem;
        // A dead refresh token is forgotten; a network failure keeps it for the next try.
        if (!/^signin-network|^signin-certificate/.test(classified.problem.id)) {
          await current.pca.getTokenCache().removeAccount(remembered);
          await current.cache.forget();
        } else {
          current.restored = null;
        }
        return;
      }
      msalAccount = remembered;
      account = await describeAccount(current, remembered);
      lastProblem = null;
    })();
    return current.restored;
  }

  function classify(current: Session, error: unknown): ProblemError {
    return classifySignInError({
      error,
      oauth: current.network.lastOAuthError(),
      failure: current.network.lastFailure(),
    });
  }

  function cancelFlow(): void {
    if (!flow) return;
    flow.cancelled = true;
    flow.request.cancel = true;
    flow.wake?.();
    lastPolls = flow.polls;
    lastSlowDowns = flow.slowDowns;
    flow = null;
    prompt = null;
  }

  /**
   * Cancels a browser sign-in: its network refuses the code exchange from now on, and MSAL's
   * loopback listener (which MSAL cannot cancel) gets the answer a browser gives when the
   * person declines, so it closes at once instead of waiting until the wizard quits.
   */
  function cancelBrowserFlow(): void {
    const current = browserFlow;
    if (!current) return;
    current.cancelled = true;
    browserFlow = null;
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

  /** The network of one sign-in: counts polls, honours slow_down, and obeys cancel. */
  function flowNetwork(base: INetworkModule, current: FlowGate): INetworkModule {
    const refuse = (): never => {
      throw new Error('This sign-in was cancelled.');
    };
    return {
      async sendGetRequestAsync(url, requestOptions, timeout) {
        if (current.cancelled) refuse();
        const response = await base.sendGetRequestAsync<never>(url, requestOptions, timeout);
        if (current.cancelled) refuse();
        return response;
      },
      async sendPostRequestAsync<T>(
        url: string,
        requestOptions?: Parameters<INetworkModule['sendPostRequestAsync']>[1],
      ) {
        if (current.cancelled) refuse();
        const isPoll =
          /grant_type=(device_code|urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code)/.test(
            requestOptions?.body ?? '',
          );
        if (isPoll && current.extraDelayMs > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, current.extraDelayMs);
            current.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          current.wake = null;
          if (current.cancelled) refuse();
        }
        if (isPoll) current.polls += 1;
        const response = await base.sendPostRequestAsync<T>(url, requestOptions);
        // An answer that arrives after Cancel is dropped here, tokens and all.
        if (current.cancelled) refuse();
        const body = response.body as { error?: unknown } | undefined;
        if (isPoll && body?.error === 'slow_down') {
          current.slowDowns += 1;
          current.extraDelayMs += slowDownMs;
          if (prompt)
            prompt = { ...prompt, intervalSeconds: prompt.intervalSeconds + slowDownMs / 1000 };
          void publish();
          return { ...response, body: { ...body, error: 'authorization_pending' } as T };
        }
        if (isPoll) void publish();
        return response;
      },
    };
  }

  async function runFlow(current: Session, renewals: number): Promise<SignInStatus> {
    cancelFlow();
    lastProblem = null;
    current.network.clear();
    let announce: (value: DeviceCodePrompt) => void = () => {};
    const announced = new Promise<DeviceCodePrompt>((resolve) => (announce = resolve));
    const started: Flow = {
      id: (flowCounter += 1),
      cancelled: false,
      extraDelayMs: 0,
      polls: 0,
      slowDowns: 0,
      wake: null,
      done: Promise.resolve(),
      request: {
        scopes: [graphScope(current.cloud.profile, '.default')],
        deviceCodeCallback: (response) => {
          announce({
            userCode: response.userCode,
            verificationUri: response.verificationUri,
            expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
            intervalSeconds: response.interval,
            renewed: renewals > 0,
          });
        },
      },
    };
    flow = started;
    const flowApp = new PublicClientApplication({
      auth: authConfig(current),
      system: { networkClient: flowNetwork(current.network, started), loggerOptions: msalLogger },
    });
    const outcome = flowApp.acquireTokenByDeviceCode(started.request).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    started.done = outcome.then(async (settled) => {
      if (started.cancelled || flow !== started) return;
      if (settled.ok && settled.result?.account) {
        // Only now does anything of this sign-in reach the lasting cache and the keychain.
        await current.cache.replace(flowApp.getTokenCache().serialize());
        const accounts = await current.pca.getTokenCache().getAllAccounts();
        msalAccount =
          accounts.find(
            (candidate) => candidate.homeAccountId === settled.result?.account?.homeAccountId,
          ) ??
          accounts[0] ??
          null;
        lastPolls = started.polls;
        lastSlowDowns = started.slowDowns;
        flow = null;
        prompt = null;
        account = msalAccount ? await describeAccount(current, msalAccount) : null;
        await publish();
        return;
      }
      const classified = settled.ok
        ? new ProblemError('signin-failed', { code: 'no-account', correlationId: '-' })
        : classify(current, settled.error);
      lastPolls = started.polls;
      lastSlowDowns = started.slowDowns;
      flow = null;
      prompt = null;
      if (classified.problem.id === 'signin-code-expired' && renewals < maxRenewals) {
        await runFlow(current, renewals + 1).catch(() => {});
        return;
      }
      lastProblem = classified.problem;
      await publish();
    });
    const first = await Promise.race([announced, outcome.then(() => null)]);
    if (first && flow === started) {
      prompt = first;
      return publish();
    }
    await started.done;
    return snapshot();
  }

  async function describeAccount(current: Session, info: AccountInfo): Promise<SignedInAccount> {
    const claims = (info.idTokenClaims ?? {}) as Record<string, unknown>;
    const base: SignedInAccount = {
      username: info.username,
      name: info.name ?? (typeof claims['name'] === 'string' ? claims['name'] : info.username),
      tenantId: info.tenantId,
      tenantName: null,
      role: { state: 'not-needed', roles: [] },
    };
    if (current.cloud.profile.tenant === 'consumers') return base;
    return checkRoleOf(current, info, base);
  }

  async function graphGet(current: Session, token: string, path: string): Promise<unknown> {
    const url = `${current.cloud.profile.graphBaseUrl}${path}`;
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

  async function checkRoleOf(
    current: Session,
    info: AccountInfo,
    base: SignedInAccount,
  ): Promise<SignedInAccount> {
    try {
      current.network.clear();
      const { accessToken } = await current.pca.acquireTokenSilent({
        account: info,
        scopes: [graphScope(current.cloud.profile, 'User.Read')],
      });
      const roleIds = new Set<string>();
      const graphOrigin = new URL(current.cloud.profile.graphBaseUrl).origin;
      let path: string | null = '/me/transitiveMemberOf?$select=id,displayName,roleTemplateId';
      for (let page = 0; path && page < 10; page += 1) {
        const body = (await graphGet(current, accessToken, path)) as {
          value?: { '@odata.type'?: string; roleTemplateId?: string }[];
          '@odata.nextLink'?: string;
        };
        for (const entry of body.value ?? []) {
          if (entry['@odata.type'] === '#microsoft.graph.directoryRole' && entry.roleTemplateId) {
            roleIds.add(entry.roleTemplateId.toLowerCase());
          }
        }
        const next = body['@odata.nextLink'];
        // Follow paging only on Graph's own origin: the token must not go anywhere else.
        path =
          typeof next === 'string' && next.startsWith(`${current.cloud.profile.graphBaseUrl}/`)
            ? next.slice(current.cloud.profile.graphBaseUrl.length)
            : null;
        if (typeof next === 'string' && !next.startsWith(graphOrigin)) path = null;
      }
      let tenantName: string | null = null;
      try {
        const organization = (await graphGet(
          current,
          accessToken,
          '/organization?$select=displayName',
        )) as {
          value?: { displayName?: string }[];
        };
        const name = organization.value?.[0]?.displayName;
        tenantName = typeof name === 'string' ? name.slice(0, 200) : null;
      } catch {
        tenantName = null;
      }
      const roles = roleOrder.filter((role) => roleIds.has(consentRoleTemplates[role]));
      const role: RoleCheck = roles.includes('global-administrator')
        ? { state: 'can-consent', roles }
        : roles.length > 0
          ? { state: 'may-consent', roles }
          : { state: 'cannot-consent', roles: [] };
      return { ...base, tenantName, role };
    } catch (error) {
      const classified =
        error instanceof ProblemError && error.problem.id === 'signin-role-check-failed'
          ? error
          : classify(current, error);
      return { ...base, role: { state: 'unknown', roles: [], problem: classified.problem } };
    }
  }

  /** The session a new sign-in runs in; refuses without a client ID or a usable cloud. */
  const sessionForSignIn = async () => {
    const clientId = await options.clientIds.info();
    if (!clientId.value) throw new ProblemError('signin-no-client-id');
    const cloud = await options.cloud();
    if (cloud.problem) throw new ProblemError(cloud.problem.id, cloud.problem.data);
    const current = await currentSession();
    if (!current) throw new ProblemError('signin-no-client-id');
    return current;
  };

  const service: SignInService = {
    async status() {
      const current = await currentSession();
      if (current) await restore(current);
      return snapshot();
    },
    async start() {
      return runFlow(await sessionForSignIn(), 0);
    },
    async startBrowserSignIn(open, permissions) {
      const current = await sessionForSignIn();
      cancelFlow();
      cancelBrowserFlow();
      lastProblem = null;
      current.network.clear();
      let announce: (value: { url: string; via: 'system' | 'page' }) => void = () => {};
      const announced = new Promise<{ url: string; via: 'system' | 'page' }>(
        (resolve) => (announce = resolve),
      );
      const started: BrowserFlow = {
        cancelled: false,
        extraDelayMs: 0,
        polls: 0,
        slowDowns: 0,
        wake: null,
        redirect: null,
        done: Promise.resolve(),
      };
      // Like the device code: a throw-away app, so a cancelled sign-in leaves no token behind.
      const flowApp = new PublicClientApplication({
        auth: authConfig(current),
        system: { networkClient: flowNetwork(current.network, started), loggerOptions: msalLogger },
      });
      const outcome = flowApp
        .acquireTokenInteractive({
          scopes: permissions?.length
            ? permissions.map((permission) => graphScope(current.cloud.profile, permission))
            : [graphScope(current.cloud.profile, '.default')],
          openBrowser: async (url) => {
            started.redirect = loopbackRedirectOf(url);
            announce({ url, via: await open(url) });
          },
          successTemplate: browserPage(
            'Signed in. You can close this window and go back to the wizard.',
          ),
          errorTemplate: browserPage(
            'The sign-in did not finish. Go back to the wizard to see why.',
          ),
        })
        .then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
      started.done = outcome.then(async (settled) => {
        if (started.cancelled) return;
        if (settled.ok && settled.result.account) {
          // Only now does anything of this sign-in reach the lasting cache and the keychain.
          await current.cache.replace(flowApp.getTokenCache().serialize());
          const accounts = await current.pca.getTokenCache().getAllAccounts();
          msalAccount =
            accounts.find(
              (candidate) => candidate.homeAccountId === settled.result.account?.homeAccountId,
            ) ??
            accounts[0] ??
            null;
          account = msalAccount ? await describeAccount(current, msalAccount) : null;
          lastProblem = null;
        } else {
          lastProblem = settled.ok
            ? { id: 'signin-failed', data: { code: 'no-account', correlationId: '-' } }
            : classify(current, settled.error).problem;
        }
        if (browserFlow === started) browserFlow = null;
        await publish();
      });
      browserFlow = started;
      // Abandoned in the browser: give it up like an expired code, so MSAL's listener does not
      // hold its port until the wizard quits, and say so.
      const limit = setTimeout(() => {
        if (browserFlow !== started) return;
        cancelBrowserFlow();
        lastProblem = {
          id: 'signin-browser-abandoned',
          data: { minutes: Math.max(1, Math.round(browserSignInLimitMs / 60_000)) },
        };
        void publish();
      }, browserSignInLimitMs).unref();
      const stopLimit = (): void => clearTimeout(limit);
      started.done.then(stopLimit, stopLimit);
      const opened = await Promise.race([announced, started.done.then(() => null)]);
      if (opened) {
        // The page is open: the wizard now waits for the person in the browser.
        void publish();
        return opened;
      }
      // It ended before any page was opened (a refused address, no network…).
      // (Read through a function: TypeScript does not see the assignment in the callback.)
      const ended = ((): SignInStatus['problem'] => lastProblem)();
      if (ended) throw new ProblemError(ended.id, ended.data);
      throw new ProblemError('signin-failed', { code: 'no-page', correlationId: '-' });
    },
    async cancel() {
      cancelFlow();
      cancelBrowserFlow();
      lastProblem = null;
      return publish();
    },
    async signOut() {
      cancelFlow();
      cancelBrowserFlow();
      const current = await currentSession();
      if (current) {
        const cache = current.pca.getTokenCache();
        for (const remembered of await cache.getAllAccounts())
          await cache.removeAccount(remembered);
        await current.cache.forget();
      }
      account = null;
      msalAccount = null;
      lastProblem = null;
      return publish();
    },
    async setClientId(clientId) {
      await options.clientIds.save(clientId);
      const current = await currentSession();
      if (current) await restore(current);
      return publish();
    },
    async checkRole() {
      const current = await currentSession();
      if (current && msalAccount && account) {
        account = await checkRoleOf(current, msalAccount, account);
      }
      return publish();
    },
    async getAccessToken(scopes): Promise<AccessToken> {
      const cloud = await options.cloud();
      if (cloud.problem) throw new ProblemError(cloud.problem.id, cloud.problem.data);
      const current = await currentSession();
      if (!current) throw new ProblemError('signin-no-client-id');
      await restore(current);
      if (!msalAccount) throw new ProblemError('signin-not-signed-in');
      current.network.clear();
      try {
        const result = await current.pca.acquireTokenSilent({
          account: msalAccount,
          scopes: [...scopes],
        });
        return {
          token: result.accessToken,
          account: msalAccount.username,
          expiresOn: result.expiresOn,
        };
      } catch (error) {
        throw classify(current, error);
      }
    },
    async settled() {
      // A renewal after expiry starts a new flow from inside the old one's end.
      while (flow) await flow.done;
      while (browserFlow) await browserFlow.done;
    },
    async close() {
      cancelFlow();
      cancelBrowserFlow();
      session = null;
    },
  };
  return service;
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
