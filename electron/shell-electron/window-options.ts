import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one factory for window options: every window the app opens is sandboxed, isolated and
 * without Node, whatever a caller asks for.
 */
export function hardenedWindowOptions(
  preload: string,
  extra: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    show: false,
    ...extra,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
