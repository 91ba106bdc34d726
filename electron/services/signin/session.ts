/**
 * The sign-in's session and token source: the lasting MSAL app for the current client ID and
 * cloud (its cache in the keychain), the state every sign-in part shares, the status snapshot,
 * the silent refresh on start, and access tokens for the other services.
 */
import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type INetworkModule,
} from '@azure/msal-node';
import { graphScope } from '../../../shared/cloud-profiles';
import type {
  DeviceCodePrompt,
  SignedInAccount,
  SignInStatus,
} from '../../../shared/contract/signin';
import { ProblemError } from '../../common/problem-error';
import { redact } from '../../common/redact';
import type { SecretStore } from '../keychain';
import type { RideOutPolicy } from '../net/ride-out';
import type { AccessToken } from '../token-source';
import { classifySignInError, type SignInFlow } from './classify';
import type { ClientIdStore } from './client-id';
import type { ResolvedCloud } from './cloud';
import { createKeychainCache, type KeychainCache } from './keychain-cache';
import { createNetworkClient, type WizardNetworkClient } from './network-client';
import { checkRoleOf } from './role-check';

export interface SignInServiceOptions {
  /** The cloud for the user's current choices (called at each sign-in and restore). */
  cloud(): Promise<ResolvedCloud>;
  clientIds: ClientIdStore;
  secretStore(): SecretStore;
  onChange(status: SignInStatus): void;
  log?(line: string): void;
  networkTimeoutMs?: number;
  /** How transient failures (429, 5xx, dropped connection, slow answer) are ridden out. */
  rideOut?: RideOutPolicy;
  /** Seconds added per slow_down (RFC 8628: 5). */
  slowDownSeconds?: number;
  /** How many expired codes are replaced in a row without the person asking. */
  maxRenewals?: number;
  /** A browser sign-in nobody finishes is given up after this long, freeing its port. */
  browserSignInLimitMs?: number;
}

export interface Session {
  key: string;
  clientId: string;
  cloud: ResolvedCloud;
  pca: PublicClientApplication;
  network: WizardNetworkClient;
  cache: KeychainCache;
  restored: Promise<void> | null;
}

/** What the network wrapper of one sign-in needs to know (device code or browser). */
export interface FlowGate {
  cancelled: boolean;
  extraDelayMs: number;
  polls: number;
  slowDowns: number;
  wake: (() => void) | null;
}

/** Everything the sign-in parts share, in one place. */
export interface SignInState {
  session: Session | null;
  /** The device-code sign-in running now (waiting for the person). */
  deviceCode: (FlowGate & { done: Promise<void> }) | null;
  prompt: DeviceCodePrompt | null;
  /** The browser sign-in running now. */
  browser: (FlowGate & { done: Promise<void> }) | null;
  account: SignedInAccount | null;
  msalAccount: AccountInfo | null;
  lastProblem: SignInStatus['problem'];
  lastPolls: number;
  lastSlowDowns: number;
}

export interface SignInContext {
  readonly options: SignInServiceOptions;
  readonly state: SignInState;
  snapshot(): Promise<SignInStatus>;
  publish(): Promise<SignInStatus>;
  /** The lasting session for the current client ID and cloud; null without either. */
  currentSession(): Promise<Session | null>;
  /** The session a new sign-in runs in; refuses without a client ID or a usable cloud. */
  sessionForSignIn(): Promise<Session>;
  /** A throw-away MSAL app for one sign-in, on the given network. */
  flowApp(current: Session, network: INetworkModule): PublicClientApplication;
  /** What the error means; `flow` says which sign-in ended with it (default: silent refresh). */
  classify(current: Session, error: unknown, flow?: SignInFlow): ProblemError;
  describeAccount(
    current: Session,
    info: AccountInfo,
    via: SignedInAccount['via'],
  ): Promise<SignedInAccount>;
  /** Cancels whatever sign-in runs (set by the service, which owns both flows). */
  cancelFlows(): void;
  /** Copies a finished sign-in's cache into the lasting one; the account it signed in. */
  adopt(
    current: Session,
    flowApp: PublicClientApplication,
    homeAccountId: string | undefined,
    via: SignedInAccount['via'],
  ): Promise<void>;
}

export function createSignInContext(options: SignInServiceOptions): SignInContext {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state: SignInState = {
    session: null,
    deviceCode: null,
    prompt: null,
    browser: null,
    account: null,
    msalAccount: null,
    lastProblem: null,
    lastPolls: 0,
    lastSlowDowns: 0,
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

  const context: SignInContext = {
    options,
    state,
    async snapshot() {
      const clientId = await options.clientIds.info();
      const cloud = state.session?.cloud ?? (await options.cloud());
      const facts = {
        clientId,
        cloud: cloud.label,
        storage: state.session?.cache.storage() ?? ({ kind: 'keychain' } as const),
        problem: state.lastProblem ?? (cloud.problem && clientId.value ? cloud.problem : null),
        polls: state.deviceCode?.polls ?? state.lastPolls,
        slowDowns: state.deviceCode?.slowDowns ?? state.lastSlowDowns,
      };
      const { account, prompt } = state;
      if (!clientId.value) return { ...facts, phase: 'no-client-id', prompt: null, account: null };
      if (state.deviceCode && prompt) return { ...facts, phase: 'waiting', prompt, account };
      if (state.browser) return { ...facts, phase: 'browser', prompt: null, account };
      if (account) return { ...facts, phase: 'signed-in', prompt: null, account };
      return { ...facts, phase: 'signed-out', prompt: null, account: null };
    },
    async publish() {
      const status = await context.snapshot();
      options.onChange(status);
      return status;
    },
    async currentSession() {
      const clientId = (await options.clientIds.info()).value;
      if (!clientId) return null;
      const cloud = await options.cloud();
      // A broken WIZARD_CLOUD_FILE never falls back to Microsoft's own endpoints.
      if (cloud.problem) return null;
      const key = `${cloud.label}|${cloud.profile.authorityHost}|${cloud.profile.tenant}|${clientId}`;
      if (state.session?.key === key) return state.session;
      if (state.session) {
        context.cancelFlows();
        state.session = null;
        state.account = null;
        state.msalAccount = null;
      }
      const network = createNetworkClient({
        trustedOrigins: cloud.trustedOrigins,
        ca: cloud.ca,
        ...(options.networkTimeoutMs ? { timeoutMs: options.networkTimeoutMs } : {}),
        ...(options.rideOut ? { rideOut: options.rideOut } : {}),
      });
      const cache = createKeychainCache(options.secretStore, `msal-cache:${key}`, () => {
        void context.publish();
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
      state.session = created;
      return created;
    },
    async sessionForSignIn() {
      const clientId = await options.clientIds.info();
      if (!clientId.value) throw new ProblemError('signin-no-client-id');
      const cloud = await options.cloud();
      if (cloud.problem) throw new ProblemError(cloud.problem.id, cloud.problem.data);
      const current = await context.currentSession();
      if (!current) throw new ProblemError('signin-no-client-id');
      return current;
    },
    flowApp(current, networkClient) {
      return new PublicClientApplication({
        auth: authConfig(current),
        system: { networkClient, loggerOptions: msalLogger },
      });
    },
    classify(current, error, flow = 'silent') {
      return classifySignInError({
        error,
        oauth: current.network.lastOAuthError(),
        failure: current.network.lastFailure(),
        flow,
      });
    },
    async describeAccount(current, info, via) {
      const claims = (info.idTokenClaims ?? {}) as Record<string, unknown>;
      const base: SignedInAccount = {
        username: info.username,
        name: info.name ?? (typeof claims['name'] === 'string' ? claims['name'] : info.username),
        tenantId: info.tenantId,
        tenantName: null,
        role: { state: 'not-needed', roles: [] },
        via,
      };
      if (current.cloud.profile.tenant === 'consumers') return base;
      return checkRoleOf(current, info, base, (error) => context.classify(current, error));
    },
    cancelFlows: () => {},
    async adopt(current, flowApp, homeAccountId, via) {
      // Only now does anything of this sign-in reach the lasting cache and the keychain.
      await current.cache.replace(flowApp.getTokenCache().serialize());
      const accounts = await current.pca.getTokenCache().getAllAccounts();
      state.msalAccount =
        accounts.find((candidate) => candidate.homeAccountId === homeAccountId) ??
        accounts[0] ??
        null;
      state.account = state.msalAccount
        ? await context.describeAccount(current, state.msalAccount, via)
        : null;
    },
  };
  return context;
}

/** Problems after which a remembered sign-in is kept for the next try (not the account's fault). */
const passingTrouble = /^signin-network|^signin-certificate|^signin-service-busy/;

/** Silent refresh of a remembered account (once per session): the restart path. */
export function restore(context: SignInContext, current: Session): Promise<void> {
  const { state } = context;
  current.restored ??= (async () => {
    const accounts = await current.pca.getTokenCache().getAllAccounts();
    const remembered = accounts[0];
    if (!remembered || state.account) return;
    current.network.clear();
    try {
      await current.pca.acquireTokenSilent({
        account: remembered,
        scopes: [graphScope(current.cloud.profile, 'User.Read')],
        forceRefresh: true,
      });
    } catch (error) {
      const classified = context.classify(current, error);
      state.lastProblem = classified.problem;
      // A dead refresh token is forgotten; a network failure or a busy server keeps it.
      if (!passingTrouble.test(classified.problem.id)) {
        await current.pca.getTokenCache().removeAccount(remembered);
        await current.cache.forget();
      } else {
        current.restored = null;
      }
      return;
    }
    state.msalAccount = remembered;
    state.account = await context.describeAccount(current, remembered, 'remembered');
    state.lastProblem = null;
  })();
  return current.restored;
}

/** The TokenSource side: a current access token of the signed-in account. */
export async function accessToken(
  context: SignInContext,
  scopes: readonly string[],
): Promise<AccessToken> {
  const cloud = await context.options.cloud();
  if (cloud.problem) throw new ProblemError(cloud.problem.id, cloud.problem.data);
  const current = await context.currentSession();
  if (!current) throw new ProblemError('signin-no-client-id');
  await restore(context, current);
  const account = context.state.msalAccount;
  if (!account) throw new ProblemError('signin-not-signed-in');
  current.network.clear();
  try {
    const result = await current.pca.acquireTokenSilent({ account, scopes: [...scopes] });
    return { token: result.accessToken, account: account.username, expiresOn: result.expiresOn };
  } catch (error) {
    throw context.classify(current, error);
  }
}
