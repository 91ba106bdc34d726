/**
 * A stand-in for the part of Electron's main-process API the shell uses (app, BrowserWindow,
 * ipcMain, protocol, session, net, shell, dialog), loaded in place of `electron` when the
 * harness runs the real compiled main entry in plain Node (see register.ts, harness.ts).
 *
 * It is not Electron: no Chromium, no sandbox, no windows. It records what main registers and
 * hands the harness (the parent process, over Node's IPC channel with structured clone) the
 * things only a browser can do: showing a window's page, frame URLs of IPC senders, the
 * system browser. Where Electron would refuse or throw, it does too (a second ipcMain handler
 * for a channel, protocol.handle before ready, net.fetch of a missing file).
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromHarness, HarnessRequest, StandInInspection, ToHarness } from './harness-messages';

function post(message: ToHarness): void {
  process.send?.(message);
}

const loading = new Map<number, (error: string | undefined) => void>();
let nextLoad = 1;
/** Asks the harness to show a page in the window's browser page (only a browser can). */
function askToLoad(contentsId: number, url: string): Promise<string | undefined> {
  const id = nextLoad++;
  return new Promise((resolve) => {
    loading.set(id, resolve);
    post({ kind: 'load', id, contentsId, url });
  });
}

// ---------- app ----------

class App extends EventEmitter {
  readonly isPackaged = false;
  private name = 'Electron';
  private ready = false;
  private readonly userData =
    process.env['HARNESS_USER_DATA'] ?? mkdtempSync(path.join(os.tmpdir(), 'harness-user-data-'));
  readonly recorded = { sandboxEnabled: false };
  private readonly readyPromise = new Promise<void>((resolve) => {
    // Electron's ready comes after the main script has run to its end.
    setImmediate(() => {
      this.ready = true;
      this.emit('ready');
      resolve();
    });
  });
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    this.recorded.sandboxEnabled = true;
  }
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getAppPath(): string {
    return process.env['HARNESS_APP_PATH'] ?? process.cwd();
  }
  getVersion(): string {
    const manifest = JSON.parse(readFileSync(path.join(this.getAppPath(), 'package.json'), 'utf8'));
    return String(manifest.version);
  }
  /** What the OS lists as the person's languages; the harness sets it per run. */
  getPreferredSystemLanguages(): string[] {
    return (process.env['HARNESS_SYSTEM_LANGUAGES'] ?? 'en-US').split(',').filter(Boolean);
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    throw new Error(`app.getPath('${name}') is not part of the stand-in`);
  }
  exit(code = 0): void {
    post({ kind: 'exit', code });
    setImmediate(() => process.exit(code));
  }
  quit(): void {
    this.emit('will-quit');
    this.exit(0);
  }
}
export const app = new App();

// ---------- protocol, net, session ----------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const privilegedSchemes: unknown[] = [];
const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.isReady()) throw new Error('registerSchemesAsPrivileged must be called before ready');
    privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle must be called after the app is ready');
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    protocolHandlers.set(scheme, handler);
  },
};

/** What Chromium's file loader would send as Content-Type for the renderer build's files. */
const mimeTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

export const net = {
  /** file: URLs only, as the shell uses it; a missing file fails like Chromium's loader. */
  async fetch(url: string): Promise<Response> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:')
      throw new Error(`net.fetch(${parsed.protocol}) is not part of the stand-in`);
    const file = fileURLToPath(parsed);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      throw new Error('net::ERR_FILE_NOT_FOUND');
    }
    const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': type } });
  },
};

type PermissionRequestHandler = (
  contents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (
  contents: WebContents | null,
  permission: string,
  origin: string,
  details: { requestingUrl?: string; isMainFrame: boolean },
) => boolean;

const defaultSession = {
  permissionRequestHandler: null as PermissionRequestHandler | null,
  permissionCheckHandler: null as PermissionCheckHandler | null,
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  },
};
export const session = { defaultSession };

// ---------- shell, dialog ----------

export const shell = {
  /** The system browser: the harness opens the address in a new page of its own. */
  async openExternal(url: string): Promise<void> {
    post({ kind: 'open-external', url });
  },
};

export const dialog = {
  /** No dialog here: answered as if the person pressed Cancel; the harness hears what it offered. */
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    // Called as (window, options) or (options).
    const options = (args.length > 1 ? args[1] : args[0]) as {
      defaultPath?: string;
      filters?: { extensions: string[] }[];
    };
    post({
      kind: 'save-dialog',
      defaultPath: options.defaultPath ?? '',
      extensions: (options.filters ?? []).flatMap((filter) => filter.extensions),
    });
    return { canceled: true };
  },
};

// ---------- windows, web contents, frames ----------

interface FrameStandIn {
  url: string;
  processId: number;
  routingId: number;
  isDestroyed(): boolean;
}

let nextContentsId = 1;
const allContents = new Map<number, WebContents>();

class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FrameStandIn;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private subFrames = 0;
  constructor() {
    super();
    this.mainFrame = { url: '', processId: 100 + this.id, routingId: 1, isDestroyed: () => false };
    allContents.set(this.id, this);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    post({ kind: 'send', contentsId: this.id, channel, args });
  }
  async loadURL(url: string): Promise<void> {
    const error = await askToLoad(this.id, url);
    if (error !== undefined) throw new Error(error);
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }
  async printToPDF(): Promise<Uint8Array> {
    throw new Error('printToPDF is not part of the stand-in');
  }
  /** The frame an IPC message came from, as Electron's event.senderFrame would give it. */
  frameFor(url: string, isMainFrame: boolean): FrameStandIn {
    if (isMainFrame) {
      this.mainFrame.url = url;
      return this.mainFrame;
    }
    this.subFrames += 1;
    return {
      url,
      processId: this.mainFrame.processId,
      routingId: 1 + this.subFrames,
      isDestroyed: () => false,
    };
  }
}

const windows = new Set<BrowserWindow>();
const windowOptions: unknown[] = [];

export class BrowserWindow extends EventEmitter {
  readonly webContents = new WebContents();
  private destroyed = false;
  visible = false;
  constructor(options: unknown = {}) {
    super();
    windowOptions.push(options);
    windows.add(this);
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    await this.webContents.loadURL(url);
    this.emit('ready-to-show');
  }
  show(): void {
    this.visible = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    this.emit('closed');
    if (windows.size === 0) app.emit('window-all-closed');
  }
  close(): void {
    this.destroy();
  }
}

// ---------- ipcMain ----------

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();

export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (invokeHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    invokeHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    invokeHandlers.delete(channel);
  },
};

// ---------- what the harness asks ----------

function contentsOf(id: number): WebContents {
  const contents = allContents.get(id);
  if (!contents) throw new Error(`no web contents ${id}`);
  return contents;
}

async function answer(request: HarnessRequest): Promise<unknown> {
  switch (request.op) {
    case 'protocol': {
      const scheme = new URL(request.url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) return { status: 0, headers: [], body: new Uint8Array() };
      const response = await handler(new Request(request.url, { method: request.method }));
      return {
        status: response.status,
        headers: [...response.headers.entries()],
        body: new Uint8Array(await response.arrayBuffer()),
      };
    }
    case 'invoke': {
      const handler = invokeHandlers.get(request.channel);
      if (!handler) throw new Error(`No handler registered for '${request.channel}'`);
      const sender = contentsOf(request.contentsId);
      const senderFrame = sender.frameFor(request.frameUrl, request.isMainFrame);
      return handler({ sender, senderFrame, processId: senderFrame.processId }, ...request.args);
    }
    case 'will-navigate': {
      let prevented = false;
      const event = {
        url: request.url,
        isMainFrame: true,
        preventDefault() {
          prevented = true;
        },
      };
      const contents = contentsOf(request.contentsId);
      contents.emit('will-navigate', event, request.url);
      contents.emit('will-frame-navigate', event);
      return { prevented };
    }
    case 'window-open': {
      const handler = contentsOf(request.contentsId).windowOpenHandler;
      return handler ? handler({ url: request.url }) : { action: 'allow' };
    }
    case 'attach-webview': {
      let prevented = false;
      contentsOf(request.contentsId).emit(
        'will-attach-webview',
        { preventDefault: () => (prevented = true) },
        {},
        { src: request.url },
      );
      return { prevented };
    }
    case 'permission': {
      const contents = contentsOf(request.contentsId);
      const details = { requestingUrl: request.url, isMainFrame: request.isMainFrame };
      const check =
        defaultSession.permissionCheckHandler?.(
          contents,
          request.permission,
          new URL(request.url).origin,
          details,
        ) ?? true;
      const requested = await new Promise<boolean>((resolve) => {
        const handler = defaultSession.permissionRequestHandler;
        if (!handler) resolve(true);
        else handler(contents, request.permission, resolve, details);
      });
      return { check, requested };
    }
    case 'new-contents':
      return new WebContents().id;
    case 'inspect': {
      const inspection: StandInInspection = {
        sandboxEnabled: app.recorded.sandboxEnabled,
        name: app.getName(),
        privilegedSchemes,
        protocolSchemes: [...protocolHandlers.keys()],
        ipcChannels: [...invokeHandlers.keys()],
        windowOptions: JSON.parse(JSON.stringify(windowOptions)),
        hasPermissionRequestHandler: defaultSession.permissionRequestHandler !== null,
        hasPermissionCheckHandler: defaultSession.permissionCheckHandler !== null,
      };
      return inspection;
    }
    case 'close-windows': {
      for (const window of [...windows]) window.close();
      return null;
    }
  }
}

process.on('message', (message: FromHarness) => {
  if (message.kind === 'answer') {
    loading.get(message.id)?.(message.error);
    loading.delete(message.id);
    return;
  }
  answer(message).then(
    (value) => post({ kind: 'reply', id: message.id, value }),
    (error: unknown) =>
      post({
        kind: 'reply',
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
