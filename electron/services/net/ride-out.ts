/**
 * Riding out a transient failure of Microsoft's endpoints: 429 and 5xx answers (honouring
 * Retry-After) and a dropped connection or a slow answer, retried with a bounded back-off.
 * What is still failing after the last try is handed back, for the caller to say so.
 */
import { BoundedHttpsError, retryAfterSeconds, type BoundedReply } from './bounded-https';
import { changeTimeLeftMs } from './change-deadline';

export interface RideOutPolicy {
  /** Tries in all (the first one included). */
  attempts: number;
  /** A Retry-After longer than this is not waited for: the answer is handed back at once. */
  maxWaitSeconds: number;
  /** Back-off without Retry-After: 1 s, 2 s, 4 s… up to this. */
  maxBackoffSeconds: number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultRideOut: RideOutPolicy = {
  attempts: 4,
  maxWaitSeconds: 30,
  maxBackoffSeconds: 8,
};

const transientStatuses = new Set([429, 500, 502, 503, 504]);
/** A connection the server (or a box on the way) dropped; not "nobody listens" (refused). */
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export const isTransientStatus = (status: number): boolean => transientStatuses.has(status);

export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof BoundedHttpsError &&
    (error.kind === 'timeout' || (error.kind === 'network' && droppedCodes.has(error.code)))
  );
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends until the answer is not transient or the policy is spent. `stop()` is asked before each
 * wait (a cancelled sign-in stops retrying at once). Within a "Do it for me" change it never
 * waits past the change's stated time (change-deadline.ts): what it has is handed back.
 */
export async function rideOut(
  send: () => Promise<BoundedReply>,
  policy: RideOutPolicy = defaultRideOut,
  stop: () => boolean = () => false,
): Promise<BoundedReply> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    const backoff = Math.min(2 ** (attempt - 1), policy.maxBackoffSeconds);
    let waitSeconds: number;
    try {
      const reply = await send();
      if (!isTransientStatus(reply.status)) return reply;
      const asked = retryAfterSeconds(reply.headers['retry-after']);
      waitSeconds = asked ?? backoff;
      if (
        attempt >= policy.attempts ||
        waitSeconds > policy.maxWaitSeconds ||
        waitSeconds * 1000 >= changeTimeLeftMs() ||
        stop()
      ) {
        return reply;
      }
    } catch (error) {
      if (
        !isTransientFailure(error) ||
        attempt >= policy.attempts ||
        backoff * 1000 >= changeTimeLeftMs() ||
        stop()
      ) {
        throw error;
      }
      waitSeconds = backoff;
    }
    await sleep(waitSeconds * 1000);
    if (stop()) throw new Error('Stopped while waiting to try again.');
  }
}
