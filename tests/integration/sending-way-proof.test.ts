/**
 * "Prove this way" (electron/services/sending-way-proof.ts) against loopback servers: the
 * practice DNS, MX and High Volume Email of the practice world, a port that takes the
 * connection and never speaks, a server that talks nonsense, a closed port. Each ends in a
 * clear problem within its limit, and the HVE password is never in what comes back.
 */
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createWayProofService } from '../../electron/services/sending-way-proof';
import { createPracticeExchange } from '../../electron/simulator/practice-exchange';
import { createPracticeMx } from '../../electron/simulator/practice-mx';
import { createPracticeTenant } from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';
import type { WayProofRequest } from '../../shared/contract/ways';
import { defaultPracticeSettings } from '../../shared/practice';

let world: PracticeWorld;
const extra: net.Server[] = [];
const held: net.Socket[] = [];

async function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    held.push(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  extra.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  world = await startPracticeWorld({
    parts: [() => createPracticeTenant(), createPracticeExchange, createPracticeMx],
  });
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await Promise.all(extra.map((server) => new Promise((resolve) => server.close(resolve))));
  await world.stop();
});

beforeEach(() => {
  const defaults = defaultPracticeSettings();
  world.set('mx', defaults.mx);
  world.set('port25', defaults.port25);
  world.set('directSend', defaults.directSend);
  world.set('connector', defaults.connector);
  world.set('hveAccount', defaults.hveAccount);
  world.set('passwordLogin', defaults.passwordLogin);
  world.set('smtpAuthOrganization', defaults.smtpAuthOrganization);
});

function service(overrides: Partial<CloudProfile> = {}, stepLimitMs = 10_000) {
  return createWayProofService({
    profile: async () => ({ ...cloudProfiles.global, ...world.cloudProfile(), ...overrides }),
    trustedCa: () => world.certificate.cert,
    overridden: () => ({ mxHost: true, hveHost: true, smtpHost: true }),
    productName: 'Printer Mail Setup Wizard',
    watchCode: () => 'K7Q2',
    stepLimitMs,
  });
}

const directSend: WayProofRequest = {
  printerId: 'uuid:practice',
  way: 'direct-send',
  sender: 'scanner@contoso.example',
  recipient: 'megan@contoso.example',
};

const stepStates = (steps: { id: string; state: string }[]) =>
  Object.fromEntries(steps.map((step) => [step.id, step.state]));

describe('direct send and a connector through the practice MX', () => {
  test('proves direct send: MX at Exchange Online, port, address from EHLO, SPF, message', async () => {
    const result = await service().run(directSend);
    expect(stepStates(result.steps)).toEqual({
      mx: 'passed',
      port: 'passed',
      address: 'passed',
      spf: 'passed',
      message: 'passed',
    });
    expect(result.mxHost).toBe('contoso-example.mail.protection.outlook.com');
    expect(result.publicAddress).toBe('127.0.0.1');
    expect(result.passed).toBe(true);
    expect(result.testMessage?.subject).toContain('K7Q2');
    const filed = world
      .part<ReturnType<typeof createPracticeExchange>>('exchange')
      ?.messages()
      .at(-1);
    expect(filed?.to).toEqual(['megan@contoso.example']);
    expect(filed?.subject).toContain('K7Q2');
  });

  test('direct send rejected by the organization is 550 5.7.68, one problem', async () => {
    world.set('directSend', 'rejected');
    world.set('connector', 'no-connector');
    const result = await service().run(directSend);
    expect(result.passed).toBe(false);
    expect(result.problem?.id).toBe('smtp-direct-send-rejected');
    expect(String(result.problem?.data?.['reply'])).toMatch(
      /^550 5\.7\.68 TenantInboundAttribution/,
    );
  });

  test('the practice admin center turns direct send off and the connector away, as an administrator would', async () => {
    const page = new URL(
      '/exchange/mail-flow',
      world.cloudProfile().adminPages?.exchangeSettings ?? '',
    ).toString();
    const html = await (await fetch(page)).text();
    expect(html).toContain('Reject direct send (RejectDirectSend)');
    const token = /name="token" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
    const saved = await fetch(new URL('/set', page), {
      method: 'POST',
      // Unticked boxes are not sent: reject direct send, no connector, HVE account kept.
      body: new URLSearchParams({
        token,
        setting: 'mail-flow',
        back: '/exchange/mail-flow',
        rejectDirectSend: 'on',
        hveAccount: 'on',
      }),
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    expect(world.settings()).toMatchObject({
      directSend: 'rejected',
      connector: 'no-connector',
      hveAccount: 'works',
    });
    const result = await service().run(directSend);
    expect(result.problem?.id).toBe('smtp-direct-send-rejected');
  });

  test('a relay outside the organization without a connector is 550 5.7.64', async () => {
    world.set('connector', 'no-connector');
    const result = await service().run({
      ...directSend,
      way: 'connector-relay',
      recipient: 'someone@fabrikam.example',
    });
    expect(result.problem?.id).toBe('smtp-relay-not-attributed');
  });

  test('an MX that is not Exchange Online and a domain without MX stop before any connection', async () => {
    world.set('mx', 'not-microsoft');
    const other = await service().run(directSend);
    expect(other.problem).toEqual({
      id: 'way-mx-not-exchange',
      data: { domain: 'contoso.example', host: 'mx1.mailfilter.example' },
    });
    expect(stepStates(other.steps)).toMatchObject({ port: 'skipped', message: 'skipped' });
    world.set('mx', 'none');
    const none = await service().run(directSend);
    expect(none.problem?.id).toBe('way-no-mx');
  });

  test('a name the DNS does not know is "no MX", not a hang', async () => {
    const result = await service().run({
      ...directSend,
      sender: 'scanner@nowhere.example',
      recipient: '',
    });
    expect(result.problem?.id).toBe('way-no-mx');
  });

  test('port 25 blocked (refused) says so plainly', async () => {
    world.set('port25', 'blocked');
    const result = await service().run(directSend);
    expect(result.problem?.id).toBe('way-port-blocked');
    expect(result.problem?.data).toMatchObject({ reason: 'ECONNREFUSED' });
  });
});

describe('hostile and silent servers', () => {
  test('a port that takes the connection and never speaks answers within the limit', async () => {
    world.set('port25', 'hangs');
    // The test's own time limit (vitest's) is what a hang would hit.
    const result = await service({}, 1_500).run(directSend);
    expect(result.problem?.id).toBe('way-port-timeout');
    expect(result.problem?.data).toMatchObject({ seconds: 1.5 });
  });

  test('a server talking nonsense is "not a mail server"', async () => {
    const port = await listen((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const result = await service({ mxPort: port }).run(directSend);
    expect(result.problem?.id).toBe('way-not-smtp');
  });

  test('an endless greeting is cut off by size, not memory', async () => {
    const port = await listen((socket) => {
      const line = `220-${'x'.repeat(1000)}\r\n`;
      const flood = (): void => {
        if (!socket.destroyed && socket.write(line)) setImmediate(flood);
      };
      flood();
    });
    const result = await service({ mxPort: port }).run(directSend);
    expect(result.problem?.id).toBe('way-not-smtp');
    expect(result.problem?.data).toMatchObject({ reason: 'too long' });
  });

  test('a greeting that refuses (554) is a refusal, quoted', async () => {
    const port = await listen((socket) =>
      socket.end('554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked\r\n'),
    );
    const result = await service({ mxPort: port }).run(directSend);
    expect(result.problem?.id).toBe('way-message-refused');
    expect(String(result.problem?.data?.['reply'])).toMatch(/^554 5\.7\.1/);
  });

  test('a DNS server that never answers ends in "DNS did not answer"', async () => {
    const silent = await import('node:dgram').then((dgram) => dgram.createSocket('udp4'));
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const result = await service(
        { dnsServers: [`127.0.0.1:${silent.address().port}`] },
        1_500,
      ).run(directSend);
      expect(result.problem?.id).toBe('way-dns-failed');
    } finally {
      silent.close();
    }
  });
});

describe('High Volume Email through the practice HVE', () => {
  const hve: WayProofRequest = {
    printerId: 'uuid:practice',
    way: 'hve',
    sender: 'scanner@contoso.example',
    recipient: 'megan@contoso.example',
    password: 'practice',
  };

  test('signs in with STARTTLS and the HVE account, and the message is filed', async () => {
    const result = await service().run(hve);
    expect(result.passed).toBe(true);
    expect(stepStates(result.steps)).toMatchObject({ port: 'passed', message: 'passed' });
    expect(JSON.stringify(result)).not.toContain('practice"');
  });

  test('a missing account or a wrong password is one problem, without the password', async () => {
    world.set('hveAccount', 'missing');
    const missing = await service().run(hve);
    expect(missing.problem?.id).toBe('way-hve-sign-in-refused');
    world.set('hveAccount', 'works');
    const wrong = await service().run({ ...hve, password: 'Secret-Typed-0nce' });
    expect(wrong.problem?.id).toBe('way-hve-sign-in-refused');
    expect(JSON.stringify(wrong)).not.toContain('Secret-Typed-0nce');
  });

  test('bad input is refused before anything is sent', async () => {
    await expect(service().run({ ...hve, sender: 'not an address' })).rejects.toMatchObject({
      problem: { id: 'way-sender-invalid' },
    });
    await expect(service().run({ ...hve, recipient: 'nobody@' })).rejects.toMatchObject({
      problem: { id: 'way-recipient-invalid' },
    });
    await expect(service({ hveHost: undefined }).run(hve)).rejects.toMatchObject({
      problem: { id: 'way-hve-not-in-cloud' },
    });
    await expect(service(cloudProfiles.personal).run(directSend)).rejects.toMatchObject({
      problem: { id: 'way-no-organization' },
    });
  });
});

describe('password sign-in turned back on, through the practice Exchange', () => {
  const passwordForNow: WayProofRequest = {
    printerId: 'uuid:practice',
    way: 'password-for-now',
    sender: 'scanner@contoso.example',
    recipient: 'megan@contoso.example',
    password: 'practice',
  };

  test('turned back on (and SMTP AUTH on): AUTH LOGIN on the SMTP AUTH port, message filed', async () => {
    world.set('passwordLogin', 'turned-back-on');
    world.set('smtpAuthOrganization', 'on');
    const result = await service().run(passwordForNow);
    expect(result.passed).toBe(true);
    expect(result.server).toBe(`127.0.0.1:${world.cloudProfile().smtpPort}`);
    expect(stepStates(result.steps)).toEqual({
      mx: 'passed',
      port: 'passed',
      address: expect.any(String),
      spf: 'skipped',
      message: 'passed',
    });
    expect(JSON.stringify(result)).not.toContain('practice"');
  });

  test("Microsoft's refusals while it is off are rows of the reply table", async () => {
    const retired = await service().run(passwordForNow);
    expect(retired.passed).toBe(false);
    expect(retired.problem?.id).toBe('smtp-basic-auth-retired');
    expect(String(retired.problem?.data?.['reply'])).toMatch(/^550 5\.7\.30/);
    world.set('passwordLogin', 'turned-off');
    const off = await service().run(passwordForNow);
    expect(off.problem?.id).toBe('smtp-basic-auth-disabled');
    // Turned back on, but SMTP AUTH still off for the organization: 535 5.7.139 for the tenant.
    world.set('passwordLogin', 'turned-back-on');
    const tenantOff = await service().run(passwordForNow);
    expect(tenantOff.problem?.id).toBe('smtp-auth-disabled-tenant');
  });

  test('a wrong password is its own problem, without the password; none typed is refused', async () => {
    world.set('passwordLogin', 'turned-back-on');
    world.set('smtpAuthOrganization', 'on');
    const wrong = await service().run({ ...passwordForNow, password: 'Secret-Typed-0nce' });
    expect(wrong.problem?.id).toBe('way-password-refused');
    expect(JSON.stringify(wrong)).not.toContain('Secret-Typed-0nce');
    await expect(service().run({ ...passwordForNow, password: undefined })).rejects.toMatchObject({
      problem: { id: 'way-password-needed' },
    });
  });
});
