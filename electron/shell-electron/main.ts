/**
 * The Electron shell: a hardened window over the same handler table as the browser shell.
 * The renderer is served from the app:// scheme with the app's CSP; navigation, new windows,
 * webviews and permission requests are refused; IPC answers only the app window's main frame;
 * links leave the app only through the allow-list (electron/services/link-policy.ts). Each
 * decision is a pure function in ./policies.ts; this file wires them to Electron.
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
import { contentSecurityPolicy } from '../common/content-security';
import { createWizardHost, productName, type WizardHost } from '../host';
import { parseOptions, UsageError } from '../startup/options';
import {
  appEntryUrl,
  appScheme,
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedSender,
  newWindowDecision,
  resolveAppRequest,
  wizardArgs,
  type FrameFacts,
} from './policies';
import { packagedSettings, type PackagedSettings } from './packaged-settings';
import { hardenedWindowOptions } from './window-options';
import { createSaveCalendar, createSaveReport } from './save-report';

const rendererDir = path.resolve(__dirname, '..', '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.setName(productName);

function frameFacts(frame: WebFrameMain | null | undefined): FrameFacts | null {
  if (!frame || frame.isDestroyed()) return null;
  return { url: frame.url, processId: frame.processId, routingId: frame.routingId };
}

async function serveRenderer(request: Request): Promise<Response> {
  const target = resolveAppRequest(request.url, rendererDir);
  if (target.kind === 'not-found') return new Response('Not found', { status: 404 });
  let response: Response;
  try {
    response = await net.fetch(pathToFileURL(target.file).toString());
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', contentSecurityPolicy);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

/** What a packager baked in (client ID, cloud profile file); see packaged-settings.ts. */
function readPackagedSettings(): PackagedSettings {
  let manifest: string | null = null;
  try {
    manifest = readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8');
  } catch {
    // No manifest: nothing baked in.
  }
  // Packaged, the app is resources/app.asar: files shipped beside it are in resources/.
  return packagedSettings(manifest, path.dirname(app.getAppPath()), process.env);
}

async function start(): Promise<void> {
  let demo = false;
  try {
    demo = parseOptions(
      wizardArgs(process.argv, app.isPackaged).filter((arg) => arg !== '--web'),
    ).demo;
  } catch (error) {
    process.stderr.write(`${error instanceof UsageError ? error.message : String(error)}\n`);
    app.exit(2);
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      isPermissionGranted({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
      }),
    );
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin, details) =>
    isPermissionGranted({
      permission,
      requestingUrl: details.requestingUrl ?? origin,
      isMainFrame: details.isMainFrame,
    }),
  );
  protocol.handle(appScheme, serveRenderer);

  let mainWindow: BrowserWindow | null = null;
  const host: WizardHost = await createWizardHost({
    shell: 'electron',
    practice: demo,
    version: app.getVersion(),
    configDir: process.env['WIZARD_CONFIG_DIR'] || app.getPath('userData'),
    versions: process.versions,
    // On first start the wizard speaks the system's language (the person can switch any time).
    preferredLanguages: () => app.getPreferredSystemLanguages(),
    ...readPackagedSettings(),
    async openExternal(url) {
      // The handler let only an allow-listed address through (services/link-policy.ts); checked
      // again here, at the one call that leaves the app.
      if (!host.links.isAllowed(url)) throw new Error('address not on the allow-list');
      await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (allow-listed above)
      return 'system';
    },
    saveReport: createSaveReport(() => mainWindow),
    saveCalendar: createSaveCalendar(() => mainWindow),
  });

  ipcMain.handle(ipcChannels.invoke, (event, method: unknown, params: unknown) => {
    const appContents = mainWindow?.isDestroyed() === false ? mainWindow.webContents : null;
    const trusted = isTrustedSender({
      frame: frameFacts(event.senderFrame),
      appMainFrame: frameFacts(appContents?.mainFrame),
      fromAppWindow: appContents !== null && event.sender.id === appContents.id,
    });
    if (!trusted) {
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
  await window.loadURL(appEntryUrl);

  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(newWindowDecision);
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

start().catch((error: unknown) => {
  process.stderr.write(`The wizard could not start: ${String(error)}\n`);
  app.exit(1);
});
