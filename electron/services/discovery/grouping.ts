/**
 * Turns announcements and probes into printer rows (see shared/printers.ts): cleaning of
 * hostile values, vendor recognition, web links, and grouping into one row per printer.
 * Pure functions, no I/O.
 */
import {
  printerServiceTypes,
  secureServiceTypes,
  type ChosenPrinter,
  type ManualEntry,
  type PrinterEntry,
  type PrinterServiceType,
  type ProbeSummary,
  type ServiceAnnouncement,
} from '../../../shared/printers';
import { recogniseVendor } from '../../../shared/vendor-profiles';

/** The one vendor recogniser lives in shared/ (the card and the walkthrough read it too). */
export { recogniseVendor };

export const textLimits = { name: 80, model: 80, location: 120, address: 64, value: 200 };

// C0/C1 controls, DEL, bidirectional overrides and isolates, zero-width and BOM characters.
function isUnsafeCharacter(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/**
 * Makes a network value safe to show: controls become spaces, runs of space collapse, and the
 * result is cut at a character boundary with an ellipsis. Never returns markup: the UI shows
 * it as text, so `<img>` stays the five characters it is.
 */
export function cleanText(value: unknown, limit: number = textLimits.value): string {
  if (typeof value !== 'string') return '';
  // Work on a bounded prefix: the result is cut to `limit` anyway.
  const safe = Array.from(value.slice(0, limit * 4 + 16), (character) =>
    isUnsafeCharacter(character.codePointAt(0) ?? 0) ? ' ' : character,
  ).join('');
  const flat = safe.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  if (characters.length <= limit) return flat;
  return `${characters
    .slice(0, Math.max(1, limit - 1))
    .join('')
    .trimEnd()}…`;
}

/** A UUID in canonical lower-case form, or null when the value isn't one. */
export function normaliseUuid(value: string | null | undefined): string | null {
  if (!value) return null;
  const match =
    /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
      value.trim(),
    );
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** A host name as a key: lower case, no trailing dot. */
export function normaliseHost(value: string): string {
  return value.trim().toLowerCase().replace(/\.+$/, '');
}

export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255 && !/^0\d/.test(part))
  );
}

/** Loose IPv6 check (hex groups, one `::`, optional zone); the network stack decides the rest. */
export function isIpv6(value: string): boolean {
  const [address = '', zone] = value.split('%');
  if (zone !== undefined && !/^[\w.-]{1,32}$/.test(zone)) return false;
  if (!/^[0-9a-f:.]+$/i.test(address) || !address.includes(':')) return false;
  if ((address.match(/::/g) ?? []).length > 1) return false;
  const groups = address.split(':');
  return (
    groups.length >= 3 &&
    groups.length <= 8 &&
    groups.every((group) => group.length <= 4 || isIpv4(group))
  );
}

export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value
    .replace(/\.$/, '')
    .split('.')
    .every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(label));
}

/** `host` or `[v6]` as it goes into a URL. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Orders addresses for reaching a printer: IPv4 first, link-local and loopback v6 last. */
function rankAddress(address: string): number {
  if (isIpv4(address)) return address.startsWith('169.254.') ? 1 : 0;
  if (/^fe80:/i.test(address)) return 3;
  return 2;
}

export function preferredAddress(addresses: readonly string[]): string | null {
  return [...addresses].sort((a, b) => rankAddress(a) - rankAddress(b))[0] ?? null;
}

/** Whether a URL host (v6 in brackets) is one of the printer's own announced addresses. */
function isOwnAddress(urlHostname: string, addresses: readonly string[]): boolean {
  const asUrlHost = (address: string): string => {
    try {
      return new URL(`http://${urlHost(address)}/`).hostname;
    } catch {
      return '';
    }
  };
  const candidate = normaliseHost(urlHostname);
  return addresses.some((address) => normaliseHost(asUrlHost(address)) === candidate);
}

/**
 * The printer's web page: its `adminurl` when that is a plain http(s) address on one of the
 * printer's own announced addresses or on a `.local` host name (swapped for the address it
 * answered from: not every system resolves `.local`, and the name is only as good as the
 * announcement), else http://address/. Anything else (another host, a DNS name, other
 * schemes, credentials, junk) gives the fallback: a printer must not be able to send the
 * administrator to a page of its choosing, such as a look-alike Microsoft sign-in page.
 */
export function webConfigUrl(
  adminUrl: string | undefined,
  addresses: readonly string[],
  httpPort: number | null = null,
): string | null {
  const address = preferredAddress(addresses);
  if (adminUrl) {
    try {
      const parsed = new URL(adminUrl);
      const local = /\.local\.?$/i.test(parsed.hostname);
      if (
        (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
        !parsed.username &&
        !parsed.password &&
        (local ? address !== null : isOwnAddress(parsed.hostname, addresses))
      ) {
        if (local && address) parsed.hostname = urlHost(address);
        return parsed.href;
      }
    } catch {
      // not a URL: fall back to the address
    }
  }
  const port = httpPort && httpPort !== 80 ? `:${httpPort}` : '';
  // The first address a browser can open (an IPv6 zone such as %eth0 has no URL form).
  for (const candidate of address ? [address, ...addresses] : []) {
    try {
      return new URL(`http://${urlHost(candidate)}${port}/`).href;
    } catch {
      // try the next address
    }
  }
  return null;
}

/** The web origin of a URL, or null for anything that is not http(s). */
export function webOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(t|true|1|yes)$/i.test(value.trim());
}

/** Model from TXT: `ty`, else `product` without its parentheses, else usb_MFG + usb_MDL. */
export function modelFromTxt(txt: Record<string, string>): string | null {
  const ty = cleanText(txt['ty'], textLimits.model);
  if (ty) return ty;
  const product = cleanText((txt['product'] ?? '').replace(/^\((.*)\)$/, '$1'), textLimits.model);
  if (product) return product;
  const usb = cleanText(`${txt['usb_mfg'] ?? ''} ${txt['usb_mdl'] ?? ''}`, textLimits.model);
  return usb || null;
}

/** Union-find over string keys. */
class Groups {
  private parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (
      let up = this.parent.get(root);
      up !== undefined && up !== root;
      up = this.parent.get(root)
    ) {
      root = up;
    }
    this.parent.set(key, root);
    return root;
  }
  join(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}

const typeRank = (type: PrinterServiceType): number => printerServiceTypes.indexOf(type);

/**
 * Groups announcements and manual entries into one entry per physical printer: announcements
 * sharing a UUID or a host name are one printer; a manual entry joins by the UUID its probe
 * read, else by address (only when exactly one printer has that address). Web-only services
 * (`_http` without the `_printer` subtype) are shown only as part of a printer.
 */
export function groupPrinters(
  announcements: readonly ServiceAnnouncement[],
  manual: readonly ManualEntry[] = [],
): PrinterEntry[] {
  const groups = new Groups();
  const keyOf = (announcement: ServiceAnnouncement): string => `fqdn:${announcement.fqdn}`;
  for (const announcement of announcements) {
    const own = keyOf(announcement);
    groups.find(own);
    const uuid = normaliseUuid(announcement.txt['uuid']);
    if (uuid) groups.join(`uuid:${uuid}`, own);
    if (announcement.host) groups.join(`host:${announcement.host}`, own);
  }
  const members = new Map<string, ServiceAnnouncement[]>();
  for (const announcement of announcements) {
    const root = groups.find(keyOf(announcement));
    members.set(root, [...(members.get(root) ?? []), announcement]);
  }
  const entries = new Map<string, PrinterEntry>();
  for (const [root, list] of members) {
    const entry = entryFromAnnouncements(list);
    if (entry) entries.set(root, entry);
  }
  for (const item of manual) {
    const uuid = normaliseUuid(item.probe.uuid);
    let target: PrinterEntry | undefined;
    if (uuid) target = [...entries.values()].find((entry) => entry.uuid === uuid);
    if (!target) {
      const byAddress = [...entries.values()].filter(
        (entry) =>
          entry.addresses.includes(item.host) ||
          (entry.host !== null && entry.host === normaliseHost(item.host)),
      );
      if (byAddress.length === 1) target = byAddress[0];
    }
    if (target) {
      mergeProbe(target, item.probe);
      if (!target.sources.includes('manual')) target.sources.push('manual');
    } else {
      const entry = entryFromManual(item);
      entries.set(`manual:${entry.id}`, entry);
    }
  }
  return [...entries.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

function entryFromAnnouncements(list: ServiceAnnouncement[]): PrinterEntry | null {
  const sorted = [...list].sort((a, b) => typeRank(a.type) - typeRank(b.type));
  const printing = sorted.filter(
    (item) => item.type !== 'http' || item.subtypes.includes('printer'),
  );
  const first = printing[0];
  if (!first) return null;
  // TXT merged so that the most preferred (secure) announcement wins each key.
  const txt: Record<string, string> = {};
  for (const item of [...sorted].reverse()) Object.assign(txt, item.txt);
  const uuid =
    sorted.map((item) => normaliseUuid(item.txt['uuid'])).find((value) => value !== null) ?? null;
  const addresses = [...new Set(sorted.flatMap((item) => item.addresses))].slice(0, 6);
  const model = modelFromTxt(txt);
  const services = [...new Set(sorted.map((item) => item.type))];
  const host = first.host || null;
  const manufacturer = cleanText(txt['usb_mfg'], textLimits.model) || null;
  const scan = services.includes('uscan') || services.includes('uscans') || isTrue(txt['scan']);
  return {
    id: uuid ? `uuid:${uuid}` : `host:${host ?? first.fqdn}`,
    name:
      cleanText(first.instance, textLimits.name) ||
      model ||
      cleanText(host, textLimits.name) ||
      '?',
    model,
    manufacturer,
    vendor: recogniseVendor({ txt, uuid, manufacturer, model, name: first.instance }),
    location: cleanText(txt['note'], textLimits.location) || null,
    host,
    addresses,
    uuid,
    services,
    offers: {
      print: services.some((type) => ['ipp', 'ipps', 'printer', 'pdl-datastream'].includes(type)),
      scan,
      fax: isTrue(txt['fax']) || Boolean(txt['rfo']),
    },
    secure: services.some((type) => secureServiceTypes.includes(type)),
    webConfigUrl: webConfigUrl(
      txt['adminurl'],
      addresses,
      sorted.find((item) => item.type === 'http')?.port ?? null,
    ),
    sources: ['network'],
    probe: null,
  };
}

function entryFromManual(item: ManualEntry): PrinterEntry {
  const uuid = normaliseUuid(item.probe.uuid);
  const key = item.port ? `${item.host}:${item.port}` : item.host;
  const entry: PrinterEntry = {
    id: uuid ? `uuid:${uuid}` : `address:${key}`,
    name: item.host,
    model: null,
    manufacturer: null,
    vendor: 'other',
    location: null,
    host: null,
    addresses: [item.host],
    uuid,
    services: [],
    offers: { print: item.probe.makeAndModel !== null, scan: false, fax: false },
    secure: item.probe.webConfigUrl?.startsWith('https:') ?? false,
    webConfigUrl: null,
    sources: ['manual'],
    probe: null,
  };
  mergeProbe(entry, item.probe);
  return entry;
}

/** Adds what a probe learned, without overwriting what the printer announced itself. */
export function mergeProbe(entry: PrinterEntry, probe: ProbeSummary): void {
  entry.probe = probe;
  entry.model ??= probe.makeAndModel;
  entry.manufacturer ??= probe.manufacturer;
  entry.location ??= probe.location;
  entry.uuid ??= normaliseUuid(probe.uuid);
  // The announced page stays unless the probe found none before or an encrypted one.
  if (
    probe.webConfigUrl &&
    (!entry.webConfigUrl ||
      (probe.webConfigUrl.startsWith('https:') && !entry.webConfigUrl.startsWith('https:')))
  ) {
    entry.webConfigUrl = probe.webConfigUrl;
  }
  if (entry.sources.length === 1 && entry.sources[0] === 'manual' && probe.name) {
    entry.name = probe.name;
  }
  if (probe.webConfigUrl?.startsWith('https:')) entry.secure = true;
  // What the printer announced stays; a probe names the make of one typed in by address.
  if (entry.vendor === 'other') {
    entry.vendor = recogniseVendor({
      uuid: entry.uuid,
      manufacturer: entry.manufacturer,
      model: entry.model,
    });
  }
}

export function toChosenPrinter(entry: PrinterEntry): ChosenPrinter {
  return {
    id: entry.id,
    name: entry.name,
    model: entry.model,
    vendor: entry.vendor,
    addresses: entry.addresses.slice(0, 4),
    webConfigUrl: entry.webConfigUrl,
    firmwareVersion: entry.probe?.firmwareVersion ?? null,
  };
}
