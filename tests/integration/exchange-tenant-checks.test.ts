/**
 * Tenant checks against the practice Graph: each result, each failure (consent, role,
 * licence, 401, 429 with Retry-After, 5xx, malformed JSON) as a problem of that check only,
 * with the other checks still run; the What If call and its fallback to reading policies.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ProblemError } from '../../electron/common/problem-error';
import { cloudProfiles, graphScope } from '../../shared/cloud-profiles';
import { tenantCheckIds, type TenantCheckResult } from '../../shared/contract/exchange';
import { defaultPracticeSettings, type PracticeSettings } from '../../shared/practice';
import {
  mailbox,
  startExchangeHarness,
  wordsFor,
  type ExchangeHarness,
} from '../support/exchange-harness';
import { createPracticeTokenSource } from '../support/practice-token-source';
import {
  practiceAccounts,
  practiceGroups,
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';

let harness: ExchangeHarness;
beforeAll(async () => {
  harness = await startExchangeHarness();
});
afterAll(async () => {
  await harness.stop();
});

function configure(settings: Partial<PracticeSettings>): void {
  const all = { ...defaultPracticeSettings(), ...settings };
  for (const [id, value] of Object.entries(all)) harness.world.set(id as never, value as never);
}
beforeEach(() => configure({}));

const all = [...tenantCheckIds];
const byId = (results: TenantCheckResult[]) =>
  Object.fromEntries(results.map((result) => [result.check, result]));

test('a healthy tenant: security defaults off, no blocking policy, Global Administrator', async () => {
  const results = byId(await harness.tenantChecks().run(all));
  expect(results['security-defaults']).toMatchObject({ state: 'passed', problem: null });
  expect(results['security-defaults']?.board).toEqual([
    { check: 'security-defaults', result: { state: 'passed' } },
  ]);
  expect(results['conditional-access']).toMatchObject({
    state: 'passed',
    method: 'what-if',
    problem: null,
  });
  expect(results['consent-role']).toMatchObject({
    state: 'passed',
    facts: ['Global Administrator'],
  });
});

test('each check asks only for its own permission, when it runs', async () => {
  const before = harness.adminTokens.requests.length;
  await harness.tenantChecks().run(['security-defaults']);
  expect(harness.adminTokens.requests.slice(before)).toEqual([
    ['https://graph.microsoft.com/Policy.Read.All'],
  ]);
});

test('security defaults on', async () => {
  configure({ securityDefaults: 'on' });
  const [result] = await harness.tenantChecks().run(['security-defaults']);
  expect(result).toMatchObject({ state: 'failed', problem: { id: 'security-defaults-on' } });
  expect((await wordsFor(result?.problem)).fix).toMatch(/Conditional Access/);
});

test('a Conditional Access policy blocking device code flow, found by What If', async () => {
  configure({ conditionalAccess: 'block-device-code' });
  const [result] = await harness.tenantChecks().run(['conditional-access']);
  expect(result).toMatchObject({
    state: 'failed',
    method: 'what-if',
    problem: { id: 'ca-blocks-device-code', data: { policy: 'Block device code flow' } },
  });
  const words = await wordsFor(result?.problem);
  expect(words.title).toBe(
    'The Conditional Access policy "Block device code flow" blocks the printer\'s sign-in.',
  );
  expect(words.fix).toMatch(/exclude the printer's mailbox/);
  expect(result?.board).toEqual([
    {
      check: 'conditional-access',
      result: {
        state: 'failed',
        problemId: 'ca-blocks-device-code',
        // The values its title names, kept with the result (no raw {{policy}} on Done).
        problemData: result?.problem?.data,
        summary: 'Block device code flow',
      },
    },
  ]);
});

test('the Microsoft-managed policy in report-only mode, and turned on', async () => {
  configure({ conditionalAccess: 'managed-report-only' });
  const [later] = await harness.tenantChecks().run(['conditional-access']);
  expect(later).toMatchObject({
    state: 'attention',
    problem: {
      id: 'ca-device-code-report-only',
      data: { policy: 'Microsoft-managed: Block device code flow', managed: true },
    },
  });
  expect((await wordsFor(later?.problem)).fix).toMatch(/45 days/);
  configure({ conditionalAccess: 'managed-on' });
  const [now] = await harness.tenantChecks().run(['conditional-access']);
  expect(now).toMatchObject({ state: 'failed', problem: { id: 'ca-blocks-device-code' } });
});

test('without What If, the policies are read and judged instead', async () => {
  configure({ graph: 'what-if-unavailable', conditionalAccess: 'block-device-code' });
  const [blocked] = await harness.tenantChecks().run(['conditional-access']);
  expect(blocked).toMatchObject({
    state: 'failed',
    method: 'policies',
    problem: { id: 'ca-blocks-device-code' },
  });
  configure({ graph: 'what-if-unavailable', conditionalAccess: 'none' });
  const [clear] = await harness.tenantChecks().run(['conditional-access']);
  expect(clear).toMatchObject({ state: 'passed', method: 'policies' });
});

test('What If honours a policy that leaves the account out by group or by role', async () => {
  // admin@ is in "Device code flow exceptions" (through IT) and is a Global Administrator.
  for (const conditionalAccess of ['block-except-group', 'block-except-role'] as const) {
    configure({ conditionalAccess });
    const [result] = await harness.tenantChecks().run(['conditional-access']);
    expect(result).toMatchObject({ state: 'passed', method: 'what-if', problem: null });
  }
});

test('without What If, exclusions by group (transitive) and by role are resolved', async () => {
  for (const conditionalAccess of ['block-except-group', 'block-except-role'] as const) {
    configure({ graph: 'what-if-unavailable', conditionalAccess });
    const [result] = await harness.tenantChecks().run(['conditional-access']);
    expect(result).toMatchObject({ state: 'passed', method: 'policies', problem: null });
    // Excluded, the policy is no finding for this account.
    expect(result?.facts).toEqual([]);
  }
});

test('without What If and without the memberships, an exclusion is "may apply", not "blocks"', async () => {
  configure({ graph: 'memberships-unreadable', conditionalAccess: 'block-except-group' });
  const [result] = await harness.tenantChecks().run(['conditional-access']);
  expect(result).toMatchObject({
    state: 'attention',
    method: 'policies',
    problem: { id: 'ca-device-code-may-apply', data: { policy: 'Block device code flow' } },
  });
  // A policy that names no group or role is judged without the memberships.
  configure({ graph: 'memberships-unreadable', conditionalAccess: 'block-device-code' });
  const [blocked] = await harness.tenantChecks().run(['conditional-access']);
  expect(blocked).toMatchObject({ state: 'failed', problem: { id: 'ca-blocks-device-code' } });
});

/** The tenant checks as another practice account: the Graph answers from its roles. */
const checksAs = (account: string) =>
  harness.tenantChecks({ tokens: createPracticeTokenSource(harness.world.tokens, account) });

test('consent role: Cloud Application Administrator may not see the checkbox; no role cannot consent', async () => {
  const [limited] = await checksAs('apps@contoso.example').run(['consent-role']);
  expect(limited).toMatchObject({
    state: 'attention',
    problem: { id: 'consent-role-limited', data: { role: 'Cloud Application Administrator' } },
  });
  const [none] = await checksAs('megan@contoso.example').run(['consent-role']);
  expect(none).toMatchObject({ state: 'failed', problem: { id: 'consent-role-missing' } });
});

test('missing consent: every check says which permission, none crashes', async () => {
  configure({ graph: 'consent-missing' });
  const results = await harness.tenantChecks().run(all);
  expect(results.map((result) => [result.state, result.problem?.id])).toEqual([
    ['unavailable', 'graph-consent-missing'],
    ['unavailable', 'graph-consent-missing'],
    ['unavailable', 'graph-consent-missing'],
  ]);
  expect(results[0]?.problem?.data).toEqual({ permission: 'Policy.Read.All' });
  expect(results[2]?.problem?.data).toEqual({ permission: 'Directory.Read.All' });
  expect((await wordsFor(results[0]?.problem)).title).toMatch(/Policy\.Read\.All/);
  expect(results.every((result) => result.board.length === 0)).toBe(true);
});

test('a token without the permission is refused the same way', async () => {
  const scopeless = createPracticeTokenSource(harness.world.tokens, 'admin@contoso.example', {
    dropScopes: ['Policy.Read.All'],
  });
  const [result] = await harness.tenantChecks({ tokens: scopeless }).run(['security-defaults']);
  expect(result?.problem).toEqual({
    id: 'graph-consent-missing',
    data: { permission: 'Policy.Read.All' },
  });
});

test('no role to read policies: that check says so, the role check still runs', async () => {
  const results = byId(await checksAs(mailbox).run(all));
  expect(results['security-defaults']?.problem?.id).toBe('graph-role-missing');
  expect(results['conditional-access']?.problem?.id).toBe('graph-role-missing');
  expect(results['consent-role']?.problem?.id).toBe('consent-role-missing');
});

test('no licence for Conditional Access: only that check is affected', async () => {
  configure({ graph: 'licence-missing', securityDefaults: 'on' });
  const results = byId(await harness.tenantChecks().run(all));
  expect(results['conditional-access']).toMatchObject({
    state: 'unavailable',
    problem: { id: 'graph-licence-missing' },
  });
  expect((await wordsFor(results['conditional-access']?.problem)).fix).toMatch(/Entra ID P1/);
  expect(results['security-defaults']?.state).toBe('failed');
  expect(results['consent-role']?.state).toBe('passed');
});

test('429 with Retry-After: waits as told, then succeeds', async () => {
  configure({ graph: 'throttled-once' });
  const waits: number[] = [];
  const service = harness.tenantChecks({
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  const started = Date.now();
  const [result] = await service.run(['security-defaults']);
  expect(result?.state).toBe('passed');
  expect(waits).toEqual([1000]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

test('429 with a long Retry-After: reported with the wait, not waited for', async () => {
  configure({ graph: 'throttled-long' });
  const waits: number[] = [];
  const results = await harness.tenantChecks({ sleep: async (ms) => void waits.push(ms) }).run(all);
  expect(waits).toEqual([]);
  for (const result of results) {
    expect(result.problem).toEqual({ id: 'graph-throttled', data: { seconds: 120 } });
  }
  expect((await wordsFor(results[0]?.problem)).fix).toBe('Try this check again in 120 seconds.');
});

test('401, 5xx and malformed JSON each become their own problem', async () => {
  for (const [graph, id] of [
    ['unauthorized', 'graph-unauthorized'],
    ['server-error', 'graph-server-error'],
    ['malformed', 'graph-malformed'],
  ] as const) {
    configure({ graph });
    const results = await harness.tenantChecks().run(all);
    expect(
      results.map((result) => result.problem?.id),
      graph,
    ).toEqual([id, id, id]);
    await wordsFor(results[0]?.problem);
  }
});

test('Graph unreachable: a clear problem per check', async () => {
  const results = await harness
    .tenantChecks({
      profile: async () => ({ ...harness.profile(), graphBaseUrl: 'https://127.0.0.1:1/v1.0' }),
    })
    .run(all);
  expect(results.map((result) => result.problem?.id)).toEqual([
    'graph-unreachable',
    'graph-unreachable',
    'graph-unreachable',
  ]);
});

test('not signed in, and personal accounts', async () => {
  const notSignedIn = {
    getAccessToken: () => Promise.reject(new ProblemError('signin-not-signed-in')),
  };
  const results = await harness.tenantChecks({ tokens: notSignedIn }).run(all);
  expect(results.map((result) => result.problem?.id)).toEqual([
    'signin-not-signed-in',
    'signin-not-signed-in',
    'signin-not-signed-in',
  ]);
  const personal = await harness.tenantChecks({ personal: async () => true }).run(all);
  expect(personal.map((result) => result.problem?.id)).toEqual([
    'exchange-personal-account',
    'exchange-personal-account',
    'exchange-personal-account',
  ]);
});

test("Graph tokens are asked for the cloud's own Graph resource", async () => {
  for (const profile of [cloudProfiles['us-government'], cloudProfiles.china]) {
    const tokens = createPracticeTokenSource(harness.world.tokens, 'admin@contoso.example');
    // Unreachable on purpose: only the scope asked for matters here.
    await harness
      .tenantChecks({
        tokens,
        profile: async () => ({ ...profile, graphBaseUrl: 'https://127.0.0.1:1/v1.0' }),
      })
      .run(['security-defaults']);
    expect(tokens.requests).toEqual([[graphScope(profile, 'Policy.Read.All')]]);
    expect(tokens.requests[0]?.[0]).toMatch(new RegExp(`^${profile.graphResource}/`));
  }
  // The practice world's Graph is served on loopback but its tokens are for Graph's own resource.
  expect(harness.profile().graphResource).toBe('https://graph.microsoft.com');
  expect(new URL(harness.profile().graphBaseUrl).hostname).toBe('127.0.0.1');
});

test('one practice Graph: the tenant checks and the sign-in use the same practice tenant', () => {
  const tenant = harness.world.part<PracticeTenant>(practiceTenantPartName);
  expect(harness.profile().graphBaseUrl).toBe(tenant?.graphBaseUrl);
});

test('the administrator excludes the account (or its group) from the policy: the block is gone', async () => {
  const tenant = harness.world.part<PracticeTenant>(practiceTenantPartName);
  const admin = practiceAccounts.find((account) => account.upn === 'admin@contoso.example');
  if (!tenant || !admin) throw new Error('no practice tenant');
  for (const graph of ['works', 'what-if-unavailable'] as const) {
    for (const member of [
      { kind: 'user', id: admin.oid },
      { kind: 'group', id: practiceGroups.IT },
    ] as const) {
      configure({ graph, conditionalAccess: 'block-device-code' });
      const [before] = await harness.tenantChecks().run(['conditional-access']);
      expect(before).toMatchObject({ state: 'failed', problem: { id: 'ca-blocks-device-code' } });
      const policy = tenant.deviceCodePolicy();
      if (!policy) throw new Error('no policy');
      tenant.setPolicyExclusion(policy.id, member, true);
      const [after] = await harness.tenantChecks().run(['conditional-access']);
      expect(after, `${graph} ${member.kind}`).toMatchObject({ state: 'passed', problem: null });
      // Included again, it blocks again.
      tenant.setPolicyExclusion(policy.id, member, false);
      const [again] = await harness.tenantChecks().run(['conditional-access']);
      expect(again).toMatchObject({ state: 'failed', problem: { id: 'ca-blocks-device-code' } });
    }
  }
});
