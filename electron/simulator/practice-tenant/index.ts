/**
 * The practice tenant: a simulated Microsoft Entra tenant on loopback for `--demo` and tests.
 * One part per concern, all sharing one explicit state (state.ts):
 *
 * - accounts.ts — the tenant, its accounts and roles, the apps it knows.
 * - entra-failures.ts — Entra's words for each failure and when each scenario shows it.
 * - tokens.ts — access, ID and refresh tokens from the practice token authority.
 * - token-endpoint.ts — HTTPS discovery, devicecode and token endpoints.
 * - graph-host.ts — the practice world's one Graph, on the same HTTPS server.
 * - sign-in-pages.ts, page-flow.ts — the sign-in pages on plain HTTP loopback.
 * - authorize-flow.ts — the authorization code flow with PKCE (the browser sign-in).
 *
 * Any client ID registered here can sign in (the wizard's and the practice printer's own).
 * Scenario switch `tenant` (shared/practice.ts) puts it into each failure the wizard classifies.
 * It keeps device codes and refresh tokens in memory only (it must, to answer), and logs nothing.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { CloudProfile } from '../../../shared/cloud-profiles';
import { listenOnLoopback, sendJson } from '../practice-http';
import type { PracticePart } from '../practice-world';
import {
  practiceGroups,
  practiceResources,
  practiceTenantPartName,
  type PracticeAccount,
  type PracticeApp,
} from './accounts';
import {
  allPolicies,
  deviceCodePolicy,
  groupIdsOf,
  setExclusion,
  type ConditionalAccessPolicy,
  type DeviceCodePolicy,
} from './conditional-access';
import { addStandardGraphRoutes } from './graph-host';
import { handlePage } from './page-flow';
import {
  createTenantState,
  normaliseCode,
  type DeviceGrant,
  type GraphRoute,
  type PracticeTenantOptions,
} from './state';
import { handleIdentity } from './token-endpoint';

export {
  practiceAccounts,
  practiceClientIds,
  practiceDomain,
  practicePassword,
  practiceResources,
  practiceTenantId,
  practiceTenantName,
  practiceTenantPartName,
  practiceGroups,
  globalAdministrator,
  type PracticeAccount,
  type PracticeApp,
  type PracticeRole,
} from './accounts';
export {
  excludesAccount,
  type ConditionalAccessPolicy,
  type DeviceCodePolicy,
} from './conditional-access';
export type { GraphAnswer, GraphCaller, GraphRoute, PracticeTenantOptions } from './state';

export interface DeviceCodeStats {
  /** The device code itself (in process only: tests check it never leaks). */
  deviceCode: string;
  state: DeviceGrant['state'];
  polls: number[];
  approvedAt: number | null;
  slowDownsSent: number;
  clientId: string;
}

export interface PracticeTenant extends PracticePart {
  readonly identityOrigin: string;
  readonly pageOrigin: string;
  readonly graphBaseUrl: string;
  registerApp(app: PracticeApp): void;
  addGraphRoute(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, route: GraphRoute): void;
  /** What happened to a user code (polls and state), for tests and the benchmark. */
  stats(userCode: string): DeviceCodeStats | null;
  /** Every app's tenant-wide consent (the scopes consented on behalf of the organization). */
  tenantWideConsents(): { app: PracticeApp; scopes: string[] }[];
  /** Whether an app has tenant-wide consent (the "on behalf of your organization" box). */
  hasTenantWideConsent(clientId: string): boolean;
  /** The Conditional Access policy for the device code flow in force, as Graph returns it. */
  deviceCodePolicy(): DeviceCodePolicy | null;
  /** Every Conditional Access policy, as Graph lists them (with those Microsoft created). */
  policies(): ConditionalAccessPolicy[];
  /** Security defaults turned off: Microsoft creates its managed policies (once). */
  securityDefaultsTurnedOff(): void;
  /** Leaves a user or a group (object ids) out of a policy, or includes it again. */
  setPolicyExclusion(
    policyId: string,
    member: { kind: 'user' | 'group'; id: string },
    excluded: boolean,
  ): void;
  /** Every group (object id) an account is in now, added memberships included. */
  groupIdsOf(account: PracticeAccount): string[];
  /** Every group of the tenant (id → name), those created through Graph included. */
  groups(): Map<string, string>;
  /** Creates a security group, or deletes one created so; adds or removes a member. */
  createGroup(name: string): string;
  deleteGroup(id: string): boolean;
  setMember(groupId: string, oid: string, member: boolean): void;
  /** Forgets every consent and refresh token (a fresh tenant). */
  reset(): void;
}

export function createPracticeTenant(options: PracticeTenantOptions = {}): PracticeTenant {
  const state = createTenantState(options);
  addStandardGraphRoutes(state);
  return {
    name: practiceTenantPartName,
    get identityOrigin() {
      return state.identityOrigin;
    },
    get pageOrigin() {
      return state.pageOrigin;
    },
    get graphBaseUrl() {
      return `${state.identityOrigin}/graph/v1.0`;
    },
    async start(practiceContext) {
      state.context = practiceContext;
      let { tenant: tenantSwitch, conditionalAccess, tenantAge } = practiceContext.settings();
      practiceContext.onChange((settings) => {
        // Another tenant: none of the policies Microsoft created in the last one.
        if (settings.tenantAge !== tenantAge) {
          state.managedPoliciesCreated = false;
          state.createdGroups.clear();
          state.addedMembers.clear();
        }
        tenantAge = settings.tenantAge;
        // Another situation starts from its policy as shipped, without earlier exclusions.
        if (settings.tenant !== tenantSwitch || settings.conditionalAccess !== conditionalAccess) {
          state.policyExclusions.clear();
        }
        if (settings.tenant !== tenantSwitch) state.tenantSwitchSetAt = Date.now();
        ({ tenant: tenantSwitch, conditionalAccess } = settings);
      });
      const serverError = (response: http.ServerResponse) => () => {
        if (!response.headersSent) sendJson(response, 500, { error: 'server_error' });
      };
      state.identityServer = https.createServer(
        { key: practiceContext.certificate.key, cert: practiceContext.certificate.cert },
        (request, response) => {
          handleIdentity(state, request, response).catch(serverError(response));
        },
      );
      state.pageServer = http.createServer((request, response) => {
        handlePage(state, request, response).catch(serverError(response));
      });
      state.identityOrigin = `https://127.0.0.1:${await listenOnLoopback(state.identityServer)}`;
      state.pageOrigin = `http://127.0.0.1:${await listenOnLoopback(state.pageServer)}`;
    },
    profile(): Partial<CloudProfile> {
      return {
        authorityHost: state.identityOrigin,
        graphBaseUrl: `${state.identityOrigin}/graph/v1.0`,
        graphResource: practiceResources.graph,
        smtpScope: `${practiceResources.outlook}/SMTP.Send`,
        deviceLoginUrl: `${state.pageOrigin}/devicelogin`,
      };
    },
    registerApp(app) {
      state.apps.set(app.clientId, app);
    },
    addGraphRoute(method, path, route) {
      state.graphRoutes.set(`${method} ${path}`, route);
    },
    stats(userCode) {
      const grant = state.byUserCode.get(normaliseCode(userCode));
      if (!grant) return null;
      return {
        deviceCode: grant.deviceCode,
        state: grant.state,
        polls: [...grant.polls],
        approvedAt: grant.approvedAt ?? null,
        slowDownsSent: grant.slowDownsSent,
        clientId: grant.app.clientId,
      };
    },
    tenantWideConsents() {
      return [...state.consents].flatMap(([clientId, consent]) => {
        const app = state.apps.get(clientId);
        return app && consent.tenantWide.size > 0 ? [{ app, scopes: [...consent.tenantWide] }] : [];
      });
    },
    hasTenantWideConsent(clientId) {
      return (state.consents.get(clientId)?.tenantWide.size ?? 0) > 0;
    },
    deviceCodePolicy() {
      return state.context ? deviceCodePolicy(state, state.context.settings()) : null;
    },
    groupIdsOf(account) {
      return groupIdsOf(state, account);
    },
    groups() {
      return new Map([
        ...Object.entries(practiceGroups).map(([name, id]) => [id, name] as const),
        ...state.createdGroups,
      ]);
    },
    createGroup(name) {
      const id = randomUUID();
      state.createdGroups.set(id, name);
      return id;
    },
    deleteGroup(id) {
      state.addedMembers.delete(id);
      return state.createdGroups.delete(id);
    },
    setMember(groupId, oid, member) {
      const members = state.addedMembers.get(groupId) ?? new Set<string>();
      if (member) members.add(oid);
      else members.delete(oid);
      state.addedMembers.set(groupId, members);
    },
    policies() {
      return state.context ? allPolicies(state, state.context.settings()) : [];
    },
    securityDefaultsTurnedOff() {
      state.managedPoliciesCreated = true;
    },
    setPolicyExclusion(policyId, member, excluded) {
      setExclusion(state, policyId, member, excluded);
    },
    reset() {
      state.consents.clear();
      state.refreshGrants.clear();
    },
    async stop() {
      for (const socket of state.heldSockets) socket.destroy();
      await Promise.all(
        [state.identityServer, state.pageServer].map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server) return resolve();
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
