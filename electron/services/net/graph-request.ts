/**
 * One Microsoft Graph request as every Graph caller of main sends it: the profile's Graph base,
 * the house's bounded HTTPS client (total deadline, size limit, an extra CA for Graph's origin
 * only), JSON in and out, and the transient failures ridden out (ride-out.ts). What the answer
 * means is the caller's: the tenant checks and the Entra changes tell refusals apart in their
 * own words.
 */
import type { CloudProfile } from '../../../shared/cloud-profiles';
import { ProblemError } from '../../common/problem-error';
import { createBoundedHttps, type BoundedReply } from './bounded-https';
import { outOfTimeProblem, requestDeadlineMs } from './change-deadline';
import { rideOut, type RideOutPolicy } from './ride-out';

export interface GraphRequest {
  profile: CloudProfile;
  /** The access token, already granted with the permission the call needs. */
  token: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the profile's Graph base, e.g. `/me?$select=id`. */
  path: string;
  body?: unknown;
  /** The practice or custom-profile CA, trusted for the Graph origin only. */
  ca: string | null;
  deadlineMs: number;
  retry: RideOutPolicy;
}

const maxResponseBytes = 1024 * 1024;

/**
 * Sends it; a network failure that outlasts the ride-out is `graph-unreachable`. Within a "Do it
 * for me" change each try's deadline is what the change has left, and a change out of time is
 * `admin-change-out-of-time` (nothing more is sent).
 */
export async function sendGraphRequest(
  request: GraphRequest,
): Promise<{ url: URL; reply: BoundedReply }> {
  const { profile, body } = request;
  const url = new URL(`${profile.graphBaseUrl.replace(/\/+$/, '')}${request.path}`);
  const outOfTime = outOfTimeProblem();
  if (outOfTime) throw outOfTime;
  try {
    const reply = await rideOut(
      () =>
        createBoundedHttps({
          trustedOrigins: [new URL(profile.graphBaseUrl).origin],
          ca: request.ca,
          deadlineMs: requestDeadlineMs(request.deadlineMs),
          maxBodyBytes: maxResponseBytes,
        }).request({
          method: request.method,
          url,
          headers: {
            Authorization: `Bearer ${request.token}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      request.retry,
    );
    return { url, reply };
  } catch {
    throw outOfTimeProblem() ?? new ProblemError('graph-unreachable', { host: url.host });
  }
}
