/**
 * Watches the signed-in mailbox for the printer's test message, over Microsoft Graph with the
 * delegated permission Mail.ReadBasic (sender, subject, time; never a body), asked for only
 * when the person starts this part (docs/delivery.md).
 *
 * - One request per poll: GET /me/messages with $filter on receivedDateTime (only messages
 *   received since the watch started) and $select=from,subject,receivedDateTime, following
 *   @odata.nextLink page by page (bounded).
 * - The filter is on time only, not on the sender: a message with this watch's code from
 *   another address is a real misconfiguration and is named as such.
 * - 429: waits the Retry-After Graph asks for (bounded by the watch's end), then goes on.
 * - Stops by itself when the limit (ten minutes) is reached; one watch at a time.
 */
import { randomInt } from 'node:crypto';
import { graphScope, type CloudProfile } from '../../../shared/cloud-profiles';
import type {
  SeenMessage,
  TestWatch,
  TestWatches,
  TestWatchOutcome,
} from '../../../shared/contract/delivery';
import type { Problem } from '../../../shared/problem';
import { ProblemError } from '../../common/problem-error';
import { createBoundedHttps, retryAfterSeconds, type BoundedReply } from '../net/bounded-https';
import type { TokenSource } from '../token-source';

export interface TestMailWatcherOptions {
  tokens: TokenSource;
  profile(): Promise<CloudProfile>;
  trustedCa?: () => string | undefined;
  onChange(watches: TestWatches): void;
  /** How long a watch lasts (ten minutes; tests inject a short one). */
  limitMs?: number;
  /** Time between polls. */
  pollMs?: number;
  /** The clock (tests may inject one). */
  now?: () => number;
  /** Waits ms or until the signal aborts (tests may record the waits instead). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** One Graph call, from connect to the last byte (a server that trickles is cut off too). */
  requestTimeoutMs?: number;
  /** Pages followed per poll at most (each page is one Graph call). */
  maxPages?: number;
}

export interface StartWatch {
  printerId: string;
  /** The sending address the printer's status sheet shows. */
  expectedSender: string | null;
}

export interface TestMailWatcher {
  start(request: StartWatch): Promise<TestWatch>;
  stop(printerId: string): TestWatch;
  /** Records what the person saw themselves (when reading the mailbox was not allowed). */
  confirm(printerId: string, arrived: boolean): TestWatch;
  list(): TestWatches;
  /** Resolves when the running watch (if any) has ended; for tests, the bench and shutdown. */
  settled(): Promise<void>;
  /** Stops and forgets every watch: the progress they belonged to was replaced (practice). */
  forget(): void;
  close(): void;
}

export const mailReadPermission = 'Mail.ReadBasic';
export const watchLimitMs = 10 * 60_000;
const maxResponseBytes = 1024 * 1024;

/** Problems that mean "the mail permission is not granted (yet)". */
const permissionProblems = new Set([
  'signin-consent-missing',
  'signin-consent-declined',
  'signin-admin-consent-required',
  'graph-consent-missing',
]);

const text = (value: unknown, max: number): string =>
  typeof value === 'string'
    ? value
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, max)
    : '';

/** Graph's $filter wants a UTC date-time literal without quotes, seconds precision. */
export function receivedSinceFilter(since: Date): string {
  return `receivedDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

function parseMessages(json: unknown): { messages: SeenMessage[]; next: string | null } {
  const body = json as { value?: unknown; '@odata.nextLink'?: unknown } | null;
  if (!body || !Array.isArray(body.value)) {
    throw new ProblemError('graph-malformed', { path: '/me/messages' });
  }
  const messages: SeenMessage[] = [];
  for (const item of body.value.slice(0, 1000) as unknown[]) {
    const entry = item as {
      from?: { emailAddress?: { address?: unknown } };
      subject?: unknown;
      receivedDateTime?: unknown;
    } | null;
    const receivedAt = text(entry?.receivedDateTime, 40);
    if (!entry || Number.isNaN(Date.parse(receivedAt))) continue;
    messages.push({
      from: text(entry.from?.emailAddress?.address, 320).toLowerCase(),
      subject: text(entry.subject, 200),
      receivedAt,
    });
  }
  const next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
  return { messages, next };
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** What one poll needs from the watcher around it. */
interface PollParts {
  tokens: TokenSource;
  /** Read at each poll: the CA may come with a cloud profile chosen after the start. */
  trustedCa(): string | null;
  timeoutMs: number;
  maxPages: number;
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Counts one Graph call against the watch (shown to the person). */
  countCall(printerId: string): void;
}

/**
 * Who sent what since the watch started: one Graph call per page on the house's bounded client
 * (total deadline, size limit, CA for Graph only), following nextLink on the same host; waits
 * out a 429 within the deadline. Null when the watch stopped meanwhile.
 */
async function readMessagesSince(
  parts: PollParts,
  watch: TestWatch,
  profile: CloudProfile,
  signal: AbortSignal,
  deadline: number,
): Promise<SeenMessage[] | null> {
  const token = await parts.tokens.getAccessToken([graphScope(profile, mailReadPermission)]);
  const base = profile.graphBaseUrl.replace(/\/$/, '');
  const first = new URL(`${base}/me/messages`);
  first.searchParams.set('$filter', receivedSinceFilter(new Date(watch.startedAt)));
  first.searchParams.set('$select', 'from,subject,receivedDateTime');
  first.searchParams.set('$top', '25');
  const client = createBoundedHttps({
    trustedOrigins: [first.origin],
    ca: parts.trustedCa(),
    deadlineMs: parts.timeoutMs,
    maxBodyBytes: maxResponseBytes,
  });
  const seen: SeenMessage[] = [];
  let url: URL | null = first;
  for (let page = 0; url && page < parts.maxPages;) {
    if (signal.aborted) return null;
    let reply: BoundedReply;
    try {
      parts.countCall(watch.printerId);
      reply = await client.request({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${token.token}`, Accept: 'application/json' },
        signal,
      });
    } catch {
      if (signal.aborted) return null;
      throw new ProblemError('graph-unreachable', { host: url.host });
    }
    if (reply.status === 429) {
      const waitMs = (retryAfterSeconds(reply.headers['retry-after'], parts.now()) ?? 5) * 1000;
      if (parts.now() + waitMs >= deadline) return seen;
      await parts.sleep(waitMs, signal);
      continue; // the same page again
    }
    if (reply.status === 401) throw new ProblemError('graph-unauthorized');
    if (reply.status === 403) {
      throw new ProblemError('graph-consent-missing', { permission: mailReadPermission });
    }
    if (reply.status !== 200)
      throw new ProblemError('graph-server-error', { status: reply.status });
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch {
      throw new ProblemError('graph-malformed', { path: '/me/messages' });
    }
    const parsed = parseMessages(json);
    seen.push(...parsed.messages);
    page += 1;
    url = null;
    if (parsed.next) {
      const next = new URL(parsed.next);
      // Only ever follow a next page on the same Graph host (hostile input otherwise).
      if (next.origin === first.origin) url = next;
    }
  }
  return seen;
}

/** The first message that settles the watch, if any: from the printer, or with its code. */
export function judgeMessages(watch: TestWatch, messages: SeenMessage[]): TestWatchOutcome | null {
  const since = Date.parse(watch.startedAt) - 1000;
  const recent = messages
    .filter((message) => Date.parse(message.receivedAt) >= since)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const delay = (message: SeenMessage): number =>
    Math.max(0, Math.round((Date.parse(message.receivedAt) - Date.parse(watch.startedAt)) / 1000));
  const expected = watch.expectedSender.toLowerCase();
  const fromPrinter = recent.find((message) => message.from === expected);
  if (fromPrinter) {
    return { state: 'arrived', message: fromPrinter, delaySeconds: delay(fromPrinter) };
  }
  const withCode = recent.find((message) => message.subject.includes(watch.code));
  if (withCode) {
    return { state: 'wrong-sender', message: withCode, delaySeconds: delay(withCode) };
  }
  return null;
}

export function createTestMailWatcher(options: TestMailWatcherOptions): TestMailWatcher {
  const limitMs = options.limitMs ?? watchLimitMs;
  const pollMs = options.pollMs ?? 5000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxPages = options.maxPages ?? 20;
  let watches: TestWatches = {};
  let running: { printerId: string; abort: AbortController; done: Promise<void> } | null = null;

  const pollParts: PollParts = {
    tokens: options.tokens,
    trustedCa: () => options.trustedCa?.() ?? null,
    timeoutMs,
    maxPages,
    now,
    sleep,
    countCall(printerId) {
      const counted = watches[printerId];
      if (counted) watches[printerId] = { ...counted, graphCalls: counted.graphCalls + 1 };
    },
  };
  const publish = (): void => options.onChange(list());
  const list = (): TestWatches =>
    Object.fromEntries(
      Object.entries(watches).map(([id, watch]) => [
        id,
        { ...watch, outcome: { ...watch.outcome } as TestWatchOutcome },
      ]),
    );
  const settle = (printerId: string, outcome: TestWatchOutcome): void => {
    const watch = watches[printerId];
    if (!watch) return;
    watches[printerId] = { ...watch, outcome };
    publish();
  };

  async function run(watch: TestWatch, abort: AbortController): Promise<void> {
    const deadline = Date.parse(watch.endsAt);
    const { signal } = abort;
    try {
      const profile = await options.profile();
      for (;;) {
        if (signal.aborted) return;
        const messages = await readMessagesSince(pollParts, watch, profile, signal, deadline);
        if (signal.aborted || messages === null) return;
        const outcome = judgeMessages(watch, messages);
        if (outcome) return settle(watch.printerId, outcome);
        if (now() >= deadline) {
          return settle(watch.printerId, {
            state: 'nothing-arrived',
            minutes: Math.max(1, Math.round(limitMs / 60_000)),
          });
        }
        publish(); // the count of Graph calls moved
        await sleep(Math.max(0, Math.min(pollMs, deadline - now())), signal);
      }
    } catch (error) {
      if (signal.aborted) return;
      const problem: Problem =
        error instanceof ProblemError ? error.problem : { id: 'graph-unreachable', data: {} };
      if (permissionProblems.has(problem.id)) {
        return settle(watch.printerId, { state: 'needs-permission' });
      }
      settle(watch.printerId, {
        state: 'failed',
        problemId: problem.id,
        ...(problem.data ? { data: problem.data as Record<string, string | number> } : {}),
      });
    }
  }

  function stopRunning(): void {
    if (!running) return;
    const { printerId, abort } = running;
    abort.abort();
    running = null;
    if (watches[printerId]?.outcome.state === 'watching') settle(printerId, { state: 'stopped' });
  }

  const current = (printerId: string): TestWatch => {
    const watch = watches[printerId];
    if (!watch) throw new ProblemError('test-watch-unknown');
    return { ...watch };
  };

  return {
    async start({ printerId, expectedSender }) {
      stopRunning();
      // The mailbox is the signed-in account; asking for the token also asks for the permission.
      const profile = await options.profile();
      let mailbox = '';
      let permitted = true;
      try {
        mailbox = (await options.tokens.getAccessToken([graphScope(profile, mailReadPermission)]))
          .account;
      } catch (error) {
        if (!(error instanceof ProblemError) || !permissionProblems.has(error.problem.id)) {
          throw error;
        }
        permitted = false;
        mailbox = (await options.tokens.getAccessToken([graphScope(profile, 'User.Read')])).account;
      }
      const startedAt = now();
      const previous = watches[printerId];
      const watch: TestWatch = {
        printerId,
        mailbox,
        expectedSender: (expectedSender || mailbox).toLowerCase(),
        // Kept across restarts of the same printer, so the person need not retype the subject.
        code: previous?.code ?? `PMW-${randomInt(1000, 10_000)}`,
        startedAt: new Date(startedAt).toISOString(),
        endsAt: new Date(startedAt + limitMs).toISOString(),
        graphCalls: 0,
        outcome: permitted ? { state: 'watching' } : { state: 'needs-permission' },
      };
      watches[printerId] = watch;
      publish();
      if (permitted) {
        const abort = new AbortController();
        const done = run(watch, abort).finally(() => {
          if (running?.abort === abort) running = null;
        });
        running = { printerId, abort, done };
      }
      return { ...watch };
    },
    stop(printerId) {
      if (running?.printerId === printerId) stopRunning();
      return current(printerId);
    },
    confirm(printerId, arrived) {
      current(printerId);
      if (running?.printerId === printerId) stopRunning();
      settle(printerId, { state: 'seen-by-person', arrived });
      return current(printerId);
    },
    list,
    async settled() {
      while (running) await running.done;
    },
    forget() {
      running?.abort.abort();
      running = null;
      watches = {};
      publish();
    },
    close() {
      running?.abort.abort();
      running = null;
    },
  };
}
