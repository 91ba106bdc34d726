/**
 * The test-message watcher against the practice Graph over real HTTPS: the practice Exchange
 * takes the printer's message over SMTP (STARTTLS, XOAUTH2) and files it in the practice
 * mailbox, which the practice Graph serves at /me/messages with Graph's permission model.
 * Covers paging, the time window, 429 with Retry-After, a permission not granted or declined
 * (and granted later by incremental consent), and the stop after the limit (a clock the test
 * moves, never a timed assertion).
 */
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import selfsigned from 'selfsigned';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cloudProfiles, graphScope, type CloudProfile } from '../../shared/cloud-profiles';
import type { TestWatches } from '../../shared/contract/delivery';
import { ProblemError } from '../../electron/common/problem-error';
import {
  createTestMailWatcher,
  receivedSinceFilter,
  watchLimitMs,
  type TestMailWatcherOptions,
} from '../../electron/services/delivery/test-mail-watcher';
import type { TokenSource } from '../../electron/services/token-source';
import {
  createPracticeExchange,
  type PracticeExchange,
} from '../../electron/simulator/practice-exchange';
import {
  createPracticeMailbox,
  practiceMailboxPartName,
  type PracticeMailbox,
} from '../../electron/simulator/practice-mailbox';
import {
  createPracticeTenant,
  practiceAccounts,
  practiceClientIds,
  practiceTenantId,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { createPracticeTokenSource } from '../support/practice-token-source';
import {
  approveOnPage,
  signInInBrowser,
  startSignInRig,
  type SignInRig,
} from '../support/practice-signin';

const printer = 'scanner@contoso.example';
let world: PracticeWorld | null = null;
let rig: SignInRig | null = null;

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await world?.stop();
  await rig?.stop();
  world = null;
  rig = null;
});

async function startWorld(lateMs = 200): Promise<{
  world: PracticeWorld;
  mailbox: PracticeMailbox;
  exchange: PracticeExchange;
  profile: CloudProfile;
}> {
  world = await startPracticeWorld({
    parts: [
      () => createPracticeTenant({ interval: 0.1 }),
      createPracticeExchange,
      () => createPracticeMailbox({ lateMs }),
    ],
    // SMTP AUTH turned on, as the Prepare step has the person do.
    initial: { smtpAuthOrganization: 'on' },
  });
  const mailbox = world.part<PracticeMailbox>(practiceMailboxPartName);
  const exchange = world.part<PracticeExchange>('exchange');
  if (!mailbox || !exchange) throw new Error('practice parts missing');
  return {
    world,
    mailbox,
    exchange,
    profile: { ...cloudProfiles.global, ...world.cloudProfile() } as CloudProfile,
  };
}

/** Sends as the printer does: XOAUTH2 over STARTTLS with a token for `account`. */
async function sendAs(
  running: PracticeWorld,
  profile: CloudProfile,
  account: string,
  to: string,
  subject: string,
): Promise<void> {
  const known = practiceAccounts.find((candidate) => candidate.upn === account);
  if (!known) throw new Error(account);
  const token = running.tokens.issue({
    aud: 'https://outlook.office.com',
    scp: 'SMTP.Send',
    upn: account,
    oid: known.oid,
    tid: practiceTenantId,
    appid: practiceClientIds.printer,
  });
  const transport = nodemailer.createTransport({
    host: profile.smtpHost,
    port: profile.smtpPort,
    secure: false,
    requireTLS: true,
    tls: { ca: [running.certificate.cert] },
    auth: { type: 'OAuth2', user: account, accessToken: token },
  });
  try {
    await transport.sendMail({ from: account, to, subject, text: 'Scanned document.' });
  } finally {
    transport.close();
  }
}

function watcherFor(
  running: PracticeWorld,
  profile: CloudProfile,
  tokens: TokenSource,
  extra: Partial<TestMailWatcherOptions> = {},
) {
  const seen: TestWatches[] = [];
  const watcher = createTestMailWatcher({
    tokens,
    profile: async () => profile,
    trustedCa: () => running.certificate.cert,
    onChange: (watches) => seen.push(watches),
    pollMs: 20,
    ...extra,
  });
  return { watcher, seen };
}

describe('test-message watcher against the practice Graph', () => {
  test('the printer’s message arrives: sender, subject and time only, since the start', async () => {
    const { world: running, mailbox, profile } = await startWorld();
    // Mail from before the watch, even from the printer, is not this test.
    mailbox.file({
      from: printer,
      to: [printer],
      subject: 'Old scan',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const { watcher } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
    );
    const started = await watcher.start({ printerId: 'epson-1', expectedSender: printer });
    expect(started.outcome.state).toBe('watching');
    expect(started.mailbox).toBe(printer);
    await sendAs(running, profile, printer, printer, `Printer test ${started.code}`);
    await watcher.settled();
    const watch = watcher.list()['epson-1'];
    expect(watch?.outcome).toMatchObject({
      state: 'arrived',
      message: { from: printer, subject: `Printer test ${started.code}` },
    });
    expect(watch?.graphCalls).toBeGreaterThanOrEqual(1);
    const asked = new URL(mailbox.requests[0]?.url ?? '');
    expect(asked.pathname).toBe('/graph/v1.0/me/messages');
    expect(asked.searchParams.get('$select')).toBe('from,subject,receivedDateTime');
    expect(asked.searchParams.get('$filter')).toBe(
      receivedSinceFilter(new Date(started.startedAt)),
    );
  });

  test('forget: a replaced journey starts without the watches of the one before', async () => {
    const { world: running, profile } = await startWorld();
    const { watcher, seen } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
    );
    await watcher.start({ printerId: 'brother-1', expectedSender: printer });
    expect(Object.keys(watcher.list())).toEqual(['brother-1']);
    watcher.forget();
    await watcher.settled();
    expect(watcher.list()).toEqual({});
    // Told, so the board no longer counts a message watched for before.
    expect(seen.at(-1)).toEqual({});
  });

  test('follows @odata.nextLink to a message three pages down', async () => {
    const { world: running, mailbox, profile, exchange } = await startWorld();
    // The printer's message first (oldest), then 60 newer ones from colleagues on top of it.
    const sent = new Promise<void>((resolve) => exchange.onDelivered(() => resolve()));
    await sendAs(running, profile, printer, printer, 'Scan 1');
    await sent;
    for (let index = 0; index < 60; index += 1) {
      mailbox.file({ from: 'megan@contoso.example', to: [printer], subject: `Lunch ${index}` });
    }
    // Started a moment "before" the send, as when the person pressed Start first.
    let clock = Date.parse(mailbox.messages()[0]?.receivedAt ?? '') - 500;
    const clocked = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
      {
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
      },
    );
    await clocked.watcher.start({ printerId: 'p', expectedSender: printer });
    await clocked.watcher.settled();
    const watch = clocked.watcher.list()['p'];
    expect(watch?.outcome).toMatchObject({ state: 'arrived', message: { from: printer } });
    // 61 messages, 25 a page: three pages, three calls, the later ones by nextLink ($skip).
    expect(watch?.graphCalls).toBe(3);
    expect(
      mailbox.requests.map((request) => new URL(request.url).searchParams.get('$skip')),
    ).toEqual([null, '25', '50']);
  });

  test('429: waits the Retry-After Graph asks for, then goes on', async () => {
    const { world: running, profile } = await startWorld();
    running.set('graph', 'throttled-once');
    const waits: number[] = [];
    const { watcher } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
      {
        sleep: async (ms) => void waits.push(ms),
      },
    );
    const started = await watcher.start({ printerId: 'p', expectedSender: printer });
    await sendAs(running, profile, printer, printer, `Test ${started.code}`);
    await watcher.settled();
    expect(waits[0]).toBe(1000);
    const watch = watcher.list()['p'];
    expect(watch?.outcome.state).toBe('arrived');
    // The throttled call counts.
    expect(watch?.graphCalls).toBeGreaterThanOrEqual(2);
  });

  test('a message with the code from another address is named a wrong sender', async () => {
    const { world: running, profile } = await startWorld();
    const { watcher } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
    );
    const started = await watcher.start({ printerId: 'p', expectedSender: printer });
    await sendAs(
      running,
      profile,
      'megan@contoso.example',
      printer,
      `Printer test ${started.code}`,
    );
    await watcher.settled();
    expect(watcher.list()['p']?.outcome).toMatchObject({
      state: 'wrong-sender',
      message: { from: 'megan@contoso.example' },
    });
  });

  test('arrives late: the inbox gets it after a delay, the watch keeps looking', async () => {
    const { world: running, profile, mailbox } = await startWorld(400);
    running.set('testMessage', 'arrives-late');
    const { watcher } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
    );
    await watcher.start({ printerId: 'p', expectedSender: printer });
    await sendAs(running, profile, printer, printer, 'Scan');
    await watcher.settled();
    expect(watcher.list()['p']?.outcome.state).toBe('arrived');
    // It polled while the message was on its way, and saw nothing then.
    expect(mailbox.requests.length).toBeGreaterThan(1);
  });

  test('without Mail.ReadBasic: the watch asks for the permission, Graph says 403', async () => {
    const { world: running, profile, mailbox } = await startWorld();
    // The token lacks the permission (as an older consent): Graph refuses, the wizard asks.
    const noMail = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer, { dropScopes: ['Mail.ReadBasic'] }),
    );
    await noMail.watcher.start({ printerId: 'p', expectedSender: printer });
    await noMail.watcher.settled();
    expect(mailbox.requests.at(-1)?.status).toBe(403);
    expect(noMail.watcher.list()['p']?.outcome.state).toBe('needs-permission');

    // The person declined the permission: no Graph call at all, the wizard works on.
    const before = mailbox.requests.length;
    const declined: TokenSource = {
      async getAccessToken(scopes) {
        if (scopes.some((scope) => scope.endsWith('/Mail.ReadBasic'))) {
          throw new ProblemError('signin-consent-declined', { code: '65004', correlationId: '-' });
        }
        return createPracticeTokenSource(running.tokens, printer).getAccessToken(scopes);
      },
    };
    const asked = watcherFor(running, profile, declined);
    const started = await asked.watcher.start({ printerId: 'p', expectedSender: printer });
    expect(started.outcome.state).toBe('needs-permission');
    expect(mailbox.requests.length).toBe(before);
    expect(asked.watcher.confirm('p', true).outcome).toEqual({
      state: 'seen-by-person',
      arrived: true,
    });
  });

  test('stops by itself after ten minutes: nothing arrived', async () => {
    const { world: running, profile, mailbox } = await startWorld();
    running.set('testMessage', 'never-arrives');
    let clock = Date.now();
    const { watcher } = watcherFor(
      running,
      profile,
      createPracticeTokenSource(running.tokens, printer),
      {
        now: () => clock,
        // Waiting moves the test's clock instead of the wall clock.
        sleep: async (ms) => void (clock += ms),
        pollMs: 5000,
      },
    );
    const started = await watcher.start({ printerId: 'p', expectedSender: printer });
    await sendAs(running, profile, printer, printer, `Test ${started.code}`);
    await watcher.settled();
    const watch = watcher.list()['p'];
    expect(watch?.outcome).toEqual({ state: 'nothing-arrived', minutes: 10 });
    expect(Date.parse(watch?.endsAt ?? '') - Date.parse(watch?.startedAt ?? '')).toBe(watchLimitMs);
    // Exchange took it (quarantined), the inbox never showed it; one call per poll.
    expect(mailbox.messages()[0]?.quarantined).toBe(true);
    expect(watch?.graphCalls).toBe(watchLimitMs / 5000 + 1);
  });
});

describe('a Graph that misbehaves', () => {
  /** An HTTPS "Graph" on loopback that sends headers, then one byte every 100 ms, forever. */
  async function tricklingGraph(): Promise<{
    profile: CloudProfile;
    cert: string;
    requests: () => number;
  }> {
    const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      days: 1,
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    } as never);
    let requests = 0;
    const server = https.createServer(
      { cert: pems.cert, key: pems.private },
      (_request, response) => {
        requests += 1;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const drip = setInterval(() => response.write(' '), 100);
        response.on('close', () => clearInterval(drip));
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    return {
      profile: { ...cloudProfiles.global, graphBaseUrl: `https://127.0.0.1:${port}/v1.0` },
      cert: pems.cert,
      requests: () => requests,
    };
  }
  const tokens: TokenSource = {
    getAccessToken: async () => ({ token: 'eyJ0.practice', account: printer, expiresOn: null }),
  };

  /** A watcher on that Graph, trusting its CA, with the given limit for one call. */
  const watcherOn = (graph: { profile: CloudProfile; cert: string }, requestTimeoutMs: number) =>
    createTestMailWatcher({
      tokens,
      profile: async () => graph.profile,
      trustedCa: () => graph.cert,
      onChange: () => undefined,
      requestTimeoutMs,
    });

  // Each byte comes within the socket's silence limit: only a total deadline ends the call
  // (without one, `settled()` waits for the watch's ten minutes and the test times out).
  test('an answer that trickles is cut off at the total deadline, and named', async () => {
    const graph = await tricklingGraph();
    const watcher = watcherOn(graph, 600);
    await watcher.start({ printerId: 'p', expectedSender: printer });
    await watcher.settled();
    expect(graph.requests()).toBe(1);
    expect(watcher.list()['p']?.outcome).toMatchObject({
      state: 'failed',
      problemId: 'graph-unreachable',
    });
  });

  // With a minute's limit, only the abort ends the call before the test's own time runs out.
  test('stopping the watch ends the call in flight at once', async () => {
    const graph = await tricklingGraph();
    const watcher = watcherOn(graph, 60_000);
    await watcher.start({ printerId: 'p', expectedSender: printer });
    await vi.waitFor(() => expect(graph.requests()).toBe(1));
    expect(watcher.stop('p').outcome).toEqual({ state: 'stopped' });
    await watcher.settled();
    expect(watcher.list()['p']?.outcome).toEqual({ state: 'stopped' });
  });
});

describe('incremental consent for Mail.ReadBasic with the real sign-in', () => {
  test('asked only when the watch starts; declined, then granted in the browser', async () => {
    rig = await startSignInRig({
      configDir: mkdtempSync(path.join(os.tmpdir(), 'delivery-')),
      moreParts: [createPracticeExchange, () => createPracticeMailbox()],
      initial: { smtpAuthOrganization: 'on' },
    });
    const signingIn = await rig.service.start();
    await approveOnPage(rig.tenant.pageOrigin, signingIn.prompt?.userCode ?? '', {
      account: 'admin@contoso.example',
    });
    await rig.waitFor((status) => status.phase === 'signed-in');
    const profile = { ...cloudProfiles.global, ...rig.world.cloudProfile() } as CloudProfile;
    const { watcher } = watcherFor(rig.world, profile, rig.service);

    // The first sign-in did not include the mail permission: the watch asks for it.
    const first = await watcher.start({ printerId: 'p', expectedSender: null });
    expect(first.outcome.state).toBe('needs-permission');
    expect(first.mailbox).toBe('admin@contoso.example');

    // The person declines on Microsoft's consent page.
    const declined = await rig.service.startBrowserSignIn(
      async () => 'page',
      (profile) => [graphScope(profile, 'Mail.ReadBasic')],
    );
    expect(new URL(declined.url).searchParams.get('scope')).toContain('Mail.ReadBasic');
    await signInInBrowser(declined.url, { decline: true });
    const refused = await rig.waitFor((status) => !!status.problem);
    expect(refused.problem?.id).toBe('signin-consent-declined');
    expect((await watcher.start({ printerId: 'p', expectedSender: null })).outcome.state).toBe(
      'needs-permission',
    );

    // Asked again and accepted: the watch runs on the signed-in mailbox.
    const granted = await rig.service.startBrowserSignIn(
      async () => 'page',
      (profile) => [graphScope(profile, 'Mail.ReadBasic')],
    );
    await signInInBrowser(granted.url);
    await rig.waitFor((status) => status.phase === 'signed-in' && !status.problem);
    const watching = await watcher.start({ printerId: 'p', expectedSender: null });
    expect(watching.outcome.state).toBe('watching');
    await sendAs(rig.world, profile, 'admin@contoso.example', 'admin@contoso.example', 'Scan');
    await watcher.settled();
    expect(watcher.list()['p']?.outcome).toMatchObject({
      state: 'arrived',
      message: { from: 'admin@contoso.example' },
    });
  });
});
