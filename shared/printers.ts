/**
 * Printers as the wizard shows them: one row per physical printer, built from the DNS-SD
 * announcements it makes (several service types each) and from manual address probes.
 * Everything here comes from the network and is hostile: values are cleaned to plain,
 * bounded text before they are kept, and links are rebuilt, never taken as given.
 */
import type { PrinterVendor } from './vendor-profiles';

/** DNS-SD service types a printer or scanner announces, most preferred (secure) first. */
export const printerServiceTypes = [
  'ipps',
  'ipp',
  'uscans',
  'uscan',
  'printer',
  'pdl-datastream',
  'http',
] as const;
export type PrinterServiceType = (typeof printerServiceTypes)[number];

export const secureServiceTypes: readonly PrinterServiceType[] = ['ipps', 'uscans'];

/** One service announcement, already reduced to cleaned plain values. */
export interface ServiceAnnouncement {
  /** The service's full DNS name, lower case: the identity of the announcement. */
  fqdn: string;
  type: PrinterServiceType;
  /** The instance name (what the printer calls itself), cleaned. */
  instance: string;
  /** SRV target host, lower case, without a trailing dot. */
  host: string;
  port: number;
  /** Where packets came from first, then the A/AAAA records. */
  addresses: string[];
  /** TXT keys lower-cased (RFC 6763 keys are case-insensitive), first occurrence kept. */
  txt: Record<string, string>;
  /** DNS-SD subtypes, e.g. `printer` for `_printer._sub._http._tcp`. */
  subtypes: string[];
  seenAt: number;
}

/** The make a printer is (shared/vendor-profiles.ts recognises it). */
export type { PrinterVendor };

/** What a probe of a printer's address learned (Web Config and IPP). */
export interface ProbeSummary {
  at: string;
  /** Web Config origin that answered, https preferred. */
  webConfigUrl: string | null;
  makeAndModel: string | null;
  firmwareVersion: string | null;
  uuid: string | null;
  state: 'idle' | 'processing' | 'stopped' | null;
  name: string | null;
  location: string | null;
  manufacturer: string | null;
}

export interface ManualEntry {
  /** What the user typed, normalised: host (IPv6 without brackets) and optional port. */
  host: string;
  port: number | null;
  probe: ProbeSummary;
}

/** One row of the list: one physical printer. */
export interface PrinterEntry {
  /** Stable across runs: `uuid:<uuid>`, else `host:<host>`, else `address:<host[:port]>`. */
  id: string;
  name: string;
  model: string | null;
  manufacturer: string | null;
  vendor: PrinterVendor;
  location: string | null;
  host: string | null;
  addresses: string[];
  uuid: string | null;
  services: PrinterServiceType[];
  offers: { print: boolean; scan: boolean; fax: boolean };
  /** Offers an encrypted service (IPPS or eSCL over TLS). */
  secure: boolean;
  webConfigUrl: string | null;
  sources: ('network' | 'manual')[];
  probe: ProbeSummary | null;
}

/** A chosen printer as progress remembers it (plain, non-secret, bounded). */
export interface ChosenPrinter {
  id: string;
  name: string;
  model: string | null;
  vendor: PrinterVendor;
  addresses: string[];
  webConfigUrl: string | null;
  firmwareVersion: string | null;
}

export interface DiscoverySnapshot {
  /** Grows with every change: replies and events may arrive out of order, the newest wins. */
  revision: number;
  /** True while browsing runs. */
  searching: boolean;
  /** When the current search started (ISO 8601), null before the first. */
  startedAt: string | null;
  /** How many network interfaces are browsed (loopback included). */
  interfaces: number;
  printers: PrinterEntry[];
}

/** Epson's IPP UUIDs start with this, followed by the MAC address (reference F.2). */
export const epsonUuidPrefix = 'cfe92100-67c4-11d4-a45f-';
