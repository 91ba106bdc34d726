/**
 * The one HTTPS client of the main process for Microsoft's endpoints (sign-in, Graph) and the
 * practice printer's own sign-in. Every request is bounded:
 * - a total deadline (a server that trickles is cut off, not only a silent one);
 * - a size limit on the answer;
 * - an extra CA (practice world or WIZARD_CLOUD_FILE) trusted only for the given origins and in
 *   addition to the system's roots, never process-wide (no NODE_EXTRA_CA_CERTS);
 * - https only.
 * A failure is a BoundedHttpsError saying which kind (timeout, network, certificate, too large).
 */
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export interface BoundedHttpsOptions {
  /** Origins (scheme://host:port) for which `ca` is trusted. */
  trustedOrigins: readonly string[];
  ca: string | null;
  /** Whole request, from connect to the last byte of the answer. */
  deadlineMs?: number;
  maxBodyBytes?: number;
}

export interface BoundedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string | URL;
  headers?: Record<string, string>;
  body?: string;
  /** Ends the request early (a watch that was stopped); it fails as a network error. */
  signal?: AbortSignal;
}

export interface BoundedReply {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type BoundedFailureKind = 'timeout' | 'network' | 'certificate' | 'too-large';

export class BoundedHttpsError extends Error {
  constructor(
    readonly kind: BoundedFailureKind,
    /** The system's code, e.g. ECONNRESET or SELF_SIGNED_CERT_IN_CHAIN. */
    readonly code: string,
    readonly host: string,
  ) {
    super(`${kind} (${code}) talking to ${host}`);
    this.name = 'BoundedHttpsError';
  }
}

export interface BoundedHttps {
  request(request: BoundedRequest): Promise<BoundedReply>;
}

const certificateCodes =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

export function kindOfCode(code: string): BoundedFailureKind {
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ETOOLARGE') return 'too-large';
  return certificateCodes.test(code) ? 'certificate' : 'network';
}

export function createBoundedHttps(options: BoundedHttpsOptions): BoundedHttps {
  const deadlineMs = options.deadlineMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const trusted = new Set(options.trustedOrigins.map((origin) => new URL(origin).origin));
  const extraCa = options.ca ? [...tls.rootCertificates, options.ca] : null;

  return {
    request({ method, url: address, headers = {}, body, signal }) {
      const url = new URL(address);
      if (url.protocol !== 'https:') {
        return Promise.reject(new Error(`Refusing a non-https address (${url.protocol})`));
      }
      const outgoingHeaders: Record<string, string> = { ...headers };
      if (body !== undefined) outgoingHeaders['Content-Length'] = String(Buffer.byteLength(body));
      return new Promise<BoundedReply>((resolve, reject) => {
        let settled = false;
        const fail = (error: NodeJS.ErrnoException): void => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          const code = error.code ?? 'UNKNOWN';
          reject(new BoundedHttpsError(kindOfCode(code), code, url.host));
        };
        const cut = (code: string, message: string): void => {
          outgoing.destroy(Object.assign(new Error(message), { code }));
        };
        const outgoing = https.request(
          url,
          {
            method,
            headers: outgoingHeaders,
            ...(extraCa && trusted.has(url.origin) ? { ca: extraCa } : {}),
            timeout: deadlineMs,
          },
          (incoming) => {
            const chunks: Buffer[] = [];
            let size = 0;
            incoming.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size > maxBodyBytes) {
                cut('ETOOLARGE', 'answer too large');
                return;
              }
              chunks.push(chunk);
            });
            incoming.on('error', fail);
            incoming.on('aborted', () =>
              fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })),
            );
            incoming.on('end', () => {
              if (settled) return;
              settled = true;
              clearTimeout(deadline);
              resolve({
                status: incoming.statusCode ?? 0,
                headers: toHeaders(incoming.headers),
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
          },
        );
        // The socket timeout covers silence; the deadline covers a server that trickles.
        const deadline = setTimeout(() => cut('ETIMEDOUT', 'deadline'), deadlineMs);
        outgoing.on('timeout', () => cut('ETIMEDOUT', 'timeout'));
        outgoing.on('error', fail);
        if (signal?.aborted) cut('ABORT_ERR', 'aborted');
        signal?.addEventListener('abort', () => cut('ABORT_ERR', 'aborted'), { once: true });
        outgoing.end(body);
      });
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

/** Seconds a Retry-After header asks for (delta-seconds or an HTTP date); null without one. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | null {
  const value = header?.split(',')[0]?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
