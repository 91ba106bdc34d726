/**
 * The shell harness: runs the Electron shell's real compiled main entry
 * (build/electron/shell-electron/main.js) in plain Node with `electron` resolved to a stand-in,
 * and shows its window in Debian's Chromium (Playwright) with the real bundled preload:
 *
 * - the page and every asset come from the handler main registered with protocol.handle('app');
 * - the preload runs before the page with a stand-in `require('electron')` whose
 *   ipcRenderer.invoke goes to the handler main registered with ipcMain.handle, with the
 *   calling frame's real URL and whether it is the main frame;
 * - webContents.send comes back to the preload's listeners; shell.openExternal opens a new page
 *   (the system browser); navigations of the window are put to main's will-frame-navigate.
 *
 * Chromium cannot load an unknown scheme, so app://HOST/… is shown at https://HOST.app-scheme.invalid/…
 * (routed, never resolved) and mapped back, one rule each way, before main sees a URL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Route } from '@playwright/test';
import { repoRoot } from '../support/wizard-process';
import type {
  FromHarness,
  HarnessRequest,
  ProtocolReply,
  StandInInspection,
  ToHarness,
} from './harness-messages';

export const mainEntry = path.join(repoRoot, 'build', 'electron', 'shell-electron', 'main.js');
export const preloadBundle = path.join(
  repoRoot,
  'build',
  'electron',
  'shell-electron',
  'preload.js',
);
const chromiumSuffix = '.app-scheme.invalid';

function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** app://wizard/x → https://wizard.app-scheme.invalid/x; anything else unchanged. */
export function toChromiumUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'app:') return url;
  return `https://${parsed.host}${chromiumSuffix}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The inverse: what main would see as the frame's URL in Electron. */
export function toElectronUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith(chromiumSuffix)) return url;
  const host = parsed.hostname.slice(0, -chromiumSuffix.length);
  return `app://${host}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/**
 * The preload as Electron's sandboxed renderer would run it: the bundle from disk, with a
 * `require` that knows `electron` only (a sandboxed preload can load no other file).
 */
function preloadScript(bundle: string): string {
  return `(() => {
  if (window.top !== window) return; // Electron runs the preload in the main frame only.
  const listeners = new Map();
  const invoke = window.__standInInvoke;
  delete window.__standInInvoke;
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
      },
    },
    ipcRenderer: {
      invoke: (channel, ...args) => invoke(channel, args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
  Object.defineProperty(window, '__standInDeliver', {
    value: (channel, args) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, ...args);
    },
  });
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('module not found: ' + name + ' (a sandboxed preload can require electron only)');
  };
  (function (require, module, exports) {
${bundle}
  })(require, module, module.exports);
})();`;
}

export interface ShellHarness {
  /** The app window's page. */
  page: Page;
  context: BrowserContext;
  /** Resolves with the next page shell.openExternal opened (the system browser). */
  nextExternalPage(): Promise<Page>;
  /** Every address shell.openExternal was given, in order (only loopback ones are opened). */
  externalUrls: string[];
  /** Every save dialog main opened (the stand-in answers Cancel), in order. */
  saveDialogs: { defaultPath: string; extensions: string[] }[];
  /** Navigations of a window that main's will-frame-navigate handler prevented. */
  refusedNavigations: string[];
  /** Uncaught errors in the app window's page (including the preload's). */
  pageErrors: string[];
  request<T>(request: DistributiveOmit<HarnessRequest, 'kind' | 'id'>): Promise<T>;
  inspect(): Promise<StandInInspection>;
  /** A page in a second web contents (not the app window), with the same preload. */
  openOtherWindow(url: string): Promise<Page>;
  appContentsId(): number;
  output(): string;
  /** Closes the window as a person would; resolves with main's exit code. */
  closeWindow(): Promise<number | null>;
  stop(): Promise<void>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function startShellHarness(
  browser: Browser,
  options: {
    args?: string[];
    env?: NodeJS.ProcessEnv;
    /** What app.getAppPath() answers (default: the repository, as unpackaged). */
    appPath?: string;
  } = {},
): Promise<ShellHarness> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'shell-harness-'));
  const child: ChildProcess = fork(mainEntry, options.args ?? ['--demo'], {
    execArgv: ['--require', 'tsx/cjs', '--require', path.join(__dirname, 'register.ts')],
    cwd: repoRoot,
    env: {
      ...process.env,
      ...options.env,
      HARNESS_USER_DATA: userData,
      HARNESS_APP_PATH: options.appPath ?? repoRoot,
    },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const bundle = readFileSync(preloadBundle, 'utf8');
  const replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextRequest = 1;
  const request = <T>(message: DistributiveOmit<HarnessRequest, 'kind' | 'id'>): Promise<T> => {
    const id = nextRequest++;
    return new Promise<T>((resolve, reject) => {
      replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...message, kind: 'request', id } as FromHarness);
    });
  };

  /** Pages showing a web contents of main's, by contents id. */
  const pages = new Map<number, Page>();
  let appContents: number | null = null;
  const externalUrls: string[] = [];
  const saveDialogs: { defaultPath: string; extensions: string[] }[] = [];
  const refusedNavigations: string[] = [];
  const pageErrors: string[] = [];
  const externalWaiters: ((page: Page) => void)[] = [];
  const openedExternal: Page[] = [];
  let delivery = Promise.resolve();

  async function servePage(page: Page, contentsId: () => number | null, route: Route) {
    const routed = route.request();
    const url = toElectronUrl(routed.url());
    const id = contentsId();
    if (routed.isNavigationRequest() && routed.frame() === page.mainFrame() && id !== null) {
      const expected = expectedLoads.get(page);
      if (expected !== url) {
        const { prevented } = await request<{ prevented: boolean }>({
          op: 'will-navigate',
          contentsId: id,
          url,
        });
        if (prevented) {
          refusedNavigations.push(url);
          return route.abort('aborted');
        }
      }
      expectedLoads.delete(page);
    }
    // Never off this machine: what is not the app's goes on only to loopback.
    if (!url.startsWith('app:')) {
      return isLoopback(url) ? route.continue() : route.abort('blockedbyclient');
    }
    const reply = await request<ProtocolReply>({ op: 'protocol', url, method: routed.method() });
    if (reply.status === 0) return route.abort('failed');
    return route.fulfill({
      status: reply.status,
      headers: Object.fromEntries(reply.headers),
      body: Buffer.from(reply.body),
    });
  }
  const expectedLoads = new Map<Page, string>();

  async function preparePage(page: Page, contentsId: () => number | null): Promise<void> {
    await page.exposeBinding(
      '__standInInvoke',
      async (source: { frame: Frame }, channel: string, args: unknown[]) => {
        const id = contentsId();
        if (id === null) throw new Error('this page shows no web contents of main');
        return request({
          op: 'invoke',
          contentsId: id,
          channel,
          args,
          frameUrl: toElectronUrl(source.frame.url()),
          isMainFrame: source.frame === page.mainFrame(),
        });
      },
    );
    await page.addInitScript({ content: preloadScript(bundle) });
    await page.route('**/*', (route) => servePage(page, contentsId, route));
  }

  const appPage = await context.newPage();
  appPage.on('pageerror', (error) => pageErrors.push(error.message));
  await preparePage(appPage, () => appContents);

  let loaded: () => void;
  let failed: (error: Error) => void;
  const firstLoad = new Promise<void>((resolve, reject) => {
    loaded = resolve;
    failed = reject;
  });
  child.once('exit', (code) =>
    failed(new Error(`main exited with ${code} before showing its window:\n${output}`)),
  );

  child.on('message', (message: ToHarness) => {
    switch (message.kind) {
      case 'reply': {
        const waiter = replies.get(message.id);
        replies.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
        return;
      }
      case 'load': {
        if (appContents === null) appContents = message.contentsId;
        const page =
          pages.get(message.contentsId) ?? (appContents === message.contentsId ? appPage : null);
        if (!page) {
          child.send({
            kind: 'answer',
            id: message.id,
            error: 'the harness shows the app window only',
          });
          return;
        }
        pages.set(message.contentsId, page);
        const target = toChromiumUrl(message.url);
        expectedLoads.set(page, message.url);
        page.goto(target).then(
          () => {
            child.send({ kind: 'answer', id: message.id } satisfies FromHarness);
            loaded();
          },
          (error: Error) => child.send({ kind: 'answer', id: message.id, error: error.message }),
        );
        return;
      }
      case 'send': {
        const page = pages.get(message.contentsId);
        if (!page) return; // Electron drops a message to a web contents with no page yet.
        delivery = delivery.then(() =>
          page
            .evaluate(
              ([channel, args]) =>
                (
                  window as unknown as { __standInDeliver(c: string, a: unknown[]): void }
                ).__standInDeliver(channel, args),
              [message.channel, message.args] as const,
            )
            .catch(() => undefined),
        );
        return;
      }
      case 'open-external': {
        externalUrls.push(message.url);
        if (!isLoopback(message.url)) return; // The real system browser would go out; not here.
        void context.newPage().then(async (page) => {
          await page.goto(message.url).catch(() => undefined);
          const waiter = externalWaiters.shift();
          if (waiter) waiter(page);
          else openedExternal.push(page);
        });
        return;
      }
      case 'save-dialog':
        saveDialogs.push({ defaultPath: message.defaultPath, extensions: message.extensions });
        return;
      case 'exit':
        return;
    }
  });

  await firstLoad;
  return {
    page: appPage,
    context,
    externalUrls,
    saveDialogs,
    refusedNavigations,
    pageErrors,
    nextExternalPage() {
      const ready = openedExternal.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => externalWaiters.push(resolve));
    },
    request,
    inspect: () => request<StandInInspection>({ op: 'inspect' }),
    async openOtherWindow(url) {
      const id = await request<number>({ op: 'new-contents' });
      const page = await context.newPage();
      await preparePage(page, () => id);
      pages.set(id, page);
      expectedLoads.set(page, url);
      await page.goto(toChromiumUrl(url));
      return page;
    },
    appContentsId() {
      if (appContents === null) throw new Error('main has shown no window');
      return appContents;
    },
    output: () => output,
    async closeWindow() {
      await request({ op: 'close-windows' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async stop() {
      await context.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
