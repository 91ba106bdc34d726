/**
 * The Electron shell: a hardened window over the same handler table as the browser shell.
 * The renderer is served from the app:// scheme with the app's CSP; navigation, new windows,
 * webviews and permission requests are refused; IPC answers only the app's own frame; links
 * leave the app only through the allow-list (electron/services/link-policy.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  net,
  protocol,
  session,
  shell,
  type WebFrameMain,
} from 'electron';
import { ipcChannels, type WizardEvent } from '../../shared/contract';
import { problem } from '../../shared/problem';
import { contentSecurityPolicy } from '../content-security';
import { createWizardHost, productName, type WizardHost } from '../host';
import { parseOptions, UsageError } from '../options';
import { hardenedWindowOptions } from './window-options';
import { createSaveReport } from './save-report';

const appOrigin = 'app://wizard';
const rendererDir = path.resolve(__dirname, '..', '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.setName(productName);

/** Wizard flags only: Chromium and debugger switches (e.g. from test runners) are not ours. */
function wizardArgs(argv: readonly string[]): string[] {
  const script = argv.findIndex((arg) => arg.endsWith('main.js'));
  const rest = argv.slice(script >= 0 ? script + 1 : app.isPackaged ? 1 : 2);
  return rest.filter((arg) => !/^--(inspect|remote-debugging|no-sandbox|enable-logging)/.test(arg));
}

function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  try {
    return new URL(frame.url).origin === appOrigin;
  } catch {
    return false;
  }
}

async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = path.resolve(rendererDir, relative);
  if (url.host !== 'wizard' || !file.startsWith(rendererDir + path.sep)) {
    return new Response('Not found', { status: 404 });
  }
  const response = await net.fetch(pathToFileURL(file).toString());
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', contentSecurityPolicy);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

/** The client ID a packager baked in (`-c.extraMetadata.wizardClientId=<id>`), if any. */
function packagedClientId(): { packagedClientId?: string } {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8'),
    ) as { wizardClientId?: unknown };
    return typeof manifest.wizardClientId === 'string'
      ? { packagedClientId: manifest.wizardClientId }
      : {};
  } catch {
    return {};
  }
}

async function start(): Promise<void> {
  let demo = false;
  try {
    demo = parseOptions(wizardArgs(process.argv).filter((arg) => arg !== '--web')).demo;
  } catch (error) {
    process.stderr.write(`${error instanceof UsageError ? error.message : String(error)}\n`);
    app.exit(2);
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  protocol.handle('app', serveRenderer);

  let mainWindow: BrowserWindow | null = null;
  const host: WizardHost = await createWizardHost({
    shell: 'electron',
    practice: demo,
    version: app.getVersion(),
    configDir: app.getPath('userData'),
    versions: process.versions,
    ...packagedClientId(),
    async openExternal(url) {
      await shell.openExternal(url);
      return 'system';
    },
    saveReport: createSaveReport(() => mainWindow),
  });

  ipcMain.handle(ipcChannels.invoke, (event, method: unknown, params: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, problem: problem('request-malformed', { reason: 'sender' }) };
    }
    return host.dispatch(method, params);
  });

  const window = new BrowserWindow(
    hardenedWindowOptions(path.join(__dirname, 'preload.js'), { title: productName }),
  );
  mainWindow = window;
  const unsubscribe = host.onEvent((event: WizardEvent) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, event);
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', unsubscribe);
  await window.loadURL(`${appOrigin}/index.html`);

  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

start().catch((error: unknown) => {
  process.stderr.write(`The wizard could not start: ${String(error)}\n`);
  app.exit(1);
});
