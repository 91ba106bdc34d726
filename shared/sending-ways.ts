/**
 * The ways a printer keeps sending through Exchange Online when it cannot do OAuth 2.0, side by
 * side (who can receive, what it needs, what it costs, how long it lasts), and the pure rules the
 * proof of a way uses: Exchange's greeting and EHLO reply, whether an MX host is Exchange
 * Online's, and whether an SPF record names an address. Facts and their sources:
 * docs/sending-ways.md (from ../shared/reference/admin-changes-and-other-ways.md section 3).
 */
import type { CloudProfile } from './cloud-profiles';
import type { CheckResult } from './model';
import type { Progress } from './model';
import { judgeOauthSupport, type OauthVerdict } from './printer-oauth';

export const sendingWays = [
  'hve',
  'direct-send',
  'connector-relay',
  'password-for-now',
  'relay-computer',
] as const;
export type SendingWayId = (typeof sendingWays)[number];

export function isSendingWay(value: unknown): value is SendingWayId {
  return typeof value === 'string' && (sendingWays as readonly string[]).includes(value);
}

/**
 * The ways the wizard can prove from this computer. A password sign-in is proven by one AUTH
 * LOGIN with the password typed once; the relay on an always-on computer is the person's own,
 * set up and proven with its own guide.
 */
export const provableWays = ['hve', 'direct-send', 'connector-relay', 'password-for-now'] as const;
export type ProvableWayId = (typeof provableWays)[number];

export function isProvableWay(way: SendingWayId): way is ProvableWayId {
  return (provableWays as readonly string[]).includes(way);
}

export interface SendingWayFacts {
  id: SendingWayId;
  /** Who can receive what the printer sends this way. */
  recipients: 'internal' | 'internal-and-external' | 'depends';
  /** Which endpoint the printer talks to (read from the cloud profile). */
  endpoint: 'hve' | 'mx' | 'smtp' | 'local-relay';
  /** Whether the printer signs in (an account and its password) or sends without one. */
  signsIn: boolean;
  /** For the relay on an always-on computer: the programs named, with their own pages. */
  links?: readonly { name: string; url: string }[];
}

/** The ways, in the order the step lays them out (the words per way: ways.json `ways.<id>`). */
export const sendingWayFacts: Record<SendingWayId, SendingWayFacts> = {
  hve: { id: 'hve', recipients: 'internal', endpoint: 'hve', signsIn: true },
  'direct-send': { id: 'direct-send', recipients: 'internal', endpoint: 'mx', signsIn: false },
  'connector-relay': {
    id: 'connector-relay',
    recipients: 'internal-and-external',
    endpoint: 'mx',
    signsIn: false,
  },
  'password-for-now': {
    id: 'password-for-now',
    recipients: 'internal-and-external',
    endpoint: 'smtp',
    signsIn: true,
  },
  'relay-computer': {
    id: 'relay-computer',
    recipients: 'depends',
    endpoint: 'local-relay',
    signsIn: false,
    links: [
      { name: 'email-oauth2-proxy', url: 'https://github.com/simonrob/email-oauth2-proxy' },
      { name: 'SMTP2Graph', url: 'https://github.com/SMTP2Graph/SMTP2Graph' },
    ],
  },
};

/** The origins of the programs' pages: main's link allow-list admits exactly these. */
export const sendingWayLinkOrigins: readonly string[] = [
  ...new Set(
    Object.values(sendingWayFacts).flatMap((way) =>
      (way.links ?? []).map((link) => /^https:\/\/[a-z0-9.-]+/i.exec(link.url)?.[0] ?? ''),
    ),
  ),
].filter((origin) => origin !== '');

/**
 * Whether this printer needs another way: its maker says OAuth 2.0 is not offered, or the
 * person said its email settings have none ('needed'); 'offered' when no source says either way
 * (the step is then reachable as an option); 'not-needed' when it can do OAuth 2.0.
 */
export function anotherWayNeed(verdict: OauthVerdict): 'needed' | 'offered' | 'not-needed' {
  if (verdict.kind === 'not-offered') return 'needed';
  if (verdict.kind === 'unknown') return 'offered';
  return 'not-needed';
}

/**
 * Whether the journey passes through "Choose a way to keep sending": a chosen printer needs
 * another way, or already has one.
 */
export function keepSendingOnTheWay(
  progress: Pick<Progress, 'printers' | 'printerSetup'>,
): boolean {
  return progress.printers.some((printer) => {
    const record = progress.printerSetup[printer.id];
    if (record?.sendingWay) return true;
    const verdict = judgeOauthSupport(
      { vendor: printer.vendor, model: printer.model, firmware: printer.firmwareVersion },
      { noOauthInEmailSettings: record?.noOauthInEmailSettings === true },
    );
    return anotherWayNeed(verdict) === 'needed';
  });
}

/**
 * The steps about the wizard's own Microsoft sign-in: Prepare Exchange Online, Sign in and Check
 * Exchange Online. A printer that sends by another way does not sign in to Microsoft with
 * OAuth 2.0: its way's proof ("Prove this way") stands in for them.
 */
export const signInSteps = ['prepare-exchange', 'sign-in', 'verify-tenant'] as const;
export type SignInStepId = (typeof signInSteps)[number];

export function isSignInStep(step: string): step is SignInStepId {
  return (signInSteps as readonly string[]).includes(step);
}

/**
 * Whether every chosen printer sends by another way (so the sign-in steps are not needed and
 * the board's "Microsoft 365 ready" row reads from the ways' proof). false with no printer.
 */
export function everyPrinterHasAWay(
  progress: Partial<Pick<Progress, 'printers' | 'printerSetup'>>,
): boolean {
  const printers = progress.printers ?? [];
  const setup = progress.printerSetup ?? {};
  return printers.length > 0 && printers.every((printer) => !!setup[printer.id]?.sendingWay);
}

/** What the printer's own SMTP settings must be for a way (the step "Set up the printer"). */
export interface PrinterSmtpSettings {
  server: string;
  port: number;
  /** 'as-relay': what the relay on an always-on computer was set up to take (its own guide). */
  security: 'starttls' | 'none-or-starttls' | 'as-relay';
  authentication: 'password' | 'none' | 'as-relay';
}

/** A host name or IPv4 address the person types for their relay computer (no scheme, no port). */
export const relayHostPattern =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

/** The relay computer the person typed (the relay way): where the printer sends. */
export interface RelayAddress {
  host: string;
  port: number;
}

/** The typed relay address, checked; null when it is not a host and a port. */
export function readRelayAddress(host: string, port: string): RelayAddress | null {
  const cleaned = host.trim().toLowerCase().replace(/\.$/, '');
  const number = Number(port.trim());
  if (!relayHostPattern.test(cleaned) || !/^\d{1,5}$/.test(port.trim())) return null;
  if (number < 1 || number > 65535) return null;
  return { host: cleaned, port: number };
}

/**
 * The printer's SMTP settings for a way, from the cloud profile; the MX host is the one the
 * proof found (null until proven). null for the relay on an always-on computer, which the
 * person sets up with its own guide.
 */
export function printerSmtpSettings(
  way: SendingWayId,
  profile: Pick<CloudProfile, 'hveHost' | 'hvePort' | 'smtpHost' | 'smtpPort' | 'mxPort'>,
  mxHost: string | null,
  relay: RelayAddress | null = null,
): PrinterSmtpSettings | null {
  switch (way) {
    case 'hve':
      return profile.hveHost === undefined
        ? null
        : {
            server: profile.hveHost,
            port: profile.hvePort,
            security: 'starttls',
            authentication: 'password',
          };
    case 'direct-send':
    case 'connector-relay':
      return mxHost
        ? {
            server: mxHost,
            port: profile.mxPort,
            security: 'none-or-starttls',
            authentication: 'none',
          }
        : null;
    case 'password-for-now':
      return {
        server: profile.smtpHost,
        port: profile.smtpPort,
        security: 'starttls',
        authentication: 'password',
      };
    case 'relay-computer':
      return relay
        ? {
            server: relay.host,
            port: relay.port,
            security: 'as-relay',
            authentication: 'as-relay',
          }
        : null;
  }
}

/** One line of a Brother's SMTP page: its own label (English, as Brother prints it) and value. */
export interface BrotherSmtpLine {
  field: 'server' | 'port' | 'ssl-tls' | 'authentication' | 'account' | 'sender';
  label: string;
  value: string;
}

/**
 * The way's settings in a Brother's own words (Web Based Management, Network > Protocol > SMTP,
 * docs/sending-ways.md): Brother's "SSL/TLS" value TLS is STARTTLS; its Server Authentication
 * Method is None or SMTP-AUTH (account and password). Null where the way names no settings
 * (the relay on an always-on computer: its own guide).
 */
export function brotherSmtpLines(
  settings: PrinterSmtpSettings | null,
  sender: string | null,
  account: string | null,
): BrotherSmtpLine[] | null {
  if (!settings || settings.security === 'as-relay' || settings.authentication === 'as-relay') {
    return null;
  }
  const password = settings.authentication === 'password';
  return [
    { field: 'server', label: 'Server Address', value: settings.server },
    { field: 'port', label: 'SMTP Port', value: String(settings.port) },
    // STARTTLS is Brother's TLS; the MX offers it, so the printer uses it there too.
    { field: 'ssl-tls', label: 'SSL/TLS', value: 'TLS' },
    {
      field: 'authentication',
      label: 'Server Authentication Method',
      value: password ? 'SMTP-AUTH' : 'None',
    },
    ...(password && account
      ? [{ field: 'account' as const, label: 'SMTP-AUTH Account Name', value: account }]
      : []),
    ...(sender
      ? [{ field: 'sender' as const, label: 'Device E-mail Address', value: sender }]
      : []),
  ];
}

/** The way a printer sends by, as progress keeps it in the printer's record (never a password). */
export interface SendingWayChoice {
  way: SendingWayId;
  /** When the person chose it (ISO 8601). */
  chosenAt: string;
  /** The sending address the proof used (the printer's sender). */
  sender?: string;
  /** The relay way: the relay computer's address and port, as the person typed them. */
  relay?: RelayAddress;
  /** The last proof, as main ran it: passed, or the problem it met. Main alone writes it. */
  proof?: CheckResult & { mxHost?: string; publicAddress?: string };
}

// ---------------------------------------------------------------------------------------------
// Reading Exchange's replies and DNS answers (hostile input: bounded, checked, never trusted).

const ipv4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv6 = /^[0-9a-f:]{2,39}$/i;

export function isIpAddress(text: string): boolean {
  return ipv4.test(text) || (ipv6.test(text) && text.includes(':'));
}

/**
 * An SMTP greeting line: "220 <host> …" (Exchange: "220 CY1NAM02FT061.mail.protection.outlook.com
 * Microsoft ESMTP MAIL Service ready at …"). Anything else is not an SMTP server talking.
 */
export function readGreeting(
  line: string,
): { kind: 'ready'; host: string } | { kind: 'refused'; code: number; text: string } | null {
  const match = /^(\d{3})[ -](\S*)/.exec(line);
  if (!match) return null;
  const code = Number(match[1]);
  if (code === 220) return { kind: 'ready', host: (match[2] ?? '').slice(0, 253) };
  if (code >= 400 && code < 600) return { kind: 'refused', code, text: line.slice(0, 300) };
  return null;
}

/**
 * The client's address as the server saw it, from the first line of its EHLO reply:
 * Exchange answers "250-AM3PR05CA0094.outlook.office365.com Hello [77.233.241.24]".
 * null when the reply names none (another server, or a proxy in between).
 */
export function publicAddressFromEhlo(reply: string): string | null {
  const first = reply.split(/\r?\n/, 1)[0] ?? '';
  const match = /^250[ -]\S+\s+Hello\s+\[([0-9a-f.:]+)\]/i.exec(first);
  const address = match?.[1];
  if (!address) return null;
  const plain = address.replace(/^::ffff:/i, '');
  return isIpAddress(plain) ? plain : null;
}

export interface MxRecord {
  exchange: string;
  priority: number;
}

export type MxJudgement =
  | { kind: 'none' }
  | { kind: 'exchange-online'; host: string }
  | { kind: 'not-exchange-online'; host: string };

/** Host names compare in lower case, without the root's trailing dot. */
export function cleanHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * The preferred MX host (lowest preference) and whether it is Exchange Online's, from the
 * cloud profile's MX suffixes ("mail.protection.outlook.com", and "mx.microsoft" for the
 * DNSSEC MX records in the global cloud).
 */
export function judgeMx(records: readonly MxRecord[], suffixes: readonly string[]): MxJudgement {
  const usable = records
    .map((record) => ({ host: cleanHost(record.exchange), priority: record.priority }))
    .filter((record) => record.host !== '' && /^[a-z0-9.-]{1,253}$/.test(record.host))
    .sort((a, b) => a.priority - b.priority);
  const best = usable[0];
  if (!best) return { kind: 'none' };
  const isExchange = suffixes.some((suffix) => best.host.endsWith(`.${cleanHost(suffix)}`));
  return isExchange
    ? { kind: 'exchange-online', host: best.host }
    : { kind: 'not-exchange-online', host: best.host };
}

/** The mechanisms of one SPF record (RFC 7208) the wizard follows; the rest it names only. */
export interface SpfRecord {
  ip4: string[];
  ip6: string[];
  includes: string[];
  redirect: string | null;
  /** Mechanisms naming addresses the wizard does not resolve (a, mx, exists, ptr). */
  unresolved: string[];
}

/** The SPF record among a domain's TXT strings ("v=spf1 …"), or null when there is none. */
export function findSpf(txt: readonly (readonly string[])[]): string | null {
  for (const chunks of txt) {
    const text = chunks.join('');
    if (/^v=spf1(?:\s|$)/i.test(text)) return text.slice(0, 2048);
  }
  return null;
}

export function parseSpf(record: string): SpfRecord {
  const parsed: SpfRecord = { ip4: [], ip6: [], includes: [], redirect: null, unresolved: [] };
  for (const term of record.split(/\s+/).slice(1)) {
    const bare = term.replace(/^[+?~-]/, '');
    const qualifier = term === bare ? '+' : term[0];
    const [name = '', value = ''] = bare.split(/[:=](.*)/s, 2);
    const lower = name.toLowerCase();
    if (lower === 'redirect') parsed.redirect = value;
    // Only a pass ('+') names an address as allowed.
    if (qualifier !== '+') continue;
    if (lower === 'ip4') parsed.ip4.push(value);
    else if (lower === 'ip6') parsed.ip6.push(value);
    else if (lower === 'include' && value) parsed.includes.push(value);
    else if (['a', 'mx', 'exists', 'ptr'].includes(lower)) parsed.unresolved.push(bare);
  }
  return parsed;
}

function ipv4Number(address: string): number | null {
  if (!ipv4.test(address)) return null;
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0);
}

/** Whether an IPv4 address is in "a.b.c.d" or "a.b.c.d/n" (IPv6 only compared whole). */
export function addressInRange(address: string, range: string): boolean {
  const [base = '', bits] = range.split('/');
  if (address.includes(':') || base.includes(':')) {
    return bits === undefined && address.toLowerCase() === base.toLowerCase();
  }
  const value = ipv4Number(address);
  const start = ipv4Number(base);
  const length = bits === undefined ? 32 : Number(bits);
  if (value === null || start === null || !Number.isInteger(length) || length < 0 || length > 32) {
    return false;
  }
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return (value & mask) >>> 0 === (start & mask) >>> 0;
}

/** Whether one record's own ip4/ip6 terms name the address (includes are followed by main). */
export function spfNamesDirectly(record: SpfRecord, address: string): boolean {
  const ranges = address.includes(':') ? record.ip6 : record.ip4;
  return ranges.some((range) => addressInRange(address, range));
}

/** A sending address's domain, lower case; null for an address that is not one. */
export function domainOf(address: string): string | null {
  const match =
    /^[^\s@<>()",;:]{1,64}@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i.exec(
      address.trim(),
    );
  return match?.[1] ? match[1].toLowerCase() : null;
}

// The way check's summary reads "<printer>: <way id>, …" (shared/board/printers.ts): main writes
// ids, each screen and the report put the way's name in their language.
const wayAfterPrinter = new RegExp(`: (${sendingWays.join('|')})(?=,|$)`, 'g');

/** A summary with each way id after a printer replaced by `name(id)`. */
export function nameWaysInSummary(summary: string, name: (way: SendingWayId) => string): string {
  return summary.replace(wayAfterPrinter, (_match, id: SendingWayId) => `: ${name(id)}`);
}
