/**
 * Property-based fuzzing (fast-check) of the wizard's network clients and of the browser
 * shell, against local servers that answer whatever fast-check makes up: printer web pages and
 * IPP answers, SMTP servers, identity (token endpoint) and Graph JSON, and requests and
 * WebSocket frames sent to the browser shell. Oversized, binary, markup-laden, malformed and
 * slow: every call settles within its bound, no crash, values kept are plain bounded text, and
 * no secret (access token, shell token) appears in any reply, event, log line or file.
 * Loopback only. Counts and wall time: artifacts/fuzz-servers.json.
 */
import { readdirSync, readFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWizardHost, type WizardHost } from '../../electron/host';
import { encodeIpp, ippTags } from '../../electron/services/ipp';
import type { SecretStore } from '../../electron/services/keychain';
import { createMailCheckService } from '../../electron/services/mail-check';
import { probePrinter } from '../../electron/services/printer-probe';
import { createNetworkClient } from '../../electron/services/signin/network-client';
import { createTenantCheckService } from '../../electron/services/tenant-checks';
import type { TokenSource } from '../../electron/services/token-source';
import { ProblemError } from '../../electron/common/problem-error';
import { startBrowserShell, type BrowserShell } from '../../electron/shell-browser/server';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { tenantCheckIds } from '../../shared/contract/exchange';
import { FuzzCounter, hostileString, isSafeText, runs, seed, withinBound } from '../support/fuzz';

const counter = new FuzzCounter('servers');
const accessToken = `eyJ0eXAiOiJKV1QifuzzSECRETaccess${Math.random().toString(36).slice(2)}`;
const tokens: TokenSource = {
  getAccessToken: async () => ({
    token: accessToken,
    account: 'scanner@contoso.example',
    expiresOn: null,
  }),
};
const xoauth = Buffer.from(
  `user=scanner@contoso.example\x01auth=Bearer ${accessToken}\x01\x01`,
).toString('base64');

function expectNoSecret(value: unknown, ...secrets: string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of [accessToken, xoauth, ...secrets]) expect(text).not.toContain(secret);
}

/** Every string anywhere inside is plain bounded text. */
function expectAllSafe(value: unknown, limit: number): void {
  if (typeof value === 'string')
    expect(isSafeText(value, limit), JSON.stringify(value).slice(0, 200)).toBe(true);
  else if (Array.isArray(value)) value.forEach((item) => expectAllSafe(item, limit));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((item) => expectAllSafe(item, limit));
}

/** What a fuzzed HTTP server answers. */
const httpAnswer = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 200, 301, 302, 400, 401, 403, 404, 429, 500, 503),
    fc.integer({ min: 100, max: 599 }),
  ),
  contentType: fc.constantFrom(
    'text/html',
    'application/json',
    'application/ipp',
    'application/octet-stream',
    'text/plain; charset=utf-16',
    '',
  ),
  body: fc.oneof(
    hostileString(4_000),
    fc.uint8Array({ maxLength: 4_000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.json({ maxDepth: 4 }),
    fc.integer({ min: 300_000, max: 2_000_000 }).map((size) => '<p>'.repeat(size / 3)),
  ),
  location: fc.option(
    fc.oneof(
      fc.webUrl(),
      fc.constant('https://login-microsoftonline.evil.example/'),
      hostileString(100),
    ),
  ),
  retryAfter: fc.option(
    fc.oneof(
      fc.constantFrom('0', '1', '999999', '-1', 'Wed, 21 Oct 2099 07:28:00 GMT'),
      hostileString(20),
    ),
  ),
  /** 0 = at once; otherwise the answer comes late (past the client's limit) or trickles. */
  delayMs: fc.constantFrom(0, 0, 0, 0, 0, 700),
  trickle: fc.constantFrom(false, false, false, false, true),
});
type HttpAnswer = typeof httpAnswer extends fc.Arbitrary<infer T> ? T : never;

function answer(
  response: http.ServerResponse,
  plan: HttpAnswer,
  body: Buffer | string = plan.body,
): void {
  const headers: http.OutgoingHttpHeaders = {};
  if (plan.contentType) headers['Content-Type'] = plan.contentType;
  if (plan.location !== null) headers['Location'] = encodeURI(plan.location);
  if (plan.retryAfter !== null) headers['Retry-After'] = encodeURI(plan.retryAfter);
  const send = (): void => {
    if (response.destroyed) return;
    try {
      response.writeHead(plan.status, headers);
    } catch {
      response.destroy();
      return;
    }
    if (!plan.trickle) {
      response.end(body);
      return;
    }
    const bytes = Buffer.from(body);
    let at = 0;
    const drip = setInterval(() => {
      if (response.destroyed || at >= bytes.length || at > 2_000) {
        clearInterval(drip);
        response.end();
        return;
      }
      response.write(bytes.subarray(at, at + 50));
      at += 50;
    }, 20);
  };
  if (plan.delayMs > 0) setTimeout(send, plan.delayMs);
  else send();
}

async function listen(server: http.Server | https.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeAll(server: http.Server | https.Server | net.Server): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

let tlsPair: { cert: string; key: string };
beforeAll(async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    days: 2,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  } as never);
  tlsPair = { cert: pems.cert, key: pems.private };
});
afterAll(() => counter.write());

describe('printer web pages and IPP answers', () => {
  let plan: HttpAnswer;
  let ippAttributes: string[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    if (request.method === 'POST' && ippAttributes.length > 0) {
      const ipp = encodeIpp({
        version: '2.0',
        code: 0,
        requestId: 1,
        groups: [
          { tag: ippTags.operationAttributes, attributes: [] },
          {
            tag: ippTags.printerAttributes,
            attributes: [
              'printer-make-and-model',
              'printer-info',
              'printer-location',
              'printer-device-id',
              'printer-firmware-string-version',
              'printer-uuid',
            ].map((name, index) => ({
              name,
              tag: ippTags.textWithoutLanguage,
              values: [(ippAttributes[index % ippAttributes.length] ?? '').slice(0, 20_000)],
            })),
          },
        ],
      });
      answer(response, { ...plan, status: 200, contentType: 'application/ipp' }, ipp);
      return;
    }
    answer(response, plan);
  });
  let port = 0;
  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(() => closeAll(server));

  it('a probe settles within its limit, keeps plain text, and never leaves the printer', async () => {
    await fc.assert(
      fc.asyncProperty(
        httpAnswer,
        fc.array(hostileString(400), { maxLength: 6 }),
        async (next, attributes) => {
          counter.hit('printer-web-and-ipp');
          plan = next;
          ippAttributes = attributes;
          const { value } = await withinBound(500 + 1_000, () =>
            probePrinter(
              { host: '127.0.0.1', webPort: port, ippPort: port },
              { timeoutMs: 500, maxBytes: 64 * 1024 },
            ).then(
              (summary) => ({ summary, error: null }),
              (error: unknown) => ({ summary: null, error }),
            ),
          );
          if (value.summary) {
            const summary = value.summary;
            if (summary.webConfigUrl)
              expect(new URL(summary.webConfigUrl).hostname).toBe('127.0.0.1');
            for (const field of [
              summary.makeAndModel,
              summary.name,
              summary.location,
              summary.firmwareVersion,
              summary.manufacturer,
            ]) {
              expect(isSafeText(field, 200)).toBe(true);
            }
          } else {
            expect(value.error).toBeInstanceOf(ProblemError);
            expect((value.error as ProblemError).problem.id).toMatch(/^printer-/);
            expectAllSafe((value.error as ProblemError).problem.data, 400);
          }
        },
      ),
      { endOnFailure: true, numRuns: runs(40), seed },
    );
  }, 120_000);
});

describe('SMTP servers', () => {
  let script: { greeting: string; ehlo: string; delayMs: number; close: boolean };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const { greeting, ehlo, delayMs, close } = script;
    setTimeout(() => {
      if (socket.destroyed) return;
      socket.write(greeting);
      if (close) socket.end();
    }, delayMs);
    socket.on('data', () => {
      if (!socket.destroyed) socket.write(ehlo);
    });
  });
  let port = 0;
  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await closeAll(server);
  });

  const replyLines = fc.oneof(
    hostileString(3_000).map((text) => `${text}\r\n`),
    fc
      .tuple(fc.integer({ min: 100, max: 599 }), hostileString(400))
      .map(([code, text]) => `${code} ${text}\r\n`),
    fc
      .array(hostileString(200), { maxLength: 30 })
      .map((lines) => lines.map((line) => `250-${line}\r\n`).join('') + '250 AUTH XOAUTH2\r\n'),
    fc.constant(`535 5.7.3 Authentication unsuccessful ${accessToken.slice(0, 6)}\r\n`),
    fc.integer({ min: 100_000, max: 1_000_000 }).map((size) => `220 ${'x'.repeat(size)}\r\n`),
  );

  it('a mail check settles within its time limit with a problem, and keeps no token', async () => {
    const timeLimitMs = 600;
    await fc.assert(
      fc.asyncProperty(
        replyLines,
        replyLines,
        fc.constantFrom(0, 0, 0, 900),
        fc.boolean(),
        async (greeting, ehlo, delayMs, close) => {
          counter.hit('smtp-servers');
          script = { greeting, ehlo, delayMs, close };
          const { value: result } = await withinBound(timeLimitMs + 1_500, () =>
            createMailCheckService({
              tokens,
              profile: async () => ({
                ...cloudProfiles.global,
                smtpHost: '127.0.0.1',
                smtpPort: port,
              }),
              trustedCa: () => tlsPair.cert,
              productName: 'Printer Mail Setup Wizard',
              timeLimitMs,
            }).run({ sendTest: false }),
          );
          expect(result.passed).toBe(false);
          expect(result.problem?.id).toMatch(/^smtp-/);
          expectNoSecret(result);
          expectAllSafe(result.problem?.data, 400);
          expect(result.transcript.split('\n').length).toBeLessThanOrEqual(202);
        },
      ),
      { endOnFailure: true, numRuns: runs(30), seed },
    );
  }, 120_000);
});

describe('identity (token endpoint) and Graph JSON', () => {
  let plan: HttpAnswer;
  let graphBody: unknown = null;
  const server = https.createServer({ key: '', cert: '' });
  let origin = '';
  beforeAll(async () => {
    server.setSecureContext({ key: tlsPair.key, cert: tlsPair.cert });
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      request.resume();
      if (graphBody !== null && request.url?.startsWith('/v1.0/')) {
        answer(response, { ...plan, contentType: 'application/json' }, JSON.stringify(graphBody));
        return;
      }
      answer(response, plan);
    });
    origin = `https://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => closeAll(server));

  const oauthBody = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc
      .record(
        {
          error: fc.oneof(
            fc.constantFrom('invalid_grant', 'authorization_pending', 'slow_down', 'expired_token'),
            hostileString(2_000),
          ),
          error_description: hostileString(5_000),
          error_codes: fc.array(fc.oneof(fc.integer(), fc.string() as fc.Arbitrary<unknown>), {
            maxLength: 5,
          }),
          correlation_id: fc.oneof(fc.uuid(), hostileString(500)) as fc.Arbitrary<unknown>,
          access_token: fc.constant(accessToken),
        },
        { requiredKeys: [] },
      )
      .map((record) => JSON.stringify(record)),
  );

  it('the token endpoint client settles within its limit and keeps bounded error records', async () => {
    await fc.assert(
      fc.asyncProperty(httpAnswer, fc.option(oauthBody), async (next, body) => {
        counter.hit('identity-json');
        plan = body === null ? next : { ...next, body };
        graphBody = null;
        const client = createNetworkClient({
          trustedOrigins: [origin],
          ca: tlsPair.cert,
          timeoutMs: 400,
          maxBodyBytes: 64 * 1024,
          // A 429/5xx or a slow answer is tried once more at once (the real client waits
          // Retry-After; the ride-out has its own tests), so the bound is two tries.
          rideOut: { attempts: 2, maxWaitSeconds: 30, maxBackoffSeconds: 8, sleep: async () => {} },
        });
        await withinBound(2 * 400 + 1_000, () =>
          client
            .sendPostRequestAsync(`${origin}/common/oauth2/v2.0/token`, {
              body: 'grant_type=device_code',
              headers: {},
            })
            .then(
              () => undefined,
              (error: unknown) => expect(error).toBeInstanceOf(Error),
            ),
        );
        const record = client.lastOAuthError();
        if (record) {
          expect(record.error.length).toBeLessThanOrEqual(80);
          expect(record.description.length).toBeLessThanOrEqual(400);
          expect((record.correlationId ?? '').length).toBeLessThanOrEqual(64);
          expectNoSecret(record);
        }
      }),
      { endOnFailure: true, numRuns: runs(40), seed },
    );
  }, 120_000);

  const graphJson = fc.oneof(
    fc.json({ maxDepth: 4 }).map((text) => JSON.parse(text) as unknown),
    fc.record({
      isEnabled: fc.oneof(fc.boolean(), hostileString(20) as fc.Arbitrary<unknown>),
      value: fc.array(
        fc.record(
          {
            displayName: hostileString(500),
            state: fc.oneof(
              fc.constantFrom('enabled', 'disabled', 'enabledForReportingButNotEnforced'),
              hostileString(50),
            ),
            id: fc.oneof(fc.uuid(), hostileString(100)),
            roleTemplateId: fc.constantFrom('62e90394-69f5-4237-9190-012177145e10', 'x'),
            '@odata.type': fc.constantFrom(
              '#microsoft.graph.directoryRole',
              '#microsoft.graph.group',
              '<b>',
            ),
            consentType: fc.constantFrom('AllPrincipals', 'Principal'),
            scope: hostileString(200),
            policies: fc.array(
              fc.record({ displayName: hostileString(300), result: hostileString(20) }),
              { maxLength: 4 },
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 20 },
      ),
      '@odata.nextLink': fc.option(fc.oneof(fc.webUrl(), fc.constant('https://evil.example/next'))),
    }),
  );

  it('the Graph checks settle, keep plain bounded facts and never show the token', async () => {
    await fc.assert(
      fc.asyncProperty(httpAnswer, graphJson, async (next, body) => {
        counter.hit('graph-json');
        plan = next;
        graphBody = body;
        const service = createTenantCheckService({
          tokens,
          profile: async () => ({ ...cloudProfiles.global, graphBaseUrl: `${origin}/v1.0` }),
          personal: async () => false,
          trustedCa: () => tlsPair.cert,
          requestTimeoutMs: 400,
          maxRetryAfterSeconds: 0,
          sleep: async () => undefined,
        });
        const { value: results } = await withinBound(3 * 1_500, () => service.run(tenantCheckIds));
        expect(results.map((result) => result.check).sort()).toEqual([...tenantCheckIds].sort());
        expectNoSecret(results);
        for (const result of results) {
          expectAllSafe(result.facts, 300);
          expectAllSafe(result.problem?.data, 400);
        }
      }),
      { endOnFailure: true, numRuns: runs(25), seed },
    );
  }, 180_000);
});

describe('the browser shell: requests and WebSocket frames', () => {
  const memoryStore: SecretStore = {
    backend: 'memory',
    get: async () => null,
    set: async () => {},
    delete: async () => true,
  };
  const logLines: string[] = [];
  let host: WizardHost;
  let shell: BrowserShell;
  let port = 0;
  let configDir = '';
  beforeAll(async () => {
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-static-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    configDir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-config-'));
    host = await createWizardHost({
      shell: 'browser',
      practice: false,
      version: '1.0.0',
      configDir,
      openExternal: async () => 'page',
      secretStore: memoryStore,
      // Nothing here browses; should anything try, it stays on loopback.
      env: { WIZARD_DISCOVERY_INTERFACES: '127.0.0.1' },
      log: (line) => logLines.push(line),
    });
    shell = await startBrowserShell({ host, staticDir, port: 0 });
    port = Number(new URL(shell.origin).port);
  });
  afterAll(async () => {
    await shell?.close();
    await host?.close();
  });

  /** Sends raw bytes and reads the whole answer (or nothing, if the server hangs up). */
  function rawExchange(bytes: Buffer): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('error', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.on('connect', () => socket.end(bytes));
    });
  }

  // Methods that touch no network (discovery, sign-in, mail and Graph checks are left out).
  const quietMethods = [
    'getAppInfo',
    'getProgress',
    'setPracticeProgress',
    'openExternal',
    'choosePrinters',
    'buildSetupReport',
    'getPracticeSettings',
  ];
  const request = fc.record({
    verb: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'BREW', 'get'),
    path: fc.oneof(
      fc.constantFrom(...quietMethods).map((method) => `/api/${method}`),
      hostileString(300).map((text) => `/api/${encodeURIComponent(text)}`),
      hostileString(300).map((text) => `/${text.replace(/[\s]/g, '')}`),
      fc.constantFrom(
        '/',
        '/index.html',
        '/.//evil.example/',
        '//evil.example/',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/api/%E0%A4%A',
        '/events',
      ),
    ),
    query: fc.option(
      fc.oneof(
        fc.constant('token=wrong'),
        fc.constant('token='),
        hostileString(100).map((text) => `token=${encodeURIComponent(text)}`),
      ),
    ),
    auth: fc.constantFrom('right', 'wrong', 'none', 'cookie', 'malformed'),
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'multipart/form-data',
      '',
    ),
    body: fc.oneof(
      fc.json({ maxDepth: 4 }),
      hostileString(3_000),
      fc.uint8Array({ maxLength: 3_000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.integer({ min: 65_000, max: 200_000 }).map((size) => `{"x":"${'a'.repeat(size)}"}`),
    ),
    extraHeader: fc.option(
      fc.constantFrom(
        'Transfer-Encoding: chunked',
        'Expect: 100-continue',
        'Content-Length: -1',
        'Host: evil.example',
        'Origin: http://evil.example',
      ),
    ),
  });

  it('answers every request without a 500, refuses the API without the token, and never shows it', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (plan) => {
        counter.hit('browser-shell-requests');
        const authorization = {
          right: `Authorization: Bearer ${shell.token}\r\n`,
          wrong: 'Authorization: Bearer wrong\r\n',
          none: '',
          cookie: `Cookie: wizard_token_${port}=${shell.token}\r\n`,
          malformed: `Authorization: Basic ${shell.token}\r\n`,
        }[plan.auth];
        const body = Buffer.from(plan.body, 'latin1');
        const target = plan.query === null ? plan.path : `${plan.path}?${plan.query}`;
        const head =
          `${plan.verb} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${authorization}` +
          (plan.contentType ? `Content-Type: ${plan.contentType}\r\n` : '') +
          (plan.extraHeader ? `${plan.extraHeader}\r\n` : '') +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
        const { value: reply } = await withinBound(5_000, () =>
          rawExchange(Buffer.concat([Buffer.from(head, 'latin1'), body])),
        );
        // The final answer (after any 100 Continue).
        const statuses = [...reply.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) =>
          Number(match[1]),
        );
        const status = statuses.filter((code) => code >= 200).at(0) ?? 0;
        expect(status).not.toBe(500);
        expectNoSecret(reply, shell.token);
        // Without the token, no API call ever succeeds (a refusal may also come from HTTP itself).
        if (plan.auth !== 'right' && plan.path.startsWith('/api/')) {
          expect(status >= 200 && status < 300).toBe(false);
          expect(reply).not.toContain('"ok":true');
        }
      }),
      { endOnFailure: true, numRuns: runs(300), seed },
    );
    // Still serving, and nothing secret reached a log line or a file.
    const info = await fetch(`${shell.origin}/api/getAppInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shell.token}` },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expectNoSecret(logLines.join('\n'), shell.token);
    for (const file of readdirSync(configDir, { recursive: true }) as string[]) {
      const full = path.join(configDir, file);
      try {
        expectNoSecret(readFileSync(full, 'utf8'), shell.token);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
  }, 180_000);

  it('closes the event socket on any frame a page sends, and keeps serving', async () => {
    const events: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString(2_000).map((text) => ({ data: text as string | Buffer, binary: false })),
          fc
            .uint8Array({ maxLength: 4_000 })
            .map((bytes) => ({ data: Buffer.from(bytes) as string | Buffer, binary: true })),
        ),
        async (frame) => {
          counter.hit('browser-shell-websocket-frames');
          const socket = new WebSocket(
            `ws://127.0.0.1:${port}/events`,
            ['wizard-events', `wizard-token.${shell.token}`],
            {
              headers: { Origin: shell.origin },
            },
          );
          socket.on('message', (data) => events.push(String(data)));
          const { value: code } = await withinBound(3_000, async () => {
            await new Promise<void>((resolve, reject) => {
              socket.once('open', () => resolve());
              socket.once('error', reject);
            });
            const closed = new Promise<number>((resolve) =>
              socket.once('close', (closeCode) => resolve(closeCode)),
            );
            socket.on('error', () => undefined);
            socket.send(frame.data, { binary: frame.binary });
            return closed;
          });
          expect([1008, 1009]).toContain(code);
        },
      ),
      { endOnFailure: true, numRuns: runs(60), seed },
    );
    expectNoSecret(events.join('\n'), shell.token);
    expect((await fetch(`${shell.origin}/`)).status).toBe(200);
  }, 120_000);
});
