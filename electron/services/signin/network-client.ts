/**
 * The network client MSAL and the sign-in's Graph calls use (MSAL `system.networkClient`), on
 * the one bounded HTTPS client (services/net/bounded-https.ts: total deadline, size limit, the
 * extra CA only for the active profile's own origins). It rides out transient failures (429 and
 * 5xx with Retry-After, a dropped connection, a slow answer: services/net/ride-out.ts), so one
 * blip while polling for a device code does not end the sign-in; what is still failing after
 * that becomes a NetworkFailure the classification turns into words. It also remembers the last
 * OAuth error body, because MSAL keeps only `error` of a failed poll and the AADSTS code and
 * correlation ID are what the classification and support need.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { BoundedHttpsError, createBoundedHttps, retryAfterSeconds } from '../net/bounded-https';
import { defaultRideOut, isTransientStatus, rideOut, type RideOutPolicy } from '../net/ride-out';

export interface OAuthErrorRecord {
  error: string;
  codes: number[];
  correlationId: string | null;
  description: string;
}

export interface NetworkFailure {
  /** `unavailable`: the server kept answering 429 or 5xx (`code` is the HTTP status). */
  kind: 'timeout' | 'network' | 'certificate' | 'unavailable';
  /** The system's code, e.g. ECONNREFUSED or SELF_SIGNED_CERT_IN_CHAIN, or the HTTP status. */
  code: string;
  host: string;
  /** Seconds the server asked to wait (Retry-After), when it said. */
  retryAfterSeconds?: number;
}

export interface WizardNetworkClient extends INetworkModule {
  lastOAuthError(): OAuthErrorRecord | null;
  lastFailure(): NetworkFailure | null;
  /** Forgets the last error and failure (call before each operation). */
  clear(): void;
}

export interface NetworkClientOptions {
  /** Origins (scheme://host:port) for which the extra CA is trusted. */
  trustedOrigins: readonly string[];
  ca: string | null;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** How transient failures are ridden out (tests shorten it). */
  rideOut?: RideOutPolicy;
}

export class NetworkFailureError extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(`${failure.kind} (${failure.code}) talking to ${failure.host}`);
    this.name = 'NetworkFailureError';
  }
}

export function createNetworkClient(options: NetworkClientOptions): WizardNetworkClient {
  const https = createBoundedHttps({
    trustedOrigins: options.trustedOrigins,
    ca: options.ca,
    deadlineMs: options.timeoutMs ?? 15_000,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  });
  const policy = options.rideOut ?? defaultRideOut;
  let lastError: OAuthErrorRecord | null = null;
  let lastFailure: NetworkFailure | null = null;

  async function send<T>(
    method: 'GET' | 'POST',
    address: string,
    requestOptions: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> {
    const host = new URL(address).host;
    const request = {
      method,
      url: address,
      headers: { ...(requestOptions?.headers ?? {}) },
      ...(requestOptions?.body !== undefined ? { body: requestOptions.body } : {}),
    };
    let reply;
    try {
      reply = await rideOut(() => https.request(request), policy);
    } catch (error) {
      if (!(error instanceof BoundedHttpsError)) throw error;
      lastFailure = {
        kind: error.kind === 'too-large' ? 'network' : error.kind,
        code: error.code,
        host,
      };
      throw new NetworkFailureError(lastFailure);
    }
    if (isTransientStatus(reply.status)) {
      // Still busy after riding it out: MSAL must not see it (it would end a device-code
      // sign-in on it, or throttle every later request); the classification says so instead.
      const seconds = retryAfterSeconds(reply.headers['retry-after']);
      lastFailure = {
        kind: 'unavailable',
        code: String(reply.status),
        host,
        ...(seconds !== null ? { retryAfterSeconds: seconds } : {}),
      };
      throw new NetworkFailureError(lastFailure);
    }
    let parsed: unknown = {};
    try {
      parsed = reply.body ? JSON.parse(reply.body) : {};
    } catch {
      parsed = {};
    }
    remember(parsed);
    return { status: reply.status, headers: reply.headers, body: parsed as T };
  }

  function remember(body: unknown): void {
    if (!body || typeof body !== 'object') return;
    const record = body as Record<string, unknown>;
    const error = record['error'];
    if (typeof error !== 'string') return;
    if (error === 'authorization_pending' || error === 'slow_down') return;
    const codes = Array.isArray(record['error_codes'])
      ? (record['error_codes'] as unknown[]).filter(
          (code): code is number => typeof code === 'number',
        )
      : [];
    const description =
      typeof record['error_description'] === 'string' ? record['error_description'] : '';
    const fromText = /AADSTS(\d+)/.exec(description)?.[1];
    if (codes.length === 0 && fromText) codes.push(Number(fromText));
    lastError = {
      error: error.slice(0, 80),
      codes,
      correlationId:
        typeof record['correlation_id'] === 'string' ? record['correlation_id'].slice(0, 64) : null,
      description: description.slice(0, 400),
    };
  }

  return {
    sendGetRequestAsync: (url, requestOptions) => send('GET', url, requestOptions),
    sendPostRequestAsync: (url, requestOptions) => send('POST', url, requestOptions),
    lastOAuthError: () => lastError,
    lastFailure: () => lastFailure,
    clear() {
      lastError = null;
      lastFailure = null;
    },
  };
}
