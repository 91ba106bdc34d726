/**
 * The browser shell: the same handler table as the Electron shell, over HTTP (requests) and a
 * WebSocket (pushed events), bound to 127.0.0.1 only. A random one-time token, printed in the
 * start address, is required on every request and socket; the page trades it for an HttpOnly,
 * SameSite=Strict cookie and the address bar drops it. Wrong or missing token: 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxRequestBytes, type Reply } from '../../shared/contract';
import { problem } from '../../shared/problem';
import { contentSecurityPolicy } from '../common/content-security';
import type { WizardHost } from '../host';

export interface BrowserShellOptions {
  host: WizardHost;
  staticDir: string;
  port: number;
  /** For tests only; normally a fresh random token per run. */
  token?: string;
}

export interface BrowserShell {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use on 127.0.0.1.`);
    this.name = 'PortInUseError';
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const staticRoot = path.resolve(options.staticDir);
  let port = options.port;

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const hostAllowed = (request: IncomingMessage): boolean =>
    request.headers.host === `127.0.0.1:${port}` || request.headers.host === `localhost:${port}`;
  // Cookies are shared by every port of a host: name ours after the port.
  const cookieName = (): string => `wizard_token_${port}`;
  const authorised = (request: IncomingMessage, url: URL): boolean =>
    [
      readCookie(request.headers.cookie, cookieName()),
      bearer(request.headers.authorization),
      url.searchParams.get('token') ?? undefined,
    ].some(tokenMatches);

  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Error');
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(request) || !authorised(request, url)) {
      request.resume();
      send(
        response,
        403,
        'text/plain; charset=utf-8',
        'Forbidden: open the address the wizard printed.',
      );
      return;
    }
    if (url.searchParams.has('token') && request.method === 'GET') {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      response.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    await serveStatic(url.pathname, response);
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      request.resume();
      sendReply(response, 405, { ok: false, problem: problem('request-malformed', { method }) });
      return;
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      request.resume();
      sendReply(response, 415, { ok: false, problem: problem('request-malformed', { method }) });
      return;
    }
    const body = await readBody(request, maxRequestBytes);
    if (body === 'too-large') {
      sendReply(response, 413, {
        ok: false,
        problem: problem('request-too-large', { limit: maxRequestBytes }),
      });
      return;
    }
    let params: unknown;
    try {
      params = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendReply(response, 400, { ok: false, problem: problem('request-malformed', { method }) });
      return;
    }
    sendReply(response, 200, await options.host.dispatch(method, params));
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1);
    const file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep)) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    let content: Buffer;
    try {
      content = await fs.readFile(file);
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    const immutable = relative.startsWith('assets/');
    send(response, 200, type, content, {
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin;
    const sameOrigin =
      origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (
      url.pathname !== '/events' ||
      !hostAllowed(request) ||
      !sameOrigin ||
      !authorised(request, url)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client: WebSocket) => {
      const unsubscribe = options.host.onEvent((event) => client.send(JSON.stringify(event)));
      // The socket only carries events to the page; anything sent to it is a protocol error.
      client.on('message', () => client.close(1008, 'events only'));
      client.on('close', unsubscribe);
      client.on('error', unsubscribe);
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
    };
    server.once('error', onError);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

function sendReply(response: ServerResponse, status: number, reply: Reply<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(reply));
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) overflow = true;
      else if (!overflow) chunks.push(chunk);
    });
    request.on('end', () => resolve(overflow ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
