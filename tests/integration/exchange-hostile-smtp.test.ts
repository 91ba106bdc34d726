/**
 * Servers that are not Exchange: garbage greeting, silence, a dropped connection, no
 * STARTTLS, a wrong certificate. Each ends in a clear problem within the time limit, and the
 * wizard never sends AUTH without TLS.
 */
import net, { type AddressInfo, type Server } from 'node:net';
import selfsigned from 'selfsigned';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createMailCheckService } from '../../electron/services/mail-check';
import { createPracticeTokenAuthority } from '../../electron/simulator/practice-tokens';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { createPracticeTokenSource } from '../support/practice-token-source';
import { wordsFor } from '../support/exchange-harness';

const tokens = createPracticeTokenSource(createPracticeTokenAuthority());
const servers: { close(callback: () => void): void }[] = [];
let trusted: { cert: string; key: string };
let stranger: { cert: string; key: string };
let wrongName: { cert: string; key: string };

async function certificate(names: { dns?: string; ip?: string }[]) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: names[0]?.dns ?? 'x' }], {
    keyType: 'ec',
    curve: 'P-256',
    days: 2,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) =>
          name.dns ? { type: 2, value: name.dns } : { type: 7, ip: name.ip },
        ),
      },
    ],
  } as never);
  return { cert: pems.cert, key: pems.private };
}

beforeAll(async () => {
  trusted = await certificate([{ dns: 'localhost' }, { ip: '127.0.0.1' }]);
  stranger = await certificate([{ dns: 'localhost' }, { ip: '127.0.0.1' }]);
  wrongName = await certificate([{ dns: 'mail.example.org' }]);
});
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise<void>((r) => server.close(() => r()))),
  );
});
afterAll(() => undefined);

function check(port: number, timeLimitMs = 3000, ca = trusted.cert) {
  return createMailCheckService({
    tokens,
    profile: async () => ({ ...cloudProfiles.global, smtpHost: '127.0.0.1', smtpPort: port }),
    trustedCa: () => ca,
    productName: 'Printer Mail Setup Wizard',
    timeLimitMs,
  }).run({ sendTest: false });
}

async function rawServer(onSocket: (socket: net.Socket) => void): Promise<number> {
  const server: Server = net.createServer(onSocket);
  servers.push({
    close: (done) => {
      server.close(() => done());
      // Leave no hung socket behind.
      setImmediate(() => server.emit('close'));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function smtpServer(options: ConstructorParameters<typeof SMTPServer>[0]): Promise<number> {
  const server = new SMTPServer({ logger: false, ...options });
  server.on('error', () => undefined);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.server.address() as AddressInfo).port;
}

test('a server that greets with garbage', async () => {
  const port = await rawServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
  });
  const started = Date.now();
  const result = await check(port);
  expect(Date.now() - started).toBeLessThan(4000);
  expect(result.problem?.id).toBe('smtp-bad-greeting');
  const words = await wordsFor(result.problem);
  expect(words.title).not.toBe('');
});

test('a server that never says anything: stopped at the time limit (default 15 s)', async () => {
  const sockets: net.Socket[] = [];
  const port = await rawServer((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
  const started = Date.now();
  const result = await createMailCheckService({
    tokens,
    profile: async () => ({ ...cloudProfiles.global, smtpHost: '127.0.0.1', smtpPort: port }),
    trustedCa: () => trusted.cert,
    productName: 'Printer Mail Setup Wizard',
  }).run({ sendTest: false });
  const elapsed = Date.now() - started;
  sockets.forEach((socket) => socket.destroy());
  expect(elapsed).toBeLessThanOrEqual(15_500);
  expect(result.problem?.id).toBe('smtp-timeout');
  expect((await wordsFor(result.problem)).fix).toMatch(/15 seconds/);
}, 20_000);

test('a server that drops the connection mid-conversation', async () => {
  const port = await rawServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('220 mail.example.org ESMTP ready\r\n');
    socket.on('data', (data) => {
      if (/^EHLO/i.test(data.toString())) {
        socket.write('250-mail.example.org\r\n250-STARTTLS\r\n250 AUTH XOAUTH2\r\n');
      } else {
        socket.destroy();
      }
    });
  });
  const result = await check(port);
  expect(result.problem?.id).toBe('smtp-connection-dropped');
  expect(result.transcript).toMatch(/C: STARTTLS/);
});

test('a server without STARTTLS: refused, and AUTH is never sent in plain text', async () => {
  let authSeen = false;
  const port = await smtpServer({
    secure: false,
    key: trusted.key,
    cert: trusted.cert,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['XOAUTH2', 'PLAIN', 'LOGIN'],
    onAuth(_auth, _session, callback) {
      authSeen = true;
      callback(null, { user: 'x' });
    },
  });
  const result = await check(port);
  expect(result.problem?.id).toBe('smtp-no-starttls');
  expect(authSeen).toBe(false);
  expect(result.transcript).not.toMatch(/C: AUTH/);
  expect((await wordsFor(result.problem)).fix).toMatch(/never signs in without encryption/);
});

test('a server with a certificate nobody trusts', async () => {
  let authSeen = false;
  const port = await smtpServer({
    secure: false,
    key: stranger.key,
    cert: stranger.cert,
    authMethods: ['XOAUTH2'],
    onAuth(_auth, _session, callback) {
      authSeen = true;
      callback(null, { user: 'x' });
    },
  });
  const result = await check(port);
  expect(result.problem?.id).toBe('smtp-certificate');
  expect(String(result.problem?.data?.['reason'])).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  expect(authSeen).toBe(false);
});

test('a trusted certificate for another name', async () => {
  const port = await smtpServer({
    secure: false,
    key: wrongName.key,
    cert: wrongName.cert,
    authMethods: ['XOAUTH2'],
  });
  const result = await check(port, 3000, wrongName.cert);
  expect(result.problem?.id).toBe('smtp-certificate');
  expect(result.problem?.data?.['reason']).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
});

test('nothing listening (port blocked): refused quickly', async () => {
  const port = await rawServer(() => undefined);
  await new Promise<void>((resolve) => servers.pop()?.close(resolve));
  const result = await check(port);
  expect(result.problem?.id).toBe('smtp-port-blocked');
});
