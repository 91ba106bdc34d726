/**
 * Practice printers: three printers announced by mDNS on loopback only (two Epson models with
 * TXT records modelled on real captures, reference F.2, and one other vendor), each with a tiny
 * Web Config landing page and an IPP responder (Get-Printer-Attributes) on its own port of
 * 127.0.0.1. The `printers` switch can withdraw them all or add a hostile one (markup in its
 * name, control characters, junk TXT values, an IPP port that answers garbage).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Bonjour from 'bonjour-service';
import type { PracticeSwitchValue } from '../../shared/practice';
import {
  epsonUuidPrefix,
  type PrinterServiceType,
  type ServiceAnnouncement,
} from '../../shared/printers';
import { createContainedBonjour, type ContainedBonjour } from '../services/discovery/mdns';
import { decodeIpp, encodeIpp, ippOperations, ippTags, type IppAttribute } from '../services/ipp';
import type { SheetReading } from '../../shared/printer-setup';
import { createPracticeBrotherWbm, type PracticeBrotherWbm } from './practice-brother-wbm';
import type { PracticePrinterPanel } from './practice-printer-panel';
import { createPracticeWebConfig, type PracticeWebConfig } from './practice-web-config';
import type { PracticeContext, PracticePart } from './practice-world';

export const practicePrintersPartName = 'printers';

export interface PracticePrinterSpec {
  key: string;
  instance: string;
  host: string;
  uuid: string | null;
  model: string;
  firmware: string;
  location: string;
  services: PrinterServiceType[];
  txt: Record<string, string | Buffer>;
  /** The IPP port answers bytes that are not IPP. */
  garbageIpp?: boolean;
}

/** TXT keys and values after the ET-2760 / XP-410 captures (reference F.2). */
function epsonTxt(model: string, mac: string, location: string, extra: Record<string, string>) {
  const host = `EPSON${mac.slice(-6).toUpperCase()}`;
  return {
    txtvers: '1',
    priority: '30',
    ty: `EPSON ${model}`,
    usb_MFG: 'EPSON',
    usb_MDL: model,
    product: `(EPSON ${model})`,
    pdl: 'application/octet-stream,image/pwg-raster,image/urf,image/jpeg',
    rp: 'ipp/print',
    qtotal: '1',
    adminurl: `http://${host}.local.:80/PRESENTATION/BONJOUR`,
    note: location,
    Color: 'T',
    Duplex: 'T',
    Scan: 'T',
    Fax: 'F',
    TLS: '1.2',
    'mopria-certified': '1.3',
    kind: 'document,envelope,photo',
    PaperMax: 'legal-A4',
    URF: 'CP1,PQ4-5,OB9,OFU0,RS360,SRGB24,W8,DM3,IS1,V1.4,MT1-3-6-8-10-11-12',
    UUID: `cfe92100-67c4-11d4-a45f-${mac}`,
    ...extra,
  };
}

export const practicePrinterSpecs: PracticePrinterSpec[] = [
  {
    key: 'et2850',
    instance: 'EPSON ET-2850 Series',
    host: 'EPSON4A3AAB.local',
    uuid: 'cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
    model: 'EPSON ET-2850 Series',
    firmware: '05.27.XK26P4',
    location: 'Office, 2nd floor',
    services: ['ipp', 'ipps', 'uscan', 'http', 'pdl-datastream'],
    txt: epsonTxt('ET-2850 Series', 'dccd2f4a3aab', 'Office, 2nd floor', {}),
  },
  {
    key: 'wfc5790',
    instance: 'EPSON WF-C5790 Series',
    host: 'EPSON826841.local',
    uuid: 'cfe92100-67c4-11d4-a45f-ac1826826841',
    model: 'EPSON WF-C5790 Series',
    firmware: '10.53.WD17M2',
    location: 'Reception',
    services: ['ipp', 'ipps', 'uscans', 'http'],
    txt: epsonTxt('WF-C5790 Series', 'ac1826826841', 'Reception', { Fax: 'T', rfo: 'ipp/faxout' }),
  },
  {
    key: 'brother',
    instance: 'Brother MFC-L2750DW series',
    host: 'BRN3C2AF4123456.local',
    uuid: 'e3248000-80ce-11db-8000-3c2af4123456',
    model: 'Brother MFC-L2750DW series',
    firmware: 'ZC2305271639',
    location: 'Warehouse',
    services: ['ipp', 'printer', 'http'],
    txt: {
      txtvers: '1',
      qtotal: '1',
      rp: 'ipp/print',
      ty: 'Brother MFC-L2750DW series',
      product: '(Brother MFC-L2750DW series)',
      usb_MFG: 'Brother',
      usb_MDL: 'MFC-L2750DW series',
      adminurl: 'http://BRN3C2AF4123456.local./',
      note: 'Warehouse',
      Color: 'F',
      Duplex: 'T',
      Fax: 'T',
      Scan: 'T',
      UUID: 'e3248000-80ce-11db-8000-3c2af4123456',
    },
  },
];

/** Everything from the network is hostile: this one tries most of it at once. */
export const hostilePrinterSpec: PracticePrinterSpec = {
  key: 'hostile',
  instance: '<img src=x onerror=alert(1)>',
  host: 'hostile-printer.local',
  uuid: null,
  model: '<script>alert(2)</script>',
  firmware: '',
  location: '',
  services: ['ipp', 'http'],
  garbageIpp: true,
  txt: {
    ty: '<b onmouseover=alert(3)>Model</b>\u0007\u202e',
    TY: 'duplicate key, must be ignored',
    note: `Floor\u0000 3${'\u0007'} — ${'very long location '.repeat(10)}`,
    adminurl: 'javascript:alert(4)',
    usb_MFG: '',
    empty: '',
    binary: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]),
    long: 'x'.repeat(240),
  },
};

/** A practice printer's own web page: Epson's Web Config or Brother's Web Based Management. */
type PrinterPages =
  { make: 'epson'; pages: PracticeWebConfig } | { make: 'brother'; pages: PracticeBrotherWbm };

interface RunningPrinter {
  spec: PracticePrinterSpec;
  server: http.Server;
  port: number;
  /** Its web page; the hostile printer has none. */
  webPages: PrinterPages | null;
}

export interface PracticePrintersPart extends PracticePart {
  /** Tag in the TXT of this world's printers; other practice worlds' printers are not shown. */
  readonly worldTag: string;
  accepts(announcement: ServiceAnnouncement): boolean;
  /** Address (127.0.0.1:port) of each running practice printer, by key. */
  addresses(): Record<string, string>;
  /**
   * The email server lines of the network status sheet of the practice printer whose Web
   * Config is at this origin (http://127.0.0.1:port); null for any other address.
   */
  statusSheet(origin: string): SheetReading | null;
  /** The control panel (Scan > Email) of the practice printer at this origin, if it has one. */
  panel(origin: string): PracticePrinterPanel | null;
  /** The practice Brother's Web Based Management (tests, the bench). */
  brother(): PracticeBrotherWbm | null;
}

const txtLimitBytes = 255;

/** Never publish a TXT string over 255 bytes: dns-packet would build a broken packet. */
export function boundedTxt(txt: Record<string, string | Buffer>): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = {};
  for (const [key, value] of Object.entries(txt)) {
    const room = txtLimitBytes - Buffer.byteLength(`${key}=`);
    if (room <= 0) continue;
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    out[key] = Buffer.isBuffer(value)
      ? bytes.subarray(0, room)
      : bytes
          .subarray(0, room)
          .toString('utf8')
          .replace(/\uFFFD$/, '');
  }
  return out;
}

function landingPage(spec: PracticePrinterSpec): string {
  const escape = (text: string): string =>
    text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Web Config</title></head>
<body><h1>Web Config</h1><p>${escape(spec.model)} (practice printer)</p>
<p>Network &gt; Email Server &gt; Basic</p></body></html>`;
}

function ippAnswer(spec: PracticePrinterSpec, port: number, request: Buffer): Buffer {
  let requestId = 1;
  let code = 0x0000;
  try {
    const message = decodeIpp(request);
    requestId = message.requestId;
    if (message.code !== ippOperations.getPrinterAttributes) code = 0x0501;
  } catch {
    code = 0x0400;
  }
  const uri = `ipp://127.0.0.1:${port}/ipp/print`;
  const text = (name: string, value: string): IppAttribute => ({
    tag: ippTags.textWithoutLanguage,
    name,
    values: [value],
  });
  const printerAttributes: IppAttribute[] =
    code === 0
      ? [
          { tag: ippTags.uri, name: 'printer-uri-supported', values: [uri] },
          { tag: ippTags.nameWithoutLanguage, name: 'printer-name', values: [spec.key] },
          text('printer-info', spec.instance),
          text('printer-make-and-model', spec.model),
          text('printer-location', spec.location),
          { tag: ippTags.enum, name: 'printer-state', values: [3] },
          { tag: ippTags.keyword, name: 'printer-state-reasons', values: ['none'] },
          text('printer-firmware-string-version', spec.firmware),
          { tag: ippTags.nameWithoutLanguage, name: 'printer-firmware-name', values: ['firmware'] },
          { tag: ippTags.uri, name: 'printer-more-info', values: [`http://127.0.0.1:${port}/`] },
          text(
            'printer-device-id',
            `MFG:${spec.model.split(' ')[0]};MDL:${spec.model};CLS:PRINTER;`,
          ),
          ...(spec.uuid
            ? [{ tag: ippTags.uri, name: 'printer-uuid', values: [`urn:uuid:${spec.uuid}`] }]
            : []),
        ]
      : [];
  return encodeIpp({
    version: '1.1',
    code,
    requestId,
    groups: [
      {
        tag: ippTags.operationAttributes,
        attributes: [
          { tag: ippTags.charset, name: 'attributes-charset', values: ['utf-8'] },
          { tag: ippTags.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
        ],
      },
      ...(printerAttributes.length > 0
        ? [{ tag: ippTags.printerAttributes, attributes: printerAttributes }]
        : []),
    ],
  });
}

function startPrinterServer(
  spec: PracticePrinterSpec,
  answering: () => boolean,
  webPages: PrinterPages | null,
): Promise<RunningPrinter> {
  return new Promise((resolve, reject) => {
    let port = 0;
    const server = http.createServer((request, response) => {
      if (webPages && !request.url?.startsWith('/ipp/')) {
        webPages.pages
          .handle(request, response)
          .then((handled) => {
            if (handled) return;
            request.resume();
            response.writeHead(404).end();
          })
          .catch(() => {
            if (!response.headersSent) response.writeHead(500).end();
          });
        return;
      }
      if (request.method === 'POST' && request.url?.startsWith('/ipp/')) {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > 64 * 1024) request.destroy();
          else chunks.push(chunk);
        });
        request.on('end', () => {
          if (spec.garbageIpp) {
            response.writeHead(200, { 'Content-Type': 'application/ipp' });
            response.end(randomBytes(40));
            return;
          }
          response.writeHead(200, { 'Content-Type': 'application/ipp' });
          response.end(ippAnswer(spec, port, Buffer.concat(chunks)));
        });
        return;
      }
      if (request.method === 'GET') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(landingPage(spec));
        return;
      }
      response.writeHead(404).end();
    });
    // Switched off ("no printer answers"): connections are dropped at once.
    server.on('connection', (socket) => {
      if (!answering()) socket.destroy();
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({ spec, server, port, webPages });
    });
  });
}

/** Epson models get Web Config, the Brother its Web Based Management, the hostile one none. */
function pagesFor(
  spec: PracticePrinterSpec,
  context: () => PracticeContext | null,
): PrinterPages | null {
  if (spec.uuid?.startsWith(epsonUuidPrefix)) {
    return { make: 'epson', pages: createPracticeWebConfig({ model: spec.model, context }) };
  }
  if (spec.key === 'brother') {
    return { make: 'brother', pages: createPracticeBrotherWbm({ model: spec.model, context }) };
  }
  return null;
}

export function createPracticePrinters(): PracticePrintersPart {
  const worldTag = randomBytes(6).toString('hex');
  let running: RunningPrinter[] = [];
  let mdns: ContainedBonjour | null = null;
  let unsubscribe: (() => void) | null = null;
  let mode: PracticeSwitchValue<'printers'> = 'three';
  let worldContext: PracticeContext | null = null;

  /** Published services by printer key, so a switch change touches only what changes. */
  const published = new Map<string, Bonjour.Service[]>();
  const shown = (key: string): boolean =>
    key === 'hostile' ? mode === 'hostile' : mode !== 'none';

  const publishPrinter = (printer: RunningPrinter): void => {
    if (!mdns || published.has(printer.spec.key)) return;
    const services: Bonjour.Service[] = [];
    for (const type of printer.spec.services) {
      const txt = boundedTxt({ ...printer.spec.txt, practice: worldTag });
      if (typeof txt['adminurl'] === 'string') {
        txt['adminurl'] = txt['adminurl'].replace(/:80\//, `:${printer.port}/`);
        if (!/:\d+\//.test(txt['adminurl'])) {
          txt['adminurl'] = txt['adminurl'].replace(/(\.local\.?)\//, `$1:${printer.port}/`);
        }
      }
      services.push(
        mdns.bonjour.publish({
          name: printer.spec.instance,
          type,
          port: printer.port,
          host: printer.spec.host,
          txt,
          probe: false,
          disableIPv6: true,
          ...(type === 'http' ? { subtypes: ['printer'] } : {}),
        }),
      );
    }
    published.set(printer.spec.key, services);
  };

  /** Says goodbye for one printer's services (only when the switch takes it away). */
  const withdrawPrinter = (key: string): void => {
    for (const service of published.get(key) ?? []) service.stop();
    published.delete(key);
  };

  const sync = (): void => {
    for (const printer of running) {
      if (shown(printer.spec.key)) publishPrinter(printer);
      else withdrawPrinter(printer.spec.key);
    }
  };

  return {
    name: practicePrintersPartName,
    worldTag,
    accepts: (announcement) => {
      const tag = announcement.txt['practice'];
      return tag === undefined || tag === worldTag;
    },
    addresses: () =>
      Object.fromEntries(running.map((printer) => [printer.spec.key, `127.0.0.1:${printer.port}`])),
    statusSheet: (origin) => {
      const pages = running.find((item) => `http://127.0.0.1:${item.port}` === origin)?.webPages;
      return pages?.make === 'epson' ? pages.pages.sheet() : null;
    },
    panel: (origin) => {
      const pages = running.find((item) => `http://127.0.0.1:${item.port}` === origin)?.webPages;
      return pages?.make === 'epson' ? pages.pages.panel : null;
    },
    brother: () => {
      for (const printer of running) {
        if (printer.webPages?.make === 'brother') return printer.webPages.pages;
      }
      return null;
    },
    async start(context: PracticeContext) {
      worldContext = context;
      running = await Promise.all(
        [...practicePrinterSpecs, hostilePrinterSpec].map((spec) =>
          startPrinterServer(
            spec,
            () => shown(spec.key),
            pagesFor(spec, () => worldContext),
          ),
        ),
      );
      mode = context.settings().printers;
      // Loopback only: the practice world never announces anything on the user's network.
      mdns = createContainedBonjour({
        interfaceAddress: '127.0.0.1',
        onFault: (kind, error) =>
          process.stderr.write(
            `[practice printers] contained ${kind} fault: ${error instanceof Error ? error.message : String(error)}\n`,
          ),
      });
      sync();
      unsubscribe = context.onChange((settings) => {
        if (settings.printers === mode) return;
        mode = settings.printers;
        sync();
      });
    },
    async stop() {
      unsubscribe?.();
      const closing = mdns;
      mdns = null;
      // No goodbyes on the way out: another practice world on this computer (parallel tests)
      // announces printers of the same names, and its list must not lose them. This world's
      // own search is closing with it.
      published.clear();
      await closing?.destroy();
      await Promise.all(
        running.map(
          (printer) =>
            new Promise<void>((resolve) => {
              printer.server.closeAllConnections();
              printer.server.close(() => resolve());
            }),
        ),
      );
      for (const printer of running) printer.webPages?.pages.stop();
      running = [];
      worldContext = null;
    },
  };
}
