/**
 * Finds printers with DNS-SD over mDNS: one contained bonjour-service instance per active IPv4
 * interface (loopback included), browsing every printer service type. It only browses: nothing
 * is ever published. Announcements become one row per printer (grouping.ts); rows appear as
 * answers arrive, re-queries catch announcements that were lost, printers that say goodbye or
 * stop answering disappear, and manual addresses are probed and merged into the same list.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type Bonjour from 'bonjour-service';
import {
  printerServiceTypes,
  type DiscoverySnapshot,
  type ManualEntry,
  type PrinterEntry,
  type PrinterServiceType,
  type ProbeSummary,
  type ServiceAnnouncement,
} from '../../../shared/printers';
import { ProblemError } from '../../common/problem-error';
import { parsePrinterAddress, probePrinter, type ProbeTarget } from '../printer-probe';
import {
  cleanText,
  groupPrinters,
  isIpv4,
  isIpv6,
  mergeProbe,
  normaliseHost,
  normaliseUuid,
  preferredAddress,
  textLimits,
} from './grouping';
import { createContainedBonjour, type ContainedBonjour, type MdnsFaultKind } from './mdns';
import { parseTxt } from './txt';

export interface DiscoveryOptions {
  /** IPv4 addresses of the interfaces to browse; default: every active IPv4 interface. */
  interfaces?: () => string[];
  /** Keeps or drops an announcement (practice mode drops other practice worlds' printers). */
  accept?: (announcement: ServiceAnnouncement) => boolean;
  /** Delays of the re-queries after a search starts; then `requeryEveryMs`. */
  requeryScheduleMs?: readonly number[];
  requeryEveryMs?: number;
  /** A service not seen since this many re-queries ago is gone. */
  missedQueriesUntilGone?: number;
  /** Changes are pushed at most this often. */
  notifyEveryMs?: number;
  receiveBufferBytes?: number;
  probe?: (target: ProbeTarget) => Promise<ProbeSummary>;
  log?: (line: string) => void;
  /** Upper bounds, so a flood of announcements can't exhaust memory. */
  maxServices?: number;
  maxManual?: number;
}

export interface DiscoveryService {
  /** Starts browsing if not already; returns the current list. */
  start(): DiscoverySnapshot;
  /** Re-queries every interface now; printers that don't answer again disappear. */
  searchAgain(): DiscoverySnapshot;
  snapshot(): DiscoverySnapshot;
  /** Probes a typed address and adds it to the list (merged with a found printer if same). */
  addByAddress(address: string): Promise<PrinterEntry>;
  /** Probes a listed printer (firmware version, model, state). */
  probe(id: string): Promise<PrinterEntry>;
  find(id: string): PrinterEntry | undefined;
  onChange(listener: (snapshot: DiscoverySnapshot) => void): () => void;
  /** Contained faults (bad packets, failing sends) since start: for tests and support. */
  faults(): { kind: MdnsFaultKind; message: string }[];
  stop(): Promise<void>;
}

/** Every active IPv4 interface, loopback included, one address per interface. */
export function activeIpv4Interfaces(): string[] {
  const found: string[] = [];
  for (const addresses of Object.values(os.networkInterfaces())) {
    const ipv4 = addresses?.find((address) => address.family === 'IPv4');
    if (ipv4) found.push(ipv4.address);
  }
  return found;
}

/** How long a service that said goodbye stays listed while a same-named twin may answer. */
const goodbyeGraceMs = 1000;

interface Endpoint {
  mdns: ContainedBonjour;
  browsers: Map<PrinterServiceType, Bonjour.Browser>;
}

interface Tracked {
  announcement: ServiceAnnouncement;
  browser: Bonjour.Browser;
  lastSeen: number;
}

interface RawRecord {
  name?: unknown;
  type?: unknown;
  ttl?: unknown;
}

export function createDiscoveryService(options: DiscoveryOptions = {}): DiscoveryService {
  const interfaces = options.interfaces ?? activeIpv4Interfaces;
  const schedule = options.requeryScheduleMs ?? [1000, 3000, 7000, 15_000];
  const requeryEveryMs = options.requeryEveryMs ?? 30_000;
  const missedQueries = options.missedQueriesUntilGone ?? 2;
  const notifyEveryMs = options.notifyEveryMs ?? 100;
  const maxServices = options.maxServices ?? 4000;
  const maxManual = options.maxManual ?? 50;
  const probe = options.probe ?? ((target: ProbeTarget) => probePrinter(target));
  const log = options.log ?? (() => undefined);

  const events = new EventEmitter();
  const endpoints = new Map<string, Endpoint>();
  const services = new Map<string, Tracked>();
  const manual = new Map<string, ManualEntry>();
  const probes = new Map<string, ProbeSummary>();
  const faults: { kind: MdnsFaultKind; message: string }[] = [];
  /** When each re-query went out, newest last (for "stopped answering"). */
  const queryTimes: number[] = [];
  let searching = false;
  let startedAt: string | null = null;
  let timers: NodeJS.Timeout[] = [];
  let cache: PrinterEntry[] | null = null;
  let notifyTimer: NodeJS.Timeout | null = null;
  let lastNotify = 0;

  const fault = (kind: MdnsFaultKind, error: unknown): void => {
    const message = cleanText(error instanceof Error ? error.message : String(error), 200);
    faults.push({ kind, message });
    if (faults.length > 200) faults.shift();
    log(`[discovery] contained ${kind} fault: ${message}`);
  };

  const printers = (): PrinterEntry[] => {
    if (!cache) {
      const list = groupPrinters(
        [...services.values()].map((tracked) => tracked.announcement),
        [...manual.values()],
      );
      for (const entry of list) {
        const probed = probes.get(entry.id);
        if (probed) mergeProbe(entry, probed);
      }
      cache = list;
    }
    return cache;
  };

  let revision = 0;
  const snapshot = (): DiscoverySnapshot => ({
    revision,
    searching,
    startedAt,
    interfaces: endpoints.size,
    printers: printers(),
  });

  let stopped = false;
  const changed = (): void => {
    cache = null;
    revision += 1;
    if (notifyTimer || stopped) return;
    const wait = Math.max(0, lastNotify + notifyEveryMs - Date.now());
    notifyTimer = setTimeout(() => {
      notifyTimer = null;
      lastNotify = Date.now();
      events.emit('change', snapshot());
    }, wait);
  };

  const toAnnouncement = (
    service: Bonjour.Service,
    type: PrinterServiceType,
  ): ServiceAnnouncement | null => {
    const fqdn = normaliseHost(cleanText(String(service.fqdn ?? ''), 300));
    if (!fqdn) return null;
    const referer = service.referer?.address;
    // Heard on loopback: the publisher is this computer, and its other addresses (in the A
    // records) are not where its loopback-bound services listen.
    const fromLoopback = typeof referer === 'string' && /^127\./.test(referer);
    const raw = fromLoopback ? [referer] : [referer, ...(service.addresses ?? [])];
    const addresses = [
      ...new Set(
        raw.filter(
          (value): value is string =>
            typeof value === 'string' && value.length < 64 && (isIpv4(value) || isIpv6(value)),
        ),
      ),
    ].slice(0, 6);
    return {
      fqdn,
      type,
      instance: cleanText(String(service.name ?? ''), textLimits.name),
      host: normaliseHost(cleanText(String(service.host ?? ''), 253)),
      port: Number.isInteger(service.port) ? service.port : 0,
      addresses,
      txt: parseTxt((service as unknown as { rawTxt?: unknown }).rawTxt),
      subtypes: (service.subtypes ?? [])
        .slice(0, 8)
        .map((subtype) => cleanText(String(subtype), 40).toLowerCase()),
      seenAt: Date.now(),
    };
  };

  const track = (browser: Bonjour.Browser, type: PrinterServiceType, service: Bonjour.Service) => {
    const announcement = toAnnouncement(service, type);
    if (!announcement) return;
    if (options.accept && !options.accept(announcement)) return;
    if (!services.has(announcement.fqdn) && services.size >= maxServices) return;
    services.set(announcement.fqdn, { announcement, browser, lastSeen: Date.now() });
    changed();
  };

  // RFC 6762 section 10.1: a goodbye means "gone in one second", not "gone now". Ask again at
  // once: a same-named service that is still there (a twin on another interface, or another
  // practice world on this computer) answers within that second and stays listed without a
  // flicker; a departed one is dropped when the second is up.
  const goodbyes = new Map<string, NodeJS.Timeout>();
  let goodbyeQuery: NodeJS.Timeout | null = null;
  const untrack = (service: Bonjour.Service): void => {
    const fqdn = normaliseHost(String(service.fqdn ?? ''));
    const said = services.get(fqdn);
    if (!said || goodbyes.has(fqdn) || stopped) return;
    goodbyes.set(
      fqdn,
      setTimeout(() => {
        goodbyes.delete(fqdn);
        // An accepted answer since the goodbye replaced the entry: it is still there.
        if (services.get(fqdn) !== said) return;
        services.delete(fqdn);
        changed();
      }, goodbyeGraceMs).unref(),
    );
    // One query for a burst of goodbyes (a printer says one per service type).
    goodbyeQuery ??= setTimeout(() => {
      goodbyeQuery = null;
      if (!stopped) requery();
    }, 50).unref();
  };

  // A response that names a known service (SRV/TXT, ttl > 0) proves it is still there;
  // bonjour-service keeps only the first sighting, so liveness is tracked here.
  const refresh = (packet: { answers?: RawRecord[]; additionals?: RawRecord[] }): void => {
    const now = Date.now();
    for (const record of [...(packet.answers ?? []), ...(packet.additionals ?? [])]) {
      if ((record.type !== 'SRV' && record.type !== 'TXT') || typeof record.name !== 'string') {
        continue;
      }
      const tracked = services.get(normaliseHost(record.name));
      if (tracked && record.ttl !== 0) tracked.lastSeen = now;
    }
  };

  const openEndpoint = (address: string): void => {
    if (endpoints.has(address)) return;
    let mdns: ContainedBonjour;
    try {
      mdns = createContainedBonjour({
        interfaceAddress: address,
        onFault: fault,
        ...(options.receiveBufferBytes ? { receiveBufferBytes: options.receiveBufferBytes } : {}),
      });
    } catch (error) {
      fault('socket', error);
      return;
    }
    const raw = (mdns.bonjour as unknown as { server: { mdns: EventEmitter } }).server.mdns;
    raw.on('response', (packet: { answers?: RawRecord[]; additionals?: RawRecord[] }) =>
      refresh(packet),
    );
    const browsers = new Map<PrinterServiceType, Bonjour.Browser>();
    for (const type of printerServiceTypes) {
      const browser = mdns.bonjour.find({ type });
      browser.on('up', (service) => track(browser, type, service));
      browser.on('txt-update', (service) => track(browser, type, service));
      browser.on('srv-update', (service) => track(browser, type, service));
      browser.on('down', (service) => untrack(service));
      browsers.set(type, browser);
    }
    endpoints.set(address, { mdns, browsers });
  };

  const closeEndpoint = async (address: string): Promise<void> => {
    const endpoint = endpoints.get(address);
    if (!endpoint) return;
    endpoints.delete(address);
    for (const browser of endpoint.browsers.values()) browser.stop();
    for (const [fqdn, tracked] of services) {
      if ([...endpoint.browsers.values()].includes(tracked.browser)) services.delete(fqdn);
    }
    changed();
    await endpoint.mdns.destroy();
  };

  const syncInterfaces = (): void => {
    const wanted = new Set(interfaces());
    for (const address of wanted) openEndpoint(address);
    for (const address of endpoints.keys()) {
      if (!wanted.has(address)) void closeEndpoint(address);
    }
  };

  /** Forgets services that have not answered the last few re-queries. */
  const sweep = (): void => {
    const cutoff = queryTimes.at(-missedQueries - 1);
    if (cutoff === undefined) return;
    for (const [fqdn, tracked] of services) {
      if (tracked.lastSeen >= cutoff) continue;
      services.delete(fqdn);
      // Let the browser forget it too, so a return is announced as new.
      (tracked.browser as unknown as { removeService(fqdn: string): void }).removeService(
        tracked.announcement.fqdn,
      );
      changed();
    }
  };

  const requery = (): void => {
    syncInterfaces();
    sweep();
    queryTimes.push(Date.now());
    if (queryTimes.length > 10) queryTimes.shift();
    for (const endpoint of endpoints.values()) {
      for (const browser of endpoint.browsers.values()) {
        try {
          browser.expire();
          browser.update();
        } catch (error) {
          fault('send', error);
        }
      }
    }
  };

  const clearTimers = (): void => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };

  const startSearch = (): void => {
    clearTimers();
    searching = true;
    startedAt = new Date().toISOString();
    queryTimes.length = 0;
    queryTimes.push(Date.now());
    syncInterfaces();
    for (const delay of schedule) timers.push(setTimeout(requery, delay).unref());
    const last = schedule.at(-1) ?? 0;
    const periodic = setTimeout(function again() {
      requery();
      timers.push(setTimeout(again, requeryEveryMs).unref());
    }, last + requeryEveryMs).unref();
    timers.push(periodic);
    changed();
  };

  const entryFor = (id: string): PrinterEntry => {
    const entry = printers().find((item) => item.id === id);
    if (!entry) throw new ProblemError('printer-unknown');
    return entry;
  };

  return {
    start() {
      if (!searching) startSearch();
      return snapshot();
    },
    searchAgain() {
      if (!searching) {
        startSearch();
        return snapshot();
      }
      // Re-query now; whoever doesn't answer this one and the next is gone. Addresses typed
      // by hand are probed again, and dropped when they no longer answer.
      requery();
      for (const [key, item] of manual) {
        void probe({ host: item.host, webPort: item.port, ippPort: item.port }).then(
          (summary) => {
            if (manual.get(key) !== item) return;
            manual.set(key, { ...item, probe: summary });
            changed();
          },
          () => {
            if (manual.get(key) !== item) return;
            manual.delete(key);
            changed();
          },
        );
      }
      return snapshot();
    },
    snapshot,
    find: (id) => printers().find((entry) => entry.id === id),
    async addByAddress(address) {
      const { host, port } = parsePrinterAddress(address);
      const summary = await probe({ host, webPort: port, ippPort: port });
      const key = port ? `${host}:${port}` : host;
      if (!manual.has(key) && manual.size >= maxManual) {
        const oldest = manual.keys().next().value;
        if (oldest !== undefined) manual.delete(oldest);
      }
      manual.set(key, { host, port, probe: summary });
      changed();
      const list = printers();
      const found =
        list.find((entry) => summary.uuid !== null && entry.uuid === summary.uuid) ??
        list.find((entry) => entry.sources.includes('manual') && entry.addresses.includes(host));
      if (!found) throw new ProblemError('printer-unknown');
      return found;
    },
    async probe(id) {
      const entry = entryFor(id);
      const address = preferredAddress(entry.addresses) ?? entry.host;
      if (!address) throw new ProblemError('printer-unknown');
      const ipp = [...services.values()]
        .map((tracked) => tracked.announcement)
        .find(
          (item) =>
            item.type === 'ipp' &&
            (item.host === entry.host ||
              (entry.uuid !== null && normaliseUuid(item.txt['uuid']) === entry.uuid)),
        );
      let webPort: number | null = null;
      if (entry.webConfigUrl) {
        try {
          const url = new URL(entry.webConfigUrl);
          webPort = url.port ? Number(url.port) : null;
        } catch {
          webPort = null;
        }
      }
      const summary = await probe({
        host: address,
        webPort,
        ippPort: ipp?.port ?? null,
        ...(ipp?.txt['rp'] ? { ippPath: ipp.txt['rp'] } : {}),
      });
      probes.set(id, summary);
      changed();
      return entryFor(id);
    },
    onChange(listener) {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    faults: () => [...faults],
    async stop() {
      stopped = true;
      clearTimers();
      if (goodbyeQuery) clearTimeout(goodbyeQuery);
      for (const timer of goodbyes.values()) clearTimeout(timer);
      goodbyes.clear();
      if (notifyTimer) clearTimeout(notifyTimer);
      notifyTimer = null;
      searching = false;
      events.removeAllListeners();
      await Promise.all([...endpoints.keys()].map((address) => closeEndpoint(address)));
    },
  };
}
