/**
 * Probes one printer address: Web Config over HTTPS then HTTP, and IPP Get-Printer-Attributes
 * (port 631 unless a port is given) for make and model, firmware version, UUID and state.
 * Everything is bounded: one deadline for the whole probe (5 s), a size cap on every body,
 * no redirect is ever followed (one to another host is reported, not obeyed), and an answer
 * that isn't HTTP or IPP is "not a printer", never an exception.
 */
import http from 'node:http';
import https from 'node:https';
import type { ProbeSummary } from '../../shared/printers';
import { ProblemError } from '../common/problem-error';
import {
  cleanText,
  isHostName,
  isIpv4,
  isIpv6,
  normaliseUuid,
  textLimits,
  urlHost,
} from './discovery/grouping';
import { decodeIpp, getPrinterAttributesRequest, ippValue, ippValues } from './ipp';

export interface ProbeTarget {
  host: string;
  /** Web Config port; null = the scheme's default (443, then 80). */
  webPort: number | null;
  /** IPP port; null = 631. */
  ippPort: number | null;
  /**
   * IPP resource path, from the `rp` TXT key when known; otherwise the usual ones are tried
   * (`ippPaths`).
   */
  ippPath?: string;
}

/**
 * Where printers answer IPP when nobody said: /ipp/print (IPP Everywhere, Epson, HP), and
 * /ipp/printer, /ipp and /printer, which HP, Brother and Ricoh models use (docs/discovery.md).
 */
export const ippPaths = ['/ipp/print', '/ipp/printer', '/ipp', '/printer'] as const;

export interface ProbeOptions {
  timeoutMs?: number;
  /** Cap on any body read, in bytes. */
  maxBytes?: number;
}

const requestedAttributes = [
  'printer-make-and-model',
  'printer-firmware-name',
  'printer-firmware-string-version',
  'printer-firmware-version',
  'printer-uuid',
  'printer-state',
  'printer-name',
  'printer-info',
  'printer-location',
  'printer-more-info',
  'printer-device-id',
];

/** Reads what the user typed: IPv4, IPv6 (bare or [v6]:port), a host name, or a URL. */
export function parsePrinterAddress(input: string): { host: string; port: number | null } {
  const invalid = (): never => {
    throw new ProblemError('printer-address-invalid', { address: cleanText(input, 64) });
  };
  let text = input.trim();
  if (text.length === 0 || text.length > 300) invalid();
  if (/^https?:\/\//i.test(text)) {
    try {
      const parsed = new URL(text);
      if (parsed.username || parsed.password) invalid();
      text = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
    } catch {
      invalid();
    }
  }
  let host = text;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ? Number(bracketed[2]) : null;
    if (!isIpv6(host)) invalid();
  } else if (isIpv6(text)) {
    host = text;
  } else {
    const withPort = /^([^:]+):(\d{1,5})$/.exec(text);
    if (withPort) {
      host = withPort[1] ?? '';
      port = Number(withPort[2]);
    }
    if (!isIpv4(host) && (/^[\d.]+$/.test(host) || !isHostName(host))) invalid();
  }
  if (port !== null && (port < 1 || port > 65535)) invalid();
  return { host: host.toLowerCase().replace(/\.$/, ''), port };
}

type Failure = 'refused' | 'timeout' | 'garbage' | 'name' | 'redirect' | 'tls';

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

class RequestFailure extends Error {
  constructor(
    readonly kind: Failure,
    readonly detail = '',
  ) {
    super(kind);
  }
}

function classify(error: unknown): Failure {
  if (error instanceof RequestFailure) return error.kind;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return 'name';
  if (code.startsWith('HPE_')) return 'garbage';
  if (/SSL|TLS|CERT|EPROTO/.test(code) || /SSL|TLS|wrong version/i.test(String(error))) {
    return 'tls';
  }
  // A reset before any answer is what a closed or firewalled port (or a printer going to
  // sleep) does; only bytes that are not HTTP or IPP make a device "not a printer".
  return 'refused';
}

function request(
  url: URL,
  options: { method: 'GET' | 'POST'; body?: Buffer; headers?: http.OutgoingHttpHeaders },
  deadline: number,
  maxBytes: number,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new RequestFailure('timeout'));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: options.method,
      headers: { 'User-Agent': 'PrinterMailSetupWizard', ...options.headers },
      agent: false,
      // Printers use self-signed certificates; the probe only reads public landing data.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => req.destroy(new RequestFailure('timeout')), remaining);
    const fail = (error: unknown): void => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          response.destroy();
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        });
      });
      response.on('error', fail);
    });
    req.end(options.body);
  });
}

/** A redirect to another host is refused (reported, never followed). */
function checkRedirect(answer: HttpAnswer, from: URL): void {
  if (answer.status < 300 || answer.status >= 400) return;
  const location = answer.headers.location;
  if (!location) return;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new RequestFailure('garbage');
  }
  if (target.hostname !== from.hostname) {
    throw new RequestFailure('redirect', cleanText(target.hostname, textLimits.address));
  }
}

async function probeWebConfig(
  target: ProbeTarget,
  deadline: number,
  maxBytes: number,
): Promise<{ url: string | null; failures: RequestFailure[] }> {
  const failures: RequestFailure[] = [];
  for (const scheme of ['https', 'http'] as const) {
    const port = target.webPort ? `:${target.webPort}` : '';
    const url = new URL(`${scheme}://${urlHost(target.host)}${port}/`);
    // HTTPS gets part of the time so HTTP still has a chance on a silent port.
    const attemptDeadline = scheme === 'https' ? Math.min(deadline, Date.now() + 2000) : deadline;
    try {
      const answer = await request(url, { method: 'GET' }, attemptDeadline, maxBytes);
      checkRedirect(answer, url);
      if (answer.status >= 100 && answer.status < 600) return { url: url.href, failures };
    } catch (error) {
      failures.push(error instanceof RequestFailure ? error : new RequestFailure(classify(error)));
    }
  }
  return { url: null, failures };
}

interface IppFacts {
  makeAndModel: string | null;
  firmwareVersion: string | null;
  uuid: string | null;
  state: ProbeSummary['state'];
  name: string | null;
  location: string | null;
  manufacturer: string | null;
}

/**
 * Get-Printer-Attributes at the given path, or at each usual path in turn until one answers
 * IPP; on port 631 (or the given one) over HTTP, then IPPS on 443 when 631 is closed.
 */
async function probeIpp(
  target: ProbeTarget,
  deadline: number,
  maxBytes: number,
): Promise<IppFacts> {
  const paths = target.ippPath ? [`/${target.ippPath.replace(/^\/+/, '')}`] : [...ippPaths];
  const endpoints: { scheme: 'http' | 'https'; port: number }[] = [
    { scheme: 'http', port: target.ippPort ?? 631 },
    ...(target.ippPort === null ? [{ scheme: 'https' as const, port: 443 }] : []),
  ];
  let last: RequestFailure = new RequestFailure('refused');
  for (const { scheme, port } of endpoints) {
    for (const path of paths) {
      try {
        return await ippAt(target.host, scheme, port, path, deadline, maxBytes);
      } catch (error) {
        last = error instanceof RequestFailure ? error : new RequestFailure(classify(error));
        // A closed or silent port answers no path; a redirect elsewhere is reported at once.
        if (last.kind !== 'garbage') break;
      }
    }
    if (last.kind === 'timeout' || last.kind === 'redirect' || last.kind === 'name') break;
  }
  throw last;
}

async function ippAt(
  host: string,
  scheme: 'http' | 'https',
  port: number,
  path: string,
  deadline: number,
  maxBytes: number,
): Promise<IppFacts> {
  const url = new URL(`${scheme}://${urlHost(host)}:${port}${path}`);
  const printerUri = `${scheme === 'https' ? 'ipps' : 'ipp'}://${urlHost(host)}:${port}${path}`;
  const body = getPrinterAttributesRequest(printerUri, requestedAttributes);
  let answer: HttpAnswer;
  try {
    answer = await request(
      url,
      { method: 'POST', body, headers: { 'Content-Type': 'application/ipp' } },
      deadline,
      maxBytes,
    );
  } catch (error) {
    throw error instanceof RequestFailure ? error : new RequestFailure(classify(error));
  }
  checkRedirect(answer, url);
  if (answer.status !== 200) throw new RequestFailure('garbage');
  let message;
  try {
    message = decodeIpp(answer.body);
  } catch {
    throw new RequestFailure('garbage');
  }
  const text = (name: string, limit: number = textLimits.model): string | null => {
    const value = ippValue(message, name);
    return typeof value === 'string' ? cleanText(value, limit) || null : null;
  };
  const texts = (name: string): string[] =>
    ippValues(message, name)
      .slice(0, 16)
      .map((value) => (typeof value === 'string' ? cleanText(value, 60) : ''));
  const stateValue = ippValue(message, 'printer-state');
  const states = { 3: 'idle', 4: 'processing', 5: 'stopped' } as const;
  const deviceId = text('printer-device-id', 1000) ?? '';
  const manufacturer = /(?:^|;)\s*(?:MFG|MANUFACTURER):([^;]*)/i.exec(deviceId)?.[1] ?? null;
  const facts: IppFacts = {
    makeAndModel: text('printer-make-and-model'),
    firmwareVersion: mainFirmware(
      texts('printer-firmware-name'),
      texts('printer-firmware-string-version').length > 0
        ? texts('printer-firmware-string-version')
        : texts('printer-firmware-version'),
    ),
    uuid: normaliseUuid(text('printer-uuid', 60)),
    state:
      typeof stateValue === 'number' && stateValue in states
        ? states[stateValue as 3 | 4 | 5]
        : null,
    name: text('printer-info', textLimits.name) ?? text('printer-name', textLimits.name),
    location: text('printer-location', textLimits.location),
    manufacturer: manufacturer ? cleanText(manufacturer, textLimits.model) || null : null,
  };
  if (message.code > 0x00ff && !facts.makeAndModel && !facts.uuid) {
    // An IPP error status with nothing useful: treat like no IPP at all.
    throw new RequestFailure('garbage');
  }
  return facts;
}

/** Firmware entries that are not the printer's own firmware (protocol or network module). */
const notMainFirmware = /^(ipp|ipps|network|net|nic|wlan|wi-?fi|lan|fax|boot)\b/i;

/**
 * The printer's main firmware version from the 1setOf pairs printer-firmware-name and
 * printer-firmware-(string-)version (PWG 5100.13): the entry named Main/System/Firmware, else
 * the first that is not a protocol or network module; without names, the first version. An
 * Epson answers Main,Network with LF25I7,16.66 (LF25I7); a Canon only IPP with 2.0, which is its
 * IPP version, not firmware (none). Versions that are not printable text are no version.
 */
export function mainFirmware(names: readonly string[], versions: readonly string[]): string | null {
  const usable = (version: string | undefined): string | null =>
    version && /^[\x20-\x7e]+$/.test(version) && !/^[0-9a-f]{24,}$/i.test(version) ? version : null;
  if (names.length === 0) return usable(versions[0]);
  const named = names.findIndex((name) => /^(main|system|firmware|fw|controller)\b/i.test(name));
  const index = named >= 0 ? named : names.findIndex((name) => !notMainFirmware.test(name));
  return index >= 0 ? usable(versions[index]) : null;
}

/**
 * Probes a target within the deadline. Resolves with what answered; throws a ProblemError that
 * says why when nothing did.
 */
export async function probePrinter(
  target: ProbeTarget,
  options: ProbeOptions = {},
): Promise<ProbeSummary> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const [web, ipp] = await Promise.allSettled([
    probeWebConfig(target, deadline, maxBytes),
    probeIpp(target, deadline, maxBytes),
  ]);
  const webUrl = web.status === 'fulfilled' ? web.value.url : null;
  const facts = ipp.status === 'fulfilled' ? ipp.value : null;
  if (webUrl || facts) {
    return {
      at: new Date().toISOString(),
      webConfigUrl: webUrl,
      makeAndModel: facts?.makeAndModel ?? null,
      firmwareVersion: facts?.firmwareVersion ?? null,
      uuid: facts?.uuid ?? null,
      state: facts?.state ?? null,
      name: facts?.name ?? null,
      location: facts?.location ?? null,
      manufacturer: facts?.manufacturer ?? null,
    };
  }
  const failures: RequestFailure[] = [
    ...(web.status === 'fulfilled' ? web.value.failures : []),
    ...(ipp.status === 'rejected'
      ? [
          ipp.reason instanceof RequestFailure
            ? ipp.reason
            : new RequestFailure(classify(ipp.reason)),
        ]
      : []),
  ];
  const address = cleanText(target.webPort ? `${target.host}:${target.webPort}` : target.host, 80);
  const kinds = new Set(failures.map((failure) => failure.kind));
  const redirect = failures.find((failure) => failure.kind === 'redirect');
  if (redirect) {
    throw new ProblemError('printer-redirect-elsewhere', { address, target: redirect.detail });
  }
  if (kinds.size > 0 && [...kinds].every((kind) => kind === 'name')) {
    throw new ProblemError('printer-name-unknown', { address });
  }
  if (kinds.has('garbage')) {
    throw new ProblemError('printer-not-a-printer', { address });
  }
  if (kinds.has('timeout')) throw new ProblemError('printer-not-answering', { address });
  throw new ProblemError('printer-unreachable', { address });
}
