/**
 * Real mDNS on loopback: printers published with bonjour-service by the test (in this process
 * or in a child process), found by the discovery service browsing 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import path from 'node:path';
import Bonjour from 'bonjour-service';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoverySnapshot, PrinterEntry } from '../../shared/printers';
import {
  createDiscoveryService,
  type DiscoveryOptions,
  type DiscoveryService,
} from '../../electron/services/discovery/discovery-service';
import {
  createContainedBonjour,
  type ContainedBonjour,
} from '../../electron/services/discovery/mdns';

const loopback = {
  interface: '127.0.0.1',
  bind: '0.0.0.0',
} as unknown as Partial<Bonjour.ServiceConfig>;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function run(tag: string): string {
  return `${tag}-${randomBytes(3).toString('hex')}`;
}

function publisher(): Bonjour.Bonjour {
  const bonjour = new Bonjour.Bonjour(loopback, () => undefined);
  cleanups.push(() => new Promise<void>((resolve) => bonjour.destroy(() => resolve())));
  return bonjour;
}

function uuidFor(id: string, index: number): string {
  const hex = createHash('sha1').update(`${id}/${index}`).digest('hex').slice(0, 12);
  return `0badcafe-0000-4000-8000-${hex}`;
}

function publishPrinter(
  bonjour: Bonjour.Bonjour,
  id: string,
  index: number,
  types: string[] = ['ipp', 'ipps', 'uscan'],
  extraTxt: Record<string, string> = {},
): void {
  for (const type of types) {
    bonjour.publish({
      name: `Printer ${id} ${index}`,
      type,
      port: 631,
      host: `${id}-${index}.local`,
      txt: {
        ty: `Model ${id} ${index}`,
        UUID: uuidFor(id, index),
        note: `Room ${index}`,
        ...extraTxt,
      },
      probe: false,
      disableIPv6: true,
    });
  }
}

function discovery(options: DiscoveryOptions = {}): DiscoveryService {
  const service = createDiscoveryService({ interfaces: () => ['127.0.0.1'], ...options });
  cleanups.push(() => service.stop());
  return service;
}

async function waitFor(
  service: DiscoveryService,
  check: (snapshot: DiscoverySnapshot) => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<DiscoverySnapshot> {
  const started = Date.now();
  for (;;) {
    const snapshot = service.snapshot();
    if (check(snapshot)) return snapshot;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `Timed out waiting for ${what}: ${JSON.stringify(snapshot.printers.map((p) => p.id))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls until `check` holds; fixed sleeps were too short on a loaded machine. */
async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mine = (snapshot: DiscoverySnapshot, id: string): PrinterEntry[] =>
  snapshot.printers.filter((printer) => printer.model?.includes(id));

describe('discovery on loopback', () => {
  it('lists each published printer once, with all its services grouped', async () => {
    const id = run('group');
    const service = discovery();
    service.start();
    const bonjour = publisher();
    publishPrinter(bonjour, id, 1);
    publishPrinter(bonjour, id, 2, ['ipp', 'http', 'pdl-datastream']);
    const snapshot = await waitFor(
      service,
      (current) =>
        mine(current, id).length === 2 &&
        mine(current, id).every((printer) => printer.services.length === 3),
      'two grouped printers',
    );
    const [first, second] = mine(snapshot, id);
    expect(first).toMatchObject({
      id: `uuid:${uuidFor(id, 1)}`,
      model: `Model ${id} 1`,
      location: 'Room 1',
      services: ['ipps', 'ipp', 'uscan'],
      secure: true,
      addresses: ['127.0.0.1'],
      sources: ['network'],
    });
    expect(second?.services).toEqual(['ipp', 'pdl-datastream', 'http']);
    expect(second?.secure).toBe(false);
    expect(snapshot.interfaces).toBe(1);
  });

  it('finds printers that were announced before the search started (query and answer)', async () => {
    const id = run('before');
    const bonjour = publisher();
    publishPrinter(bonjour, id, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const service = discovery();
    service.start();
    await waitFor(service, (current) => mine(current, id).length === 1, 'the printer');
  });

  it('drops a printer that says goodbye and lists it again when it comes back', async () => {
    const id = run('rejoin');
    const service = discovery();
    service.start();
    const changes: number[] = [];
    service.onChange((snapshot) => changes.push(mine(snapshot, id).length));
    const bonjour = publisher();
    publishPrinter(bonjour, id, 1);
    await waitFor(service, (current) => mine(current, id).length === 1, 'the printer');
    await new Promise<void>((resolve) => bonjour.unpublishAll(() => resolve()));
    // Dropped means the list pushed to the window says so. Pushes are at most one per 100 ms, so
    // a return inside that window (the snapshot seen empty for a moment) would never reach it.
    await waitFor(service, () => changes.at(-1) === 0, 'the goodbye to be pushed to the list');
    publishPrinter(bonjour, id, 1);
    await waitFor(service, () => changes.at(-1) === 1, 'the return to be pushed to the list');
    expect(mine(service.snapshot(), id)).toHaveLength(1);
  });

  it('keeps a printer listed when a same-named twin says goodbye (RFC 6762 10.1)', async () => {
    // Two publishers of one name: a printer seen on two interfaces, or two practice worlds on
    // one computer. The goodbye of one must not make the other flicker out of the list.
    const id = run('twin');
    const service = discovery();
    service.start();
    const changes: number[] = [];
    service.onChange((snapshot) => changes.push(mine(snapshot, id).length));
    const leaving = publisher();
    const staying = publisher();
    publishPrinter(leaving, id, 1);
    publishPrinter(staying, id, 1);
    await waitFor(service, () => changes.includes(1), 'the printer to be pushed to the list');
    await new Promise<void>((resolve) => leaving.unpublishAll(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mine(service.snapshot(), id)).toHaveLength(1);
    expect(changes.slice(changes.indexOf(1))).not.toContain(0);
  });

  it('drops a printer that vanishes without a goodbye once it misses the re-queries', async () => {
    const id = run('vanish');
    const child = spawnPublisher(id, 1);
    const service = discovery({
      requeryScheduleMs: [],
      requeryEveryMs: 400,
      missedQueriesUntilGone: 2,
    });
    service.start();
    await waitFor(service, (current) => mine(current, id).length === 1, 'the printer');
    child.kill('SIGKILL');
    await waitFor(service, (current) => mine(current, id).length === 0, 'it to be gone', 10_000);
  });

  it('"search again" re-queries and finds a printer whose announcements were all lost', async () => {
    const id = run('again');
    const service = discovery({ requeryScheduleMs: [], requeryEveryMs: 60_000 });
    service.start();
    // A publisher whose announcements never leave (as if the burst overflowed a buffer) but
    // which answers queries, as a printer does — from the moment "Search again" is pressed, so
    // another browser's query on the shared loopback cannot reveal it earlier.
    let answering = false;
    const bonjour = publisher();
    const mdns = (
      bonjour as unknown as { server: { mdns: { respond: (...args: unknown[]) => void } } }
    ).server.mdns;
    const respond = mdns.respond.bind(mdns);
    mdns.respond = (packet: unknown, ...rest: unknown[]) => {
      const callback = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
      if (Array.isArray(packet) || !answering) return callback?.();
      return respond(packet, ...rest);
    };
    await new Promise((resolve) => setTimeout(resolve, 200));
    publishPrinter(bonjour, id, 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(mine(service.snapshot(), id)).toHaveLength(0);
    answering = true;
    expect(service.searchAgain().searching).toBe(true);
    await waitFor(
      service,
      (current) => mine(current, id).length === 1,
      'the answer to the re-query',
    );
  });

  it('shows hostile TXT values as bounded plain text', async () => {
    const id = run('hostile');
    const service = discovery();
    service.start();
    const bonjour = publisher();
    bonjour.publish({
      name: '<img src=x onerror=alert(1)>',
      type: 'ipp',
      port: 631,
      host: `${id}.local`,
      txt: {
        ty: `Model ${id} <script>alert(1)</script>\u0007`,
        note: `${'\u202e'}Floor\u0000${'L'.repeat(230)}`,
        adminurl: 'javascript:alert(1)',
        empty: '',
      },
      probe: false,
      disableIPv6: true,
    });
    const snapshot = await waitFor(
      service,
      (current) => mine(current, id).length === 1,
      'the printer',
    );
    const [printer] = mine(snapshot, id);
    expect(printer?.name).toBe('<img src=x onerror=alert(1)>');
    expect(printer?.model).toBe(`Model ${id} <script>alert(1)</script>`);
    expect(printer?.location?.startsWith('Floor LLLL')).toBe(true);
    expect(Array.from(printer?.location ?? '').length).toBeLessThanOrEqual(120);
    expect(printer?.webConfigUrl).toBe('http://127.0.0.1/');
  });

  it('survives garbage datagrams and keeps finding printers', async () => {
    const id = run('garbage');
    const service = discovery();
    service.start();
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    socket.setMulticastInterface('127.0.0.1');
    for (let index = 0; index < 50; index += 1) {
      socket.send(randomBytes(12 + index * 7), 5353, '224.0.0.251');
    }
    const bonjour = publisher();
    publishPrinter(bonjour, id, 1);
    await waitFor(service, (current) => mine(current, id).length === 1, 'the printer');
  });

  it('contains a record that makes dns-packet throw, instead of crashing the process', async () => {
    const id = run('oversized');
    const faults: string[] = [];
    const contained: ContainedBonjour = createContainedBonjour({
      interfaceAddress: '127.0.0.1',
      onFault: (kind, error) => faults.push(`${kind}: ${String(error)}`),
    });
    cleanups.push(() => contained.destroy());
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    cleanups.push(() => void process.off('uncaughtException', onCrash));
    // 100 strings of 820 bytes: far over the 64 KiB dns-packet can encode (toolchain notes).
    const huge = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`k${index}`, 'x'.repeat(820)]),
    );
    contained.bonjour.publish({
      name: `Huge ${id}`,
      type: 'ipp',
      port: 631,
      txt: huge,
      probe: false,
    });
    await until(
      () => faults.some((fault) => /out of range|ERR_OUT_OF_RANGE|RangeError/i.test(fault)),
      'the encoding fault to be reported',
    );
    expect(crashes).toEqual([]);
    // The same publisher and a search in this process still work.
    const service = discovery();
    service.start();
    publishPrinter(contained.bonjour, id, 1);
    await waitFor(service, (current) => mine(current, id).length === 1, 'the printer');
  });

  it('contains a throw while a received packet is handled (any bonjour-service bug)', async () => {
    const id = run('receive');
    const faults: string[] = [];
    const contained = createContainedBonjour({
      interfaceAddress: '127.0.0.1',
      onFault: (kind, error) => faults.push(`${kind}: ${String(error)}`),
    });
    cleanups.push(() => contained.destroy());
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    cleanups.push(() => void process.off('uncaughtException', onCrash));
    // Stands in for a parser bug: whatever throws while a packet is handled is contained.
    const mdns = (contained.bonjour as unknown as { server: { mdns: NodeJS.EventEmitter } }).server
      .mdns;
    mdns.on('response', () => {
      throw new TypeError(`simulated parser bug ${id}`);
    });
    const seen = contained.bonjour.find({ type: 'ipp' });
    publishPrinter(publisher(), id, 1);
    await until(
      () => faults.some((fault) => fault.startsWith('packet:') && fault.includes(id)),
      'the packet fault to be reported',
    );
    expect(crashes).toEqual([]);
    seen.stop();
  });

  it('without containment the same record takes a process down (why the guard exists)', async () => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const B=require('bonjour-service');const b=new B.Bonjour({interface:'127.0.0.1',bind:'0.0.0.0'},()=>{});
         const txt={};for(let i=0;i<100;i++)txt['k'+i]='x'.repeat(820);
         b.publish({name:'Huge',type:'ipp',port:631,txt,probe:false});setTimeout(()=>process.exit(0),5000);`,
      ],
      { cwd: path.resolve(__dirname, '..', '..'), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/ERR_OUT_OF_RANGE|RangeError/);
  });
});

function spawnPublisher(id: string, index: number): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const B=require('bonjour-service');const b=new B.Bonjour({interface:'127.0.0.1',bind:'0.0.0.0'},()=>{});
       for (const type of ['ipp','ipps']) b.publish({name:${JSON.stringify(`Printer ${id} ${index}`)},type,port:631,
         host:${JSON.stringify(`${id}-${index}.local`)},txt:{ty:${JSON.stringify(`Model ${id} ${index}`)},UUID:${JSON.stringify(uuidFor(id, index))}},probe:false,disableIPv6:true});
       setInterval(()=>{},1000);`,
    ],
    { cwd: path.resolve(__dirname, '..', '..'), stdio: 'ignore' },
  );
  cleanups.push(() => void child.kill('SIGKILL'));
  return child;
}
