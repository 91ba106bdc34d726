import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  newWindowDecision,
  resolveAppRequest,
  wizardArgs,
  type FrameFacts,
} from '../../electron/shell-electron/policies';

const mainFrame: FrameFacts = { url: appEntryUrl, processId: 4, routingId: 1 };

describe('IPC sender check', () => {
  it('the app:// origin is opaque in Node, so the check cannot compare origins', () => {
    // The bug this check once had: every call from the app's own page was refused.
    expect(new URL(appEntryUrl).origin).toBe('null');
  });

  it("accepts the app window's main frame showing the wizard's page", () => {
    expect(
      isTrustedSender({ frame: mainFrame, appMainFrame: mainFrame, fromAppWindow: true }),
    ).toBe(true);
  });

  it('accepts the main frame after an in-app navigation (another app:// page, a hash)', () => {
    const frame = { ...mainFrame, url: 'app://wizard/index.html#/sign-in' };
    expect(isTrustedSender({ frame, appMainFrame: mainFrame, fromAppWindow: true })).toBe(true);
  });

  it.each([
    ['a sub-frame of the app page', { ...mainFrame, routingId: 7 }],
    ['a frame of another renderer process', { ...mainFrame, processId: 9 }],
    ['another host on the app scheme', { ...mainFrame, url: 'app://evil/index.html' }],
    ['a look-alike host', { ...mainFrame, url: 'app://wizard.evil/index.html' }],
    ['a port on the app host', { ...mainFrame, url: 'app://wizard:8080/index.html' }],
    ['credentials in the address', { ...mainFrame, url: 'app://user@wizard/index.html' }],
    ['a web page', { ...mainFrame, url: 'https://wizard/index.html' }],
    ['a file page', { ...mainFrame, url: 'file:///index.html' }],
    ['a page with no address yet', { ...mainFrame, url: '' }],
    ['a data: page', { ...mainFrame, url: 'data:text/html,<p>x</p>' }],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender({ frame, appMainFrame: mainFrame, fromAppWindow: true })).toBe(false);
  });

  it('refuses a frame that is gone, a window without a page, and any other window', () => {
    expect(isTrustedSender({ frame: null, appMainFrame: mainFrame, fromAppWindow: true })).toBe(
      false,
    );
    expect(isTrustedSender({ frame: mainFrame, appMainFrame: null, fromAppWindow: true })).toBe(
      false,
    );
    expect(
      isTrustedSender({ frame: mainFrame, appMainFrame: mainFrame, fromAppWindow: false }),
    ).toBe(false);
  });
});

describe('app:// path resolution', () => {
  const root = path.resolve('/opt/wizard/build/renderer');

  it.each([
    ['app://wizard/', 'index.html'],
    ['app://wizard', 'index.html'],
    ['app://wizard/index.html', 'index.html'],
    ['app://wizard/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://wizard/assets/a%20b.css?x=1#top', 'assets/a b.css'],
    ['app://wizard/assets/../icon.svg', 'icon.svg'],
    // The URL parser resolves dot segments (also encoded ones) at the root: still inside.
    ['app://wizard/%2e%2e/%2e%2e/secret', 'secret'],
  ])('%s is the file %s', (url, relative) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'file', file: path.join(root, relative) });
  });

  it.each([
    'app://wizard/..%2f..%2fetc%2fpasswd',
    'app://wizard/assets/%5c..%5c..%5cwindows',
    'app://wizard/a%00.js',
    'app://wizard/%E0%A4%A',
    'app://other/index.html',
    'app://wizard:1/index.html',
    'https://wizard/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('%s is not found', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'not-found' });
  });

  it('stays inside the folder with Windows path rules too', () => {
    const windowsRoot = 'C:\\Program Files\\Wizard\\resources\\renderer';
    expect(resolveAppRequest('app://wizard/assets/x.js', windowsRoot, path.win32)).toEqual({
      kind: 'file',
      file: 'C:\\Program Files\\Wizard\\resources\\renderer\\assets\\x.js',
    });
    for (const url of [
      'app://wizard/..%5C..%5Cevil.exe',
      'app://wizard/C:%5CWindows%5Cwin.ini',
      'app://wizard/%2F%2Fserver%2Fshare',
    ]) {
      expect(resolveAppRequest(url, windowsRoot, path.win32)).toEqual({ kind: 'not-found' });
    }
  });

  it('serves no folder listing: a path ending in / other than the root is not found', () => {
    expect(resolveAppRequest('app://wizard/assets/', root)).toEqual({ kind: 'not-found' });
    expect(resolveAppRequest('app://wizard/.', root)).toEqual({
      kind: 'file',
      file: path.join(root, 'index.html'),
    });
  });
});

describe('argument filter', () => {
  it.each([
    [
      ['/usr/lib/electron', '/app/build/electron/shell-electron/main.js', '--demo'],
      false,
      ['--demo'],
    ],
    [['/usr/lib/electron', '.', '--demo'], false, ['--demo']],
    [['C:\\Wizard\\Wizard.exe', '--demo'], true, ['--demo']],
    [['/Applications/Wizard.app/Contents/MacOS/Wizard', '-psn_0_123'], true, []],
    [
      [
        'electron',
        '--inspect=0',
        'build\\electron\\shell-electron\\main.js',
        '--remote-debugging-port=0',
        '--demo',
        '--no-sandbox',
      ],
      false,
      ['--demo'],
    ],
    [
      ['electron', 'main.js', '--enable-logging', '--user-data-dir=/tmp/x', '--bogus'],
      false,
      ['--bogus'],
    ],
  ])('%j (packaged: %s) gives %j', (argv, packaged, expected) => {
    expect(wizardArgs(argv, packaged)).toEqual(expected);
  });

  it('keeps an unknown wizard flag, so the user hears about the typo', () => {
    expect(wizardArgs(['Wizard.exe', '--dmeo'], true)).toEqual(['--dmeo']);
  });
});

describe('navigation and new-window policies', () => {
  it.each([appEntryUrl, 'app://wizard/', 'app://wizard/index.html#/done'])('stays on %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://login.microsoftonline.com/',
    'http://127.0.0.1:8080/',
    'app://evil/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,x',
    '',
  ])('never navigates to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses every new window, even for the app itself', () => {
    expect(newWindowDecision()).toEqual({ action: 'deny' });
  });

  it('the app origin parses as the wizard host (what the permission check receives)', () => {
    expect(isAppUrl('app://wizard')).toBe(true);
  });
});

describe('permission policy', () => {
  it("grants clipboard writing to the app's main frame only", () => {
    const request = {
      permission: 'clipboard-sanitized-write',
      requestingUrl: appEntryUrl,
      isMainFrame: true,
    };
    expect(isPermissionGranted(request)).toBe(true);
    expect(isPermissionGranted({ ...request, isMainFrame: false })).toBe(false);
    expect(isPermissionGranted({ ...request, requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(isPermissionGranted({ permission, requestingUrl: appEntryUrl, isMainFrame: true })).toBe(
      false,
    );
  });
});
