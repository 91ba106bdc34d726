/**
 * The services heard on the network and whether they are still there: announcements kept by
 * name (bounded), goodbyes honoured after RFC 6762's one second, liveness from any answer that
 * names a service, and a sweep of those that missed the last re-queries. The discovery service
 * owns the sockets and the timers of the search; this part owns the table.
 */
import type Bonjour from 'bonjour-service';
import type { PrinterServiceType, ServiceAnnouncement } from '../../../shared/printers';
import { cleanText, isIpv4, isIpv6, normaliseHost, textLimits } from './grouping';
import { parseTxt } from './txt';

/** How long a service that said goodbye stays listed while a same-named twin may answer. */
const goodbyeGraceMs = 1000;

/** A record of an mDNS answer, as multicast-dns hands it over (fields unchecked). */
export interface RawRecord {
  name?: unknown;
  type?: unknown;
  ttl?: unknown;
}

interface Tracked {
  announcement: ServiceAnnouncement;
  browser: Bonjour.Browser;
  lastSeen: number;
}

export interface ServiceTableOptions {
  /** Keeps or drops an announcement (practice mode drops other practice worlds' printers). */
  accept?: (announcement: ServiceAnnouncement) => boolean;
  maxServices: number;
  /** Called after every change to the table. */
  changed(): void;
  /** Asks the network again now (after a goodbye, to hear a twin that is still there). */
  requery(): void;
}

export interface ServiceTable {
  /** An announcement or update heard by `browser`. */
  track(browser: Bonjour.Browser, type: PrinterServiceType, service: Bonjour.Service): void;
  /** A goodbye: gone in one second unless a same-named service answers meanwhile. */
  untrack(service: Bonjour.Service): void;
  /** Any answer that names a known service (SRV/TXT, ttl > 0) proves it is still there. */
  refresh(packet: { answers?: RawRecord[]; additionals?: RawRecord[] }): void;
  /** Forgets services not heard since `cutoff` (the time of an earlier re-query). */
  sweep(cutoff: number): void;
  /** Forgets everything heard through these browsers (an interface went away). */
  forgetBrowsers(browsers: readonly Bonjour.Browser[]): void;
  announcements(): ServiceAnnouncement[];
  stop(): void;
}

export function createServiceTable(options: ServiceTableOptions): ServiceTable {
  const services = new Map<string, Tracked>();
  const goodbyes = new Map<string, NodeJS.Timeout>();
  let goodbyeQuery: NodeJS.Timeout | null = null;
  let stopped = false;

  return {
    track(browser, type, service) {
      const announcement = toAnnouncement(service, type);
      if (!announcement) return;
      if (options.accept && !options.accept(announcement)) return;
      if (!services.has(announcement.fqdn) && services.size >= options.maxServices) return;
      services.set(announcement.fqdn, { announcement, browser, lastSeen: Date.now() });
      options.changed();
    },
    // RFC 6762 section 10.1: a goodbye means "gone in one second", not "gone now". Ask again at
    // once: a same-named service that is still there (a twin on another interface, or another
    // practice world on this computer) answers within that second and stays listed without a
    // flicker; a departed one is dropped when the second is up.
    untrack(service) {
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
          options.changed();
        }, goodbyeGraceMs).unref(),
      );
      // One query for a burst of goodbyes (a printer says one per service type).
      goodbyeQuery ??= setTimeout(() => {
        goodbyeQuery = null;
        if (!stopped) options.requery();
      }, 50).unref();
    },
    // bonjour-service keeps only the first sighting, so liveness is tracked here.
    refresh(packet) {
      const now = Date.now();
      for (const record of [...(packet.answers ?? []), ...(packet.additionals ?? [])]) {
        if ((record.type !== 'SRV' && record.type !== 'TXT') || typeof record.name !== 'string') {
          continue;
        }
        const tracked = services.get(normaliseHost(record.name));
        if (tracked && record.ttl !== 0) tracked.lastSeen = now;
      }
    },
    sweep(cutoff) {
      for (const [fqdn, tracked] of services) {
        if (tracked.lastSeen >= cutoff) continue;
        services.delete(fqdn);
        // Let the browser forget it too, so a return is announced as new.
        (tracked.browser as unknown as { removeService(fqdn: string): void }).removeService(
          tracked.announcement.fqdn,
        );
        options.changed();
      }
    },
    forgetBrowsers(browsers) {
      for (const [fqdn, tracked] of services) {
        if (browsers.includes(tracked.browser)) services.delete(fqdn);
      }
      options.changed();
    },
    announcements: () => [...services.values()].map((tracked) => tracked.announcement),
    stop() {
      stopped = true;
      if (goodbyeQuery) clearTimeout(goodbyeQuery);
      for (const timer of goodbyes.values()) clearTimeout(timer);
      goodbyes.clear();
    },
  };
}

/**
 * One announcement as the rest of the wizard may use it: every field the network sent cleaned
 * and bounded, addresses only where they are IP addresses. Null when it names nothing.
 */
export const toAnnouncement = (
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
