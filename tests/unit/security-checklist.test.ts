/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security, "Checklist:
 * Security recommendations", 20 items), item by item against this app's code, build and release
 * config. The item's number is in each test's name. Runtime behaviour of the same settings is
 * proven by tests/shell-harness/ (the real main under a stand-in) and tests/e2e-electron/
 * (wherever an Electron runtime exists). Needs `npm run build` first (npm test builds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { ipcChannels, wizardMethods } from '../../shared/contract';
import {
  contentSecurityPolicy,
  contentSecurityPolicyMeta,
} from '../../electron/common/content-security';
import { createLinkPolicy } from '../../electron/services/link-policy';
import {
  appEntryUrl,
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedSender,
  newWindowDecision,
} from '../../electron/shell-electron/policies';
import { hardenedWindowOptions } from '../../electron/shell-electron/window-options';

const root = path.resolve(__dirname, '..', '..');
const read = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');
const main = read('electron/shell-electron/main.ts');
const saveReport = read('electron/shell-electron/save-report.ts');

/** Every TypeScript source of the main process and the renderer (what could set an option). */
function sources(): { file: string; text: string }[] {
  const result: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|tsx|html)$/.test(entry.name))
        result.push({ file: relative, text: read(relative) });
    }
  };
  walk('electron');
  walk('renderer');
  return result;
}
const allSources = sources();
const matching = (pattern: RegExp): string[] =>
  allSources.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

const preferences = hardenedWindowOptions('/app/preload.js').webPreferences ?? {};
const windowsOpened = (text: string) => text.match(/new BrowserWindow\(/g)?.length ?? 0;

describe('Electron security checklist', () => {
  it('item 1: only secure content — the app from app://, Microsoft over https, no http in the page', () => {
    expect(main).toMatch(/window\.loadURL\(appEntryUrl\)/);
    expect(appEntryUrl.startsWith('app://')).toBe(true);
    for (const profile of Object.values(cloudProfiles)) {
      for (const url of [profile.authorityHost, profile.graphBaseUrl, profile.deviceLoginUrl]) {
        expect(url.startsWith('https://'), url).toBe(true);
      }
    }
    const page = read('build/renderer/index.html');
    expect(page).not.toMatch(/(src|href)="http:/);
    expect(contentSecurityPolicy).not.toMatch(/http:|\*/);
  });

  it('item 2: no Node.js integration in any renderer', () => {
    expect(preferences).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
    expect(matching(/nodeIntegration\w*:\s*true/)).toEqual([]);
  });

  it('item 3: context isolation in all renderers', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(matching(/contextIsolation:\s*false/)).toEqual([]);
  });

  it('item 4: process sandboxing, for every renderer', () => {
    expect(preferences.sandbox).toBe(true);
    expect(main).toMatch(/^app\.enableSandbox\(\);$/m);
    // The app window goes through the factory; the report's PDF window sets sandbox itself.
    expect(windowsOpened(main)).toBe(1);
    expect(main).toMatch(/new BrowserWindow\(\s*hardenedWindowOptions\(/);
    expect(windowsOpened(saveReport)).toBe(1);
    expect(saveReport).toMatch(
      /webPreferences: \{ javascript: false, sandbox: true, contextIsolation: true \}/,
    );
  });

  it('item 5: permission requests and checks are handled, refused but for clipboard writing by the app', () => {
    expect(main).toMatch(/setPermissionRequestHandler\(/);
    expect(main).toMatch(/setPermissionCheckHandler\(/);
    expect(
      isPermissionGranted({ permission: 'media', requestingUrl: appEntryUrl, isMainFrame: true }),
    ).toBe(false);
    expect(
      isPermissionGranted({
        permission: 'clipboard-sanitized-write',
        requestingUrl: 'https://login.microsoftonline.com/',
        isMainFrame: true,
      }),
    ).toBe(false);
  });

  it('item 6: webSecurity is never disabled', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(matching(/webSecurity:\s*false|disablewebsecurity/i)).toEqual([]);
  });

  it("item 7: a Content-Security-Policy with script-src 'self', as header and in the page", () => {
    expect(contentSecurityPolicy).toMatch(/default-src 'none'/);
    expect(contentSecurityPolicy).toMatch(/script-src 'self'(;|$)/);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
    expect(main).toMatch(/headers\.set\('Content-Security-Policy', contentSecurityPolicy\)/);
    const page = read('build/renderer/index.html');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(meta?.replace(/&#39;/g, "'")).toBe(contentSecurityPolicyMeta);
  });

  it('item 8: allowRunningInsecureContent stays off', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(matching(/allowRunningInsecureContent:\s*true/)).toEqual([]);
  });

  it('item 9: no experimental features', () => {
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(matching(/experimentalFeatures/)).toEqual([]);
  });

  it('item 10: no enableBlinkFeatures', () => {
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(matching(/enableBlinkFeatures/)).toEqual([]);
  });

  it('item 11: no <webview> (the tag is off), so no allowpopups', () => {
    expect(preferences.webviewTag).toBe(false);
    expect(matching(/<webview|allowpopups/i)).toEqual([]);
  });

  it('item 12: a webview could not be attached anyway (will-attach-webview is refused)', () => {
    expect(main).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
  });

  it('item 13: navigation is limited to the app, for every frame and redirect', () => {
    expect(main).toMatch(/contents\.on\('will-frame-navigate', guard\)/);
    expect(main).toMatch(/contents\.on\('will-redirect', guard\)/);
    expect(isAllowedNavigation(appEntryUrl)).toBe(true);
    expect(isAllowedNavigation('https://login.microsoftonline.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });

  it('item 14: new windows are refused (links leave through openExternal)', () => {
    expect(main).toMatch(/contents\.setWindowOpenHandler\(newWindowDecision\)/);
    expect(newWindowDecision()).toEqual({ action: 'deny' });
  });

  it('item 15: shell.openExternal only with allow-listed addresses', () => {
    const calls = allSources.flatMap(({ file, text }) =>
      [...text.matchAll(/shell\.openExternal\(/g)].map(() => file),
    );
    expect(calls).toEqual(['electron/shell-electron/main.ts']);
    expect(main).toMatch(
      /if \(!host\.links\.isAllowed\(url\)\) throw[\s\S]{0,200}shell\.openExternal\(url\)/,
    );
    const links = createLinkPolicy();
    for (const url of [
      'file:///etc/passwd',
      'smb://server/share',
      'http://login.microsoftonline.com/',
      'javascript:alert(1)',
    ]) {
      expect(links.isAllowed(url), url).toBe(false);
    }
  });

  it('item 16: a current, supported Electron (45; supported majors are the latest three)', () => {
    const installed = JSON.parse(read('node_modules/electron/package.json')) as { version: string };
    const major = Number(installed.version.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(45);
    const wanted = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> })
      .devDependencies['electron'];
    expect(wanted).toMatch(/^\^45\./);
  });

  it('item 17: the sender of every IPC message is validated', () => {
    expect(main.match(/ipcMain\.\w+\(/g)).toEqual(['ipcMain.handle(']);
    expect(main).toMatch(
      /ipcMain\.handle\(ipcChannels\.invoke, \(event[\s\S]{0,500}isTrustedSender\(/,
    );
    const frame = { url: appEntryUrl, processId: 1, routingId: 1 };
    expect(isTrustedSender({ frame, appMainFrame: frame, fromAppWindow: true })).toBe(true);
    expect(
      isTrustedSender({
        frame: { ...frame, routingId: 2 },
        appMainFrame: frame,
        fromAppWindow: true,
      }),
    ).toBe(false);
  });

  it('item 18: no file:// pages — a custom app:// protocol instead', () => {
    // \b: a renderer helper such as downloadFile( is not Electron's loadFile(.
    expect(matching(/\bloadFile\(|\bloadURL\(['"`]file:/)).toEqual([]);
    expect(main).toMatch(/protocol\.handle\(appScheme, serveRenderer\)/);
  });

  it('item 19: the fuses are set for release builds', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  }, 30_000);

  it('item 20: the preload exposes the contract as verbs, never Electron or its events', () => {
    // Run the bundled preload as the sandbox would, with a recording stand-in for electron.
    const exposed: Record<string, unknown> = {};
    const listeners: ((event: unknown, payload: unknown) => void)[] = [];
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api),
      },
      // eslint-disable-next-line no-restricted-syntax -- a recording stand-in, not IPC
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve(null)),
        on: (_channel: string, listener: (event: unknown, payload: unknown) => void) =>
          listeners.push(listener),
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    vm.runInNewContext(read('build/electron/shell-electron/preload.js'), {
      require: sandboxRequire,
      module: { exports: {} },
      exports: {},
    });
    expect(Object.keys(exposed)).toEqual(['wizard']);
    const api = exposed['wizard'] as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...wizardMethods, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    void api['getAppInfo']?.({});
    expect(invoked).toEqual([[ipcChannels.invoke, 'getAppInfo', {}]]);
    const received: unknown[] = [];
    api['onEvent']?.((payload: unknown) => received.push(payload));
    listeners[0]?.({ sender: 'the IpcRendererEvent' }, { name: 'practice-changed', data: {} });
    expect(received).toEqual([{ name: 'practice-changed', data: {} }]);
  });
});
