/**
 * The browser shell: the same handler table as the Electron shell, over HTTP (requests) and a
 * WebSocket (pushed events), bound to 127.0.0.1 only. A random one-time token travels in the
 * fragment of the printed address (`/#token=…`), which browsers never send to any server; the
 * page keeps it in sessionStorage and presents it itself: `Authorization: Bearer` on every API
 * request, a WebSocket subprotocol on the event socket. No cookie: cookies are shared by every
 * port of 127.0.0.1, so any other local server the browser visits would receive it. The page
 * and its assets (the public renderer build, nothing secret) are served to anyone on loopback;
 * every API call and socket without the token gets 403. Connections and event sockets are
 * capped, and refused with 503 beyond the cap.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

/** Open connections at once (a page uses about six, plus its event socket). */
export const maxConnections = 32;
/** Event sockets at once: one per open wizard tab. */
export const maxEventSockets = 8;
/** The WebSocket subprotocol the page asks for; the token rides in a second one. */
export const eventsProtocol = 'wizard-events';
export const tokenProtocolPrefix = 'wizard-token.';

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

/** One contract call: POST with a JSON body within the size limit, answered with the host's reply. */
async function handleApi(
  host: WizardHost,
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
  sendReply(response, 200, await host.dispatch(method, params));
}

/** A built file of the renderer; assets (content-hashed names) may be cached for good. */
async function serveStatic(
  staticRoot: string,
  pathname: string,
  response: ServerResponse,
): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : safeDecode(pathname).slice(1);
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
  // Only what the wizard's own page sends on purpose counts: never a cookie.
  const authorised = (request: IncomingMessage): boolean =>
    [bearer(request.headers.authorization), protocolToken(request)].some(tokenMatches);
  const forbidden = (request: IncomingMessage, response: ServerResponse): void => {
    request.resume();
    send(
      response,
      403,
      'text/plain; charset=utf-8',
      'Forbidden: open the address the wizard printed.',
    );
  };

  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Error');
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Connections beyond the cap are answered with a 503 and closed (not dropped silently).
  const connections = new Set<Socket>();
  const overCap = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    if (connections.size >= maxConnections) {
      overCap.add(socket);
      socket.setTimeout(5_000, () => socket.destroy());
      return;
    }
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  const tooManyConnections = 'Too many connections to the wizard; close other wizard tabs.';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (overCap.has(request.socket)) {
      request.resume();
      send(response, 503, 'text/plain; charset=utf-8', tooManyConnections, { Connection: 'close' });
      return;
    }
    const url = requestUrl(request.url);
    if (!url) {
      request.resume();
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    if (!hostAllowed(request)) {
      forbidden(request, response);
      return;
    }
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      // An address in the older form (`/?token=…`): move the token into the fragment of the
      // start page. Only ever to `/`, whatever the path said (`/.//evil.example/` must not
      // become a protocol-relative redirect).
      if (request.method !== 'GET' || !tokenMatches(queryToken)) {
        forbidden(request, response);
        return;
      }
      request.resume();
      response.writeHead(303, {
        Location: `/#token=${token}`,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(request)) {
        forbidden(request, response);
        return;
      }
      await handleApi(
        options.host,
        request,
        response,
        safeDecode(url.pathname.slice('/api/'.length)),
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    await serveStatic(staticRoot, url.pathname, response);
  }

  let eventSockets = 0;
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    // Answer with our own protocol name, never echo the one that carries the token.
    handleProtocols: (offered) => (offered.has(eventsProtocol) ? eventsProtocol : false),
  });
  server.on('upgrade', (request, socket: Socket, head) => {
    if (overCap.has(socket)) {
      socket.end(refusal(tooManyConnections));
      return;
    }
    const url = requestUrl(request.url);
    const origin = request.headers.origin;
    const sameOrigin =
      origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (
      !url ||
      url.pathname !== '/events' ||
      !hostAllowed(request) ||
      !sameOrigin ||
      !authorised(request)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Counted from the handshake on (not once open), so a burst cannot slip past the cap.
    if (eventSockets >= maxEventSockets) {
      socket.end(refusal('Too many wizard tabs are open; close one and reload.'));
      return;
    }
    eventSockets += 1;
    socket.once('close', () => (eventSockets -= 1));
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
    url: `${origin}/#token=${token}`,
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

/**
 * The headers every response carries besides its type (the renderer benchmark also serves its
 * bare page with them, to tell what they cost from what the app costs).
 */
export const responseHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': type, ...responseHeaders, ...extra });
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

/** A raw HTTP 503 for a connection or socket refused at the cap. */
function refusal(text: string): string {
  return `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

/**
 * The request target as a URL on this server, or null. Only origin-form targets (`/…`) are
 * taken; `//host/…` stays a path here (the URL parser would read it as another host).
 */
function requestUrl(target: string | undefined): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}

/** Percent-decoding that never throws on a malformed escape (`%E0%A4%A`). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The token the page offers as a WebSocket subprotocol (`wizard-token.<token>`). */
function protocolToken(request: IncomingMessage): string | undefined {
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',');
  const carrier = offered
    .map((item) => item.trim())
    .find((item) => item.startsWith(tokenProtocolPrefix));
  return carrier?.slice(tokenProtocolPrefix.length);
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
