/**
 * Proof that the printer's own mail arrives: the wizard watches the signed-in mailbox (Graph,
 * delegated Mail.ReadBasic, asked for only when the person starts this part) for the one test
 * message the printer sends, and says when it arrived, from whom, or that nothing came.
 */
import type { ProblemId } from '../problems/index';

type NoParams = Record<string, never>;

/** Sender, subject and time only: the watcher never reads a body. */
export interface SeenMessage {
  from: string;
  subject: string;
  /** ISO 8601, as the mailbox received it. */
  receivedAt: string;
}

export type TestWatchOutcome =
  /** The wizard may not read the mailbox yet: it asks for Mail.ReadBasic (or works on without). */
  | { state: 'needs-permission' }
  | { state: 'watching' }
  /** From the printer's sending address; delay = received minus the start of the watch. */
  | { state: 'arrived'; message: SeenMessage; delaySeconds: number }
  /** A message carrying this watch's code came from another address than the sheet's. */
  | { state: 'wrong-sender'; message: SeenMessage; delaySeconds: number }
  | { state: 'nothing-arrived'; minutes: number }
  /** The person stopped it, or it was replaced by a watch of the next printer. */
  | { state: 'stopped' }
  /** The person could not allow reading (declined) and said what they saw themselves. */
  | { state: 'seen-by-person'; arrived: boolean }
  | { state: 'failed'; problemId: ProblemId; data?: Record<string, string | number> };

export interface TestWatch {
  printerId: string;
  /** The signed-in mailbox the printer sends to (and the wizard watches). */
  mailbox: string;
  /**
   * The mailbox the printer sends from: the account story's (the printer's own, or in the guide's
   * way the signed-in administrator's); for a printer on another way, its sheet's sending
   * address. A message from another one is named.
   */
  expectedSender: string;
  /** A short code the person puts in the subject, so a wrong sender can be recognised. */
  code: string;
  startedAt: string;
  endsAt: string;
  /** Graph requests this watch made (every page and every throttled try counts). */
  graphCalls: number;
  outcome: TestWatchOutcome;
}

/** The latest watch per printer (by printer id); at most one is watching at a time. */
export type TestWatches = Record<string, TestWatch>;

export interface DeliveryApi {
  /** Starts (or restarts) watching for this printer's test message; stops any other watch. */
  startTestWatch: { params: { printerId: string }; result: TestWatch };
  stopTestWatch: { params: { printerId: string }; result: TestWatch };
  getTestWatches: { params: NoParams; result: TestWatches };
  /**
   * Asks Microsoft for Mail.ReadBasic (incremental consent, in the browser): resolves once the
   * page is open; the outcome arrives as a sign-in change.
   */
  allowMailReading: { params: NoParams; result: { url: string; via: 'system' | 'page' } };
  /** Without the permission: the person says whether the message arrived. */
  confirmTestMessage: { params: { printerId: string; arrived: boolean }; result: TestWatch };
}

export interface DeliveryEvents {
  'test-watches-changed': TestWatches;
}
