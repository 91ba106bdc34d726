/**
 * The practice mailbox: what the practice Exchange delivers lands in each recipient's inbox,
 * and the practice Graph serves it at GET /me/messages with Graph's permission model for
 * messages (delegated Mail.ReadBasic or Mail.Read on the signed-in mailbox; docs/delivery.md).
 *
 * - $filter `receivedDateTime ge <date-time>` (the only filter the wizard uses; anything else
 *   is refused as Graph refuses an unsupported filter), $select, $top (default 10) and paging
 *   through @odata.nextLink ($skip), newest first.
 * - The `testMessage` switch, read when a message is delivered: at once, late (the inbox gets
 *   it `lateMs` after the Exchange accepted it), or never (quarantined). 'wrong-sender' is the
 *   printer's doing (practice-printer-panel.ts).
 * - The `graph` switch's throttled-once / throttled-long / server-error / unauthorized apply
 *   here too, so the watcher meets them.
 * - Mail.ReadBasic never returns a body; neither does this route, whatever $select asks.
 */
import { randomBytes } from 'node:crypto';
import type { DeliveredMessage, PracticeExchange } from './practice-exchange';
import { practiceTenantPartName, type GraphAnswer, type PracticeTenant } from './practice-tenant';
import { graphError } from './practice-tenant/graph-host';
import type { PracticeContext, PracticePart } from './practice-world';

export const practiceMailboxPartName = 'mailbox';

export interface MailboxMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  /** When the inbox got it (ISO 8601); in the future while it is still "on its way". */
  receivedAt: string;
  quarantined: boolean;
}

export interface PracticeMailbox extends PracticePart {
  /** Every message filed so far (tests, the bench). */
  messages(): MailboxMessage[];
  /** Files a message directly, as if another sender's mail arrived (tests: paging, time window). */
  file(message: { from: string; to: string[]; subject: string; receivedAt?: string }): void;
  /** Requests the Graph route answered, in order (tests, the bench). */
  readonly requests: { at: number; status: number; url: string }[];
}

export interface PracticeMailboxOptions {
  /** How late a late message is (arrives-late). */
  lateMs?: number;
  now?: () => number;
}

const selectable = new Set(['id', 'from', 'subject', 'receivedDateTime', 'sender', 'toRecipients']);

const address = (value: string) => ({ emailAddress: { name: value, address: value } });

export function createPracticeMailbox(options: PracticeMailboxOptions = {}): PracticeMailbox {
  const lateMs = options.lateMs ?? 45_000;
  const now = options.now ?? Date.now;
  const filed: MailboxMessage[] = [];
  const requests: PracticeMailbox['requests'] = [];
  let unsubscribe: (() => void) | null = null;
  let context: PracticeContext | null = null;
  let throttledFor: string | null = null;

  const file = (message: {
    from: string;
    to: string[];
    subject: string;
    receivedAt?: string;
    quarantined?: boolean;
  }): void => {
    filed.push({
      id: `AAMk${randomBytes(12).toString('base64url')}`,
      from: message.from.toLowerCase(),
      to: message.to.map((to) => to.toLowerCase()),
      subject: message.subject,
      receivedAt: message.receivedAt ?? new Date(now()).toISOString(),
      quarantined: message.quarantined ?? false,
    });
    if (filed.length > 500) filed.shift();
  };

  const onDelivered = (message: DeliveredMessage): void => {
    const fate = context?.settings().testMessage ?? 'arrives';
    file({
      from: message.from,
      to: message.to,
      subject: message.subject,
      receivedAt: new Date(
        Date.parse(message.receivedAt) + (fate === 'arrives-late' ? lateMs : 0),
      ).toISOString(),
      quarantined: fate === 'never-arrives',
    });
  };

  function listMessages(upn: string, scopes: string[], url: URL): GraphAnswer {
    const scenario = context?.settings().graph ?? 'works';
    if (scenario !== 'throttled-once') throttledFor = null;
    switch (scenario) {
      case 'unauthorized':
        return graphError(
          401,
          'InvalidAuthenticationToken',
          'Access token has expired or is not yet valid.',
        );
      case 'throttled-long':
        return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '120' });
      case 'throttled-once':
        if (throttledFor !== 'done') {
          throttledFor = 'done';
          return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '1' });
        }
        break;
      case 'server-error':
        return graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      case 'malformed':
        return { status: 200, body: null, raw: '{"value": [{"from": ' };
    }
    if (!scopes.includes('Mail.ReadBasic') && !scopes.includes('Mail.Read')) {
      return graphError(
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
      );
    }
    const filter = url.searchParams.get('$filter');
    let since = Number.NEGATIVE_INFINITY;
    if (filter !== null) {
      const match = /^receivedDateTime ge (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)$/.exec(
        filter.trim(),
      );
      if (!match?.[1]) {
        return graphError(
          400,
          'ErrorInvalidUrlQueryFilter',
          'The query filter contains one or more invalid nodes.',
        );
      }
      since = Date.parse(match[1]);
    }
    const select = (url.searchParams.get('$select') ?? 'id,from,subject,receivedDateTime')
      .split(',')
      .map((field) => field.trim())
      .filter((field) => selectable.has(field));
    const top = Math.min(1000, Math.max(1, Number(url.searchParams.get('$top') ?? '10') || 10));
    const skip = Math.max(0, Number(url.searchParams.get('$skip') ?? '0') || 0);
    const visible = filed
      .filter(
        (message) =>
          !message.quarantined &&
          message.to.includes(upn.toLowerCase()) &&
          Date.parse(message.receivedAt) <= now() &&
          Date.parse(message.receivedAt) >= since,
      )
      .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
    const page = visible.slice(skip, skip + top).map((message) => {
      const full: Record<string, unknown> = {
        id: message.id,
        from: address(message.from),
        sender: address(message.from),
        subject: message.subject,
        receivedDateTime: message.receivedAt.replace(/\.\d{3}Z$/, 'Z'),
        toRecipients: message.to.map(address),
      };
      return Object.fromEntries([
        ['@odata.etag', `W/"${message.id.slice(-8)}"`],
        ...select.map((field) => [field, full[field]]),
      ]);
    });
    const body: Record<string, unknown> = {
      '@odata.context': `${url.origin}/graph/v1.0/$metadata#users('${upn}')/messages`,
      value: page,
    };
    if (skip + top < visible.length) {
      const next = new URL(url);
      next.searchParams.set('$skip', String(skip + top));
      body['@odata.nextLink'] = next.toString();
    }
    return { status: 200, body };
  }

  return {
    name: practiceMailboxPartName,
    requests,
    messages: () => filed.map((message) => ({ ...message, to: [...message.to] })),
    file: (message) => file(message),
    async start(started) {
      const tenant = started.part<PracticeTenant>(practiceTenantPartName);
      const exchange = started.part<PracticeExchange>('exchange');
      if (!tenant || !exchange) {
        throw new Error(
          'The practice mailbox needs the practice tenant and Exchange started first',
        );
      }
      context = started;
      unsubscribe = exchange.onDelivered(onDelivered);
      tenant.addGraphRoute('GET', '/me/messages', (caller, url) => {
        const answer = listMessages(caller.account.upn, caller.scopes, url);
        requests.push({ at: now(), status: answer.status, url: url.toString() });
        if (requests.length > 2000) requests.shift();
        return answer;
      });
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      context = null;
    },
  };
}
