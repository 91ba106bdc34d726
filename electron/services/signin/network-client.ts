/**
 * The HTTPS client MSAL and the Graph calls use (MSAL `system.networkClient`). It trusts an
 * extra CA (practice world or WIZARD_CLOUD_FILE) only for the active profile's own origins,
 * never process-wide (no NODE_EXTRA_CA_CERTS); bounds time and size; and remembers the last
 * OAuth error body and network failure, because MSAL keeps only `error` of a failed poll and
 * the AADSTS code and correlation ID are what the classification and support need.
 */
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export interface OAuthErrorRecord {
  error: string;
  codes: number[];
  correlationId: string | null;
  description: string;
}

export interface NetworkFailure {
  kind: 'timeout' | 'network' | 'certificate';
  /** The system's code, e.g. ECONNREFUSED or SELF_SIGNED_CERT_IN_CHAIN. */
  code: string;
  host: string;
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
}

export class NetworkFailureError extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(`${failure.kind} (${failure.code}) talking to ${failure.host}`);
    this.name = 'NetworkFailureError';
  }
}

const certificateCodes =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

export function createNetworkClient(options: NetworkClientOptions): WizardNetworkClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const trusted = new Set(options.trustedOrigins.map((origin) => new URL(origin).origin));
  const extraCa = options.ca ? [...tls.rootCertificates, options.ca] : null;
  let lastError: OAuthErrorRecord | null = null;
  let lastFailure: NetworkFailure | null = null;

  function send<T>(
    method: 'GET' | 'POST',
    address: string,
    requestOptions: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> {
    const url = new URL(address);
    if (url.protocol !== 'https:') {
      return Promise.reject(new Error(`Refusing a non-https address (${url.protocol})`));
    }
    const body = requestOptions?.body;
    const headers: Record<string, string> = { ...(requestOptions?.headers ?? {}) };
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const fail = (error: NodeJS.ErrnoException): void => {
        const code = error.code ?? 'UNKNOWN';
        const kind: NetworkFailure['kind'] =
          code === 'ETIMEDOUT'
            ? 'timeout'
            : certificateCodes.test(code)
              ? 'certificate'
              : 'network';
        lastFailure = { kind, code, host: url.host };
        reject(new NetworkFailureError(lastFailure));
      };
      const request = https.request(
        url,
        {
          method,
          headers,
          ...(extraCa && trusted.has(url.origin) ? { ca: extraCa } : {}),
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBodyBytes) {
              response.destroy(
                Object.assign(new Error('response too large'), { code: 'ETOOLARGE' }),
              );
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', (error: NodeJS.ErrnoException) => fail(error));
          response.on('end', () => {
            clearTimeout(deadline);
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = {};
            try {
              parsed = text ? JSON.parse(text) : {};
            } catch {
              parsed = {};
            }
            remember(parsed);
            resolve({
              status: response.statusCode ?? 0,
              headers: toHeaders(response.headers),
              body: parsed as T,
            });
          });
        },
      );
      // The socket timeout covers silence; the deadline covers a server that trickles.
      const deadline = setTimeout(
        () => request.destroy(Object.assign(new Error('deadline'), { code: 'ETIMEDOUT' })),
        timeoutMs,
      );
      request.on('timeout', () =>
        request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(deadline);
        fail(error);
      });
      if (body !== undefined) request.write(body);
      request.end();
    });
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

function toHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined)
      result[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
