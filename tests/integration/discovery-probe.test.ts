import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../electron/common/problem-error';
import { encodeIpp, ippTags } from '../../electron/services/ipp';
import { parsePrinterAddress, probePrinter } from '../../electron/services/printer-probe';
import { createPracticeCertificate } from '../../electron/simulator/practice-certificate';
import {
  createPracticePrinters,
  type PracticePrintersPart,
} from '../../electron/simulator/practice-printers';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.id;
    throw error;
  }
  return 'no problem';
}

const servers: net.Server[] = [];
function listen(server: net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

let world: PracticeWorld;
let printers: PracticePrintersPart;

beforeAll(async () => {
  world = await startPracticeWorld({ parts: [createPracticePrinters] });
  printers = world.part<PracticePrintersPart>('printers') as PracticePrintersPart;
});

afterAll(async () => {
  for (const server of servers) server.close();
  await world.stop();
});

describe('parsePrinterAddress', () => {
  it('accepts IPv4, IPv6, host names, ports and pasted URLs', () => {
    expect(parsePrinterAddress(' 192.168.1.25 ')).toEqual({ host: '192.168.1.25', port: null });
    expect(parsePrinterAddress('192.168.1.25:8080')).toEqual({ host: '192.168.1.25', port: 8080 });
    expect(parsePrinterAddress('fe80::1')).toEqual({ host: 'fe80::1', port: null });
    expect(parsePrinterAddress('[2001:db8::5]:631')).toEqual({ host: '2001:db8::5', port: 631 });
    expect(parsePrinterAddress('EPSON4A3AAB.local.')).toEqual({
      host: 'epson4a3aab.local',
      port: null,
    });
    expect(parsePrinterAddress('https://10.0.0.7:8443/PRESENTATION/BONJOUR')).toEqual({
      host: '10.0.0.7',
      port: 8443,
    });
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      '   ',
      '999.1.1.1',
      '1.2.3',
      '10.0.0.1:0',
      '10.0.0.1:70000',
      'a b',
      '<img src=x onerror=alert(1)>',
      'http://user:pw@10.0.0.1/',
      'javascript:alert(1)',
      '[zz::1]',
      `${'a'.repeat(64)}.local`,
      'x'.repeat(400),
    ]) {
      expect(() => parsePrinterAddress(bad), bad).toThrow(ProblemError);
    }
  });
});

describe('probePrinter', () => {
  it('reads model, firmware, UUID and state from a practice printer', async () => {
    const [host, port] = (printers.addresses()['et2850'] ?? '').split(':');
    const summary = await probePrinter({
      host: host ?? '',
      webPort: Number(port),
      ippPort: Number(port),
    });
    expect(summary).toMatchObject({
      webConfigUrl: `http://127.0.0.1:${port}/`,
      makeAndModel: 'EPSON ET-2850 Series',
      firmwareVersion: '05.27.XK26P4',
      uuid: 'cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
      state: 'idle',
      manufacturer: 'EPSON',
    });
  });

  it('prefers HTTPS for Web Config when the printer offers it', async () => {
    const certificate = await createPracticeCertificate();
    const port = await listen(
      https.createServer(certificate, (_request, response) => response.end('<h1>Web Config</h1>')),
    );
    const summary = await probePrinter({ host: '127.0.0.1', webPort: port, ippPort: 1 });
    expect(summary.webConfigUrl).toBe(`https://127.0.0.1:${port}/`);
    expect(summary.makeAndModel).toBeNull();
  });

  it('says "unreachable" when nothing listens', async () => {
    expect(await problemOf(probePrinter({ host: '127.0.0.1', webPort: 1, ippPort: 1 }))).toBe(
      'printer-unreachable',
    );
  });

  it('gives up on a port that accepts and never answers, within the deadline', async () => {
    const port = await listen(net.createServer(() => undefined));
    // Bounded: the test's own time limit (below) is far under a hanging request's.
    const id = await problemOf(
      probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port }, { timeoutMs: 1500 }),
    );
    expect(id).toBe('printer-not-answering');
  }, 5000);

  it('gives up on a server that drips its answer forever', async () => {
    const port = await listen(
      http.createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/ipp' });
        const timer = setInterval(() => response.write('x'), 100);
        response.on('close', () => clearInterval(timer));
      }),
    );
    expect(
      await problemOf(
        probePrinter({ host: '127.0.0.1', webPort: 1, ippPort: port }, { timeoutMs: 1000 }),
      ),
    ).toBe('printer-not-answering');
  }, 5000);

  it('calls a device that resets every connection unreachable, not "not a printer"', async () => {
    const port = await listen(net.createServer((socket) => socket.resetAndDestroy()));
    expect(await problemOf(probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port }))).toBe(
      'printer-unreachable',
    );
  });

  it('calls a server that answers garbage "not a printer"', async () => {
    const port = await listen(net.createServer((socket) => socket.end('\u0000garbage\r\n\r\n')));
    expect(await problemOf(probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port }))).toBe(
      'printer-not-a-printer',
    );
  });

  it('calls an HTTP answer that is not IPP "not a printer" when nothing else answered', async () => {
    const port = await listen(
      http.createServer((request, response) => {
        if (request.method === 'GET') return response.destroy();
        response
          .writeHead(200, { 'Content-Type': 'application/ipp' })
          .end(Buffer.alloc(100_000, 7));
      }),
    );
    expect(
      await problemOf(
        probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port }, { maxBytes: 4096 }),
      ),
    ).toBe('printer-not-a-printer');
  });

  it('refuses a redirect to another host, and says where it pointed', async () => {
    const port = await listen(
      http.createServer((_request, response) =>
        response.writeHead(301, { Location: 'https://phishing.example/login' }).end(),
      ),
    );
    try {
      await probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problem).toEqual({
        id: 'printer-redirect-elsewhere',
        data: { address: `127.0.0.1:${port}`, target: 'phishing.example' },
      });
    }
  });

  it('accepts a redirect within the same host as Web Config', async () => {
    const port = await listen(
      http.createServer((_request, response) =>
        response.writeHead(302, { Location: '/PRESENTATION/HTML/TOP/INDEX.HTML' }).end(),
      ),
    );
    const summary = await probePrinter({ host: '127.0.0.1', webPort: port, ippPort: 1 });
    expect(summary.webConfigUrl).toBe(`http://127.0.0.1:${port}/`);
  });

  it('says a name that does not resolve is unknown (or unreachable where DNS is absent)', async () => {
    const id = await problemOf(
      probePrinter(
        { host: 'no-such-printer.invalid', webPort: null, ippPort: null },
        { timeoutMs: 3000 },
      ),
    );
    expect(['printer-name-unknown', 'printer-not-answering']).toContain(id);
  });
});

describe('a typed address: the usual IPP paths', () => {
  /** A printer that answers IPP at one path only (404 elsewhere), as HP, Brother, Ricoh do. */
  async function printerAt(path: string): Promise<{ port: number; asked: string[] }> {
    const asked: string[] = [];
    const server = http.createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      if (request.method !== 'POST' || request.url !== path) {
        response.writeHead(404).end();
        return;
      }
      request.resume();
      request.on('end', () => {
        // printer-make-and-model as textWithLanguage (RFC 8010 §3.9), as Brother sends it.
        const body = encodeIpp({
          version: '2.0',
          code: 0,
          requestId: 1,
          groups: [
            {
              tag: ippTags.printerAttributes,
              attributes: [
                {
                  tag: ippTags.textWithLanguage,
                  name: 'printer-make-and-model',
                  values: ['Brother MFC-J5320DW'],
                },
                {
                  tag: ippTags.nameWithoutLanguage,
                  name: 'printer-firmware-name',
                  values: ['Main', 'Network'],
                },
                {
                  tag: ippTags.textWithoutLanguage,
                  name: 'printer-firmware-string-version',
                  values: ['ZB2201111', '1.20'],
                },
                {
                  tag: ippTags.textWithoutLanguage,
                  name: 'printer-device-id',
                  values: ['MFG:Brother;CMD:PJL,PCL,PCLXL,URF;MDL:MFC-J5320DW;CLS:PRINTER;'],
                },
              ],
            },
          ],
        });
        response.writeHead(200, { 'Content-Type': 'application/ipp' });
        response.end(body);
      });
    });
    return { port: await listen(server), asked };
  }

  it.each(['/ipp/printer', '/ipp', '/printer'])(
    'finds make, model and main firmware at %s',
    async (path) => {
      const { port, asked } = await printerAt(path);
      const summary = await probePrinter({ host: '127.0.0.1', webPort: port, ippPort: port });
      expect(summary).toMatchObject({
        makeAndModel: 'Brother MFC-J5320DW',
        firmwareVersion: 'ZB2201111',
        manufacturer: 'Brother',
      });
      // The usual paths in order, stopping at the one that answered.
      const posts = asked.filter((line) => line.startsWith('POST'));
      expect(posts.at(-1)).toBe(`POST ${path}`);
      expect(posts[0]).toBe('POST /ipp/print');
    },
  );
});
