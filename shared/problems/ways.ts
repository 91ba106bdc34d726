import type { ProblemEntry } from './types';

/**
 * Problems of proving a way to keep sending from this computer (shared/sending-ways.ts,
 * electron/services/sending-way-proof.ts). Exchange's own refusals are rows of the one reply
 * table (shared/exchange/replies.ts: 5.7.68 direct send rejected, 5.7.64 no connector); these
 * are what DNS, the network and the typed addresses say.
 */
export const wayProblems = {
  /** The sending address typed is not an address. */
  'way-sender-invalid': { area: 'ways', severity: 'warning', fixedOn: 'keep-sending' },
  /** The recipient typed is not an address, or not in the sending domain's organization. */
  'way-recipient-invalid': { area: 'ways', severity: 'warning', fixedOn: 'keep-sending' },
  /** Outlook.com (personal) has no organization: none of these ways exists there. */
  'way-no-organization': { area: 'ways', severity: 'error', fixedOn: 'welcome' },
  /** No source names High Volume Email's endpoint in this Microsoft cloud. */
  'way-hve-not-in-cloud': {
    area: 'ways',
    severity: 'error',
    remedies: ['choose-sending-way'],
  },
  'way-dns-failed': { area: 'ways', severity: 'error', remedies: ['choose-sending-way'] },
  'way-no-mx': {
    area: 'ways',
    severity: 'error',
    links: ['exchangeSettings'],
    remedies: ['choose-sending-way'],
  },
  'way-mx-not-exchange': {
    area: 'ways',
    severity: 'error',
    remedies: ['choose-sending-way'],
  },
  /** Refused at once: nothing listens, or a firewall or the provider refuses the port. */
  'way-port-blocked': { area: 'ways', severity: 'error', remedies: ['choose-sending-way'] },
  /** No answer within 10 s: most often the provider drops the port silently. */
  'way-port-timeout': { area: 'ways', severity: 'error', remedies: ['choose-sending-way'] },
  /** Something answered, but not an SMTP server (a captive portal, a proxy, another service). */
  'way-not-smtp': { area: 'ways', severity: 'error', remedies: ['choose-sending-way'] },
  /** The server refused the test message with a reply the table does not know. */
  'way-message-refused': { area: 'ways', severity: 'error', remedies: ['choose-sending-way'] },
  /** High Volume Email refused the account and password (unknown account or wrong password). */
  'way-hve-sign-in-refused': {
    area: 'ways',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['choose-sending-way'],
  },
  /** A password sign-in is proven with the mailbox's password, and none was typed. */
  'way-password-needed': { area: 'ways', severity: 'warning', fixedOn: 'keep-sending' },
  /** Exchange refused the mailbox's password (535 5.7.3) though password sign-in is on. */
  'way-password-refused': {
    area: 'ways',
    severity: 'error',
    links: ['m365ActiveUsers'],
    remedies: ['choose-sending-way'],
  },
  /** The domain has no SPF record: direct-sent mail may land in Junk. */
  'way-spf-missing': { area: 'ways', severity: 'warning', links: ['exchangeSettings'] },
  /** SPF does not name the address Exchange sees: direct-sent mail may land in Junk. */
  'way-spf-not-naming': { area: 'ways', severity: 'warning', links: ['exchangeSettings'] },
} as const satisfies Record<string, ProblemEntry>;
