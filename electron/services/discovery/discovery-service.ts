/**
 * Finds printers with DNS-SD over mDNS: one contained bonjour-service instance per active IPv4
 * interface (loopback included), browsing every printer service type. It only browses: nothing
 * is ever published. Announcements become one row per printer (grouping.ts); rows appear as
 * answers arrive, re-queries catch announcements that were lost, printers that say goodbye or
 * stop answering disappear, and manual addresses are probed and merged into the same list.
 * The sockets are endpoints.ts's, the table of what was heard service-table.ts's; this file
 * runs the search (its re-query schedule), the typed addresses, the probes and the pushes.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import {
  type DiscoverySnapshot,
  type ManualEntry,
  type PrinterEntry,
  type ProbeSummary,
  type ServiceAnnouncement,
} from '../../../shared/printers';
import { ProblemError } from '../../common/problem-error';
import { parsePrinterAddress, probePrinter, type ProbeTarget } from '../printer-probe';
import { cleanText, groupPrinters, mergeProbe, normaliseUuid, preferredAddress } from './grouping';
import type { MdnsFaultKind } from './mdns';
import { createEndpoints } from './endpoints';
import { createServiceTable } from './service-table';

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

/**
 * Where to probe a listed printer: its preferred address, the IPP port and resource path its
 * own announcement gives, and the port of its Web Config.
 */
export function probeTargetFor(
  entry: PrinterEntry,
  announcements: readonly ServiceAnnouncement[],
): ProbeTarget {
  const address = preferredAddress(entry.addresses) ?? entry.host;
  if (!address) throw new ProblemError('printer-unknown');
  const ipp = announcements.find(
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
  return {
    host: address,
    webPort,
    ippPort: ipp?.port ?? null,
    ...(ipp?.txt['rp'] ? { ippPath: ipp.txt['rp'] } : {}),
  };
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
  const table = createServiceTable({
    ...(options.accept ? { accept: options.accept } : {}),
    maxServices,
    changed: () => changed(),
    requery: () => requery(),
  });
  const endpoints = createEndpoints({
    interfaces,
    table,
    fault: (kind, error) => fault(kind, error),
    ...(options.receiveBufferBytes ? { receiveBufferBytes: options.receiveBufferBytes } : {}),
  });

  const fault = (kind: MdnsFaultKind, error: unknown): void => {
    const message = cleanText(error instanceof Error ? error.message : String(error), 200);
    faults.push({ kind, message });
    if (faults.length > 200) faults.shift();
    log(`[discovery] contained ${kind} fault: ${message}`);
  };

  const printers = (): PrinterEntry[] => {
    if (!cache) {
      const list = groupPrinters(table.announcements(), [...manual.values()]);
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
    interfaces: endpoints.count(),
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

  const requery = (): void => {
    endpoints.sync();
    // Whoever has not answered the last few re-queries is gone.
    const cutoff = queryTimes.at(-missedQueries - 1);
    if (cutoff !== undefined) table.sweep(cutoff);
    queryTimes.push(Date.now());
    if (queryTimes.length > 10) queryTimes.shift();
    endpoints.queryAll();
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
    endpoints.sync();
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
      probes.set(id, await probe(probeTargetFor(entryFor(id), table.announcements())));
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
      table.stop();
      if (notifyTimer) clearTimeout(notifyTimer);
      notifyTimer = null;
      searching = false;
      events.removeAllListeners();
      await endpoints.closeAll();
    },
  };
}
