/**
 * The one stated time of a "Do it for me" change (shared/contract/exchange.ts,
 * adminChangeLimitSeconds): however many calls, tries and Retry-After waits a change needs,
 * Microsoft is waited for at most that long in all, then the wizard says what happened. Here
 * against a stand-in for Exchange's admin endpoint and Graph that hangs or keeps throttling,
 * with a short limit: without the bound, three tries of 15 seconds would each run to the end.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ProblemError } from '../../electron/common/problem-error';
import { createEntraAdmin } from '../../electron/services/entra-admin';
import { createExchangeAdmin } from '../../electron/services/exchange-admin';
import type { TokenSource } from '../../electron/services/token-source';
import { createPracticeCertificate } from '../../electron/simulator/practice-certificate';
import { cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';
import type { ProgressState } from '../../shared/contract/journey';
import { initialProgress, type Progress } from '../../shared/model';
import { withinBound } from '../support/fuzz';

const account = 'admin@contoso.example';
/** What the stand-in does with a change (Set-CASMailbox, the security defaults PATCH). */
let changeAnswer: 'hang' | 'throttle' = 'hang';
const changesSeen: string[] = [];
let server: https.Server;
let ca = '';
let origin = '';

beforeAll(async () => {
  const certificate = await createPracticeCertificate();
  ca = certificate.cert;
  server = https.createServer(certificate, (request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        response.end(JSON.stringify(value));
      };
      const change = (name: string) => {
        changesSeen.push(name);
        if (changeAnswer === 'throttle') {
          json(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '4' });
        }
        // 'hang': never answered; the wizard's own deadline ends it.
      };
      const url = request.url ?? '';
      if (url.includes('/InvokeCommand')) {
        if (body.includes('Set-CASMailbox')) return change('Set-CASMailbox');
        return json(200, {
          value: [{ PrimarySmtpAddress: account, SmtpClientAuthenticationDisabled: true }],
        });
      }
      if (url.startsWith('/v1.0/policies/identitySecurityDefaultsEnforcementPolicy')) {
        if (request.method === 'PATCH') return change('PATCH security defaults');
        return json(200, { isEnabled: true });
      }
      if (url.startsWith('/v1.0/organization')) {
        return json(200, { value: [{ displayName: 'Contoso' }] });
      }
      if (url.startsWith('/v1.0/identity/conditionalAccess/policies')) {
        return json(200, { value: [] });
      }
      json(404, {});
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

const tokens: TokenSource = {
  async getAccessToken() {
    return { token: 'stand-in', account, expiresOn: null };
  },
};
const profile = async (): Promise<CloudProfile> => ({
  ...cloudProfiles.global,
  graphBaseUrl: `${origin}/v1.0`,
  exchangeAdminUrl: `${origin}/adminapi/beta`,
});
function memoryProgress() {
  let progress: Progress = initialProgress;
  let revision = 0;
  return {
    current: () => progress,
    async update(change: (before: Progress) => Progress): Promise<ProgressState> {
      progress = change(progress);
      revision += 1;
      return { progress, revision, saveProblem: null };
    },
  };
}

async function problemOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('the change did not fail');
}

test('Exchange: Set-CASMailbox never answers; the change ends at its stated time, out of time, not retried past it', async () => {
  changeAnswer = 'hang';
  changesSeen.length = 0;
  const admin = createExchangeAdmin({
    tokens,
    profile,
    trustedCa: () => ca,
    progress: memoryProgress(),
    checkMail: () => Promise.reject(new Error('no check: nothing changed')),
    changeLimitSeconds: 3,
  });
  const { value } = await withinBound(3_000, () => problemOf(admin.turnOnMailboxSmtpAuth()));
  expect(value).toEqual({ id: 'admin-change-out-of-time', data: { seconds: 3 } });
  expect(changesSeen).toEqual(['Set-CASMailbox']);
});

test('Exchange: throttled again and again; Retry-After is waited for only while the stated time allows, then said', async () => {
  changeAnswer = 'throttle';
  changesSeen.length = 0;
  const progress = memoryProgress();
  const admin = createExchangeAdmin({
    tokens,
    profile,
    trustedCa: () => ca,
    progress,
    checkMail: () => Promise.reject(new Error('no check: nothing changed')),
    changeLimitSeconds: 6,
  });
  const { value } = await withinBound(6_000, () => problemOf(admin.turnOnMailboxSmtpAuth()));
  // Asked to wait 4 s: waited once (4 s of 6), not a second time (it would end past 6 s).
  expect(value).toEqual({ id: 'exchange-admin-busy', data: { status: 429, seconds: 4 } });
  expect(changesSeen).toEqual(['Set-CASMailbox', 'Set-CASMailbox']);
  expect(progress.current().adminChanges).toEqual([]);
});

test('Entra: the security defaults PATCH never answers; out of time at the stated limit, proof not started', async () => {
  changeAnswer = 'hang';
  changesSeen.length = 0;
  let proofs = 0;
  const admin = createEntraAdmin({
    tokens,
    profile,
    trustedCa: () => ca,
    progress: memoryProgress(),
    runTenantChecks: async () => {
      proofs += 1;
      return [];
    },
    changeLimitSeconds: 3,
  });
  const { value } = await withinBound(3_000, () => problemOf(admin.turnOffSecurityDefaults()));
  expect(value).toEqual({ id: 'admin-change-out-of-time', data: { seconds: 3 } });
  // A PATCH may be sent again after a timeout, but not past the change's time.
  expect(changesSeen).toEqual(['PATCH security defaults']);
  expect(proofs).toBe(0);
});
