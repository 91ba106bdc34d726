/**
 * The Electron shell's real compiled main entry and real bundled preload, run under the
 * stand-in for Electron (harness.ts), driving the real renderer in Debian's Chromium. Every
 * call here crosses the preload's verbs, the ipcMain handler main registered (with the page's
 * frame URL) and the host; events come back through webContents.send. What the stand-in is
 * not: tests/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Reply } from '../../shared/contract';
import type { AppInfo } from '../../shared/model';
import { contentSecurityPolicy } from '../../electron/common/content-security';
import { appEntryUrl } from '../../electron/shell-electron/policies';
import { screenshot } from '../e2e/fixtures';
import { Actions, journeySwitches, journeyToCheckExchange, wordsOf } from '../e2e/journey-steps';
import { repoRoot } from '../support/wizard-process';
import { startShellHarness, toChromiumUrl, type ShellHarness } from './harness';

test.describe.configure({ mode: 'serial' });

let harness: ShellHarness;

test.beforeAll(async ({ browser }) => {
  harness = await startShellHarness(browser);
});
test.afterAll(async () => {
  await harness?.stop();
});

/** Calls a verb of the preload's `window.wizard` in the page, as the renderer does. */
function callVerb(page: Page, method: string, params: unknown): Promise<Reply<unknown>> {
  return page.evaluate(
    ([name, value]) => {
      const { wizard } = window as unknown as {
        wizard: Record<string, (p: unknown) => Promise<Reply<unknown>>>;
      };
      const verb = wizard[name as string];
      if (!verb) throw new Error(`the preload has no verb ${String(name)}`);
      return verb(value);
    },
    [method, params] as const,
  );
}

test('main registers a sandboxed, isolated window, the app:// scheme and one IPC channel', async () => {
  const inspection = await harness.inspect();
  expect(inspection.sandboxEnabled).toBe(true);
  expect(inspection.name).toBe('Printer Mail Setup Wizard');
  expect(inspection.privilegedSchemes).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  expect(inspection.protocolSchemes).toEqual(['app']);
  expect(inspection.ipcChannels).toEqual(['wizard:invoke']);
  expect(inspection.hasPermissionRequestHandler).toBe(true);
  expect(inspection.hasPermissionCheckHandler).toBe(true);
  const preferences = inspection.windowOptions[0]?.webPreferences ?? {};
  expect(preferences).toMatchObject({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(String(preferences['preload'])).toMatch(
    /build[\\/]electron[\\/]shell-electron[\\/]preload\.js$/,
  );
});

test("the page and its assets come from main's app:// handler, with the CSP", async () => {
  const { page } = harness;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Printer Mail Setup Wizard');
  const headers = await page.evaluate(async () => {
    const response = await fetch('/index.html');
    return { status: response.status, csp: response.headers.get('content-security-policy') };
  });
  expect(headers).toEqual({ status: 200, csp: contentSecurityPolicy });
  const outside = await page.evaluate(async () => {
    const probes = ['/..%2f..%2fpackage.json', '/assets/', '/no-such-file.js'];
    return Promise.all(probes.map(async (probe) => (await fetch(probe)).status));
  });
  expect(outside).toEqual([404, 404, 404]);
  // The CSP is enforced: an inline script does not run.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});

test('the preload exposes the contract as verbs; calls from the app window answer', async () => {
  const { page } = harness;
  const exposed = await page.evaluate(() => ({
    verbs: Object.keys((window as unknown as { wizard: object }).wizard).sort(),
    node: [typeof (globalThis as { require?: unknown }).require, typeof globalThis.process],
  }));
  expect(exposed.verbs).toContain('getAppInfo');
  expect(exposed.verbs).toContain('onEvent');
  expect(exposed.node).toEqual(['undefined', 'undefined']);
  expect(harness.pageErrors).toEqual([]);
  const reply = (await callVerb(page, 'getAppInfo', {})) as Reply<AppInfo>;
  expect(reply.ok).toBe(true);
  if (reply.ok) expect(reply.value).toMatchObject({ shell: 'electron', practice: true });
});

test("the calendar reminder goes through the preload verb to main's save dialog", async () => {
  const { page } = harness;
  const words = {
    summary: 'Scan to email from {{printer}} before {{date}}',
    description: 'Send one scan to email.',
    printerFallback: 'the printer',
  };
  const refused = await callVerb(page, 'saveSignInReminder', {
    words,
    language: 'en',
    timeZone: 'Mars/Olympus',
  });
  expect(refused.ok).toBe(false);
  expect(harness.saveDialogs).toEqual([]);
  const reply = await callVerb(page, 'saveSignInReminder', {
    words,
    language: 'en',
    timeZone: 'Europe/Kyiv',
  });
  // The stand-in's dialog answers Cancel: no file, said as such.
  expect(reply).toMatchObject({ ok: false, problem: { id: 'report-save-cancelled' } });
  expect(harness.saveDialogs).toEqual([
    {
      defaultPath: expect.stringMatching(/^printer-sign-in-reminder-\d{4}-\d{2}-\d{2}\.ics$/),
      extensions: ['ics'],
    },
  ]);
});

test("the app's own page in another web contents is refused, as a sender", async () => {
  const other = await harness.openOtherWindow(appEntryUrl);
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
  const reply = await callVerb(other, 'getAppInfo', {});
  expect(reply).toEqual({
    ok: false,
    problem: { id: 'request-malformed', data: { reason: 'sender' } },
  });
  await other.close();
});

test("main's policies: no navigation away, no new windows or webviews, clipboard only", async () => {
  const { page } = harness;
  const before = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(harness.refusedNavigations).toEqual(['https://example.com/']);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const contentsId = harness.appContentsId();
  for (const url of ['https://example.com/', appEntryUrl]) {
    expect(await harness.request({ op: 'window-open', contentsId, url })).toEqual({
      action: 'deny',
    });
  }
  expect(
    await harness.request({ op: 'attach-webview', contentsId, url: 'https://example.com/' }),
  ).toEqual({ prevented: true });
  const ask = (permission: string, url = appEntryUrl, isMainFrame = true) =>
    harness.request({ op: 'permission', contentsId, permission, url, isMainFrame });
  expect(await ask('clipboard-sanitized-write')).toEqual({ check: true, requested: true });
  expect(await ask('clipboard-sanitized-write', appEntryUrl, false)).toEqual({
    check: false,
    requested: false,
  });
  expect(await ask('media')).toEqual({ check: false, requested: false });
  expect(await ask('notifications', 'https://example.com/')).toEqual({
    check: false,
    requested: false,
  });
});

test('practice journey through the Electron shell: Welcome, Find the printer, Prepare Exchange Online, Sign in, a passing Check Exchange Online', async () => {
  test.setTimeout(120_000);
  const { page } = harness;
  const w = wordsOf('en');
  const actions = new Actions();
  for (const [id, value] of Object.entries(journeySwitches)) {
    expect((await callVerb(page, 'setPracticeSwitch', { id, value })).ok).toBe(true);
  }
  const started = Date.now();
  // The admin center and Microsoft's page open in the system browser: shell.openExternal
  // through the allow-list, which the harness shows as a new page.
  const openedOutside = async (click: () => Promise<void>) => {
    const opened = harness.nextExternalPage();
    await click();
    return opened;
  };
  // The practice printers arrive as printers-changed events through webContents.send.
  await journeyToCheckExchange({
    page,
    w,
    actions,
    openAdminCenter: openedOutside,
    openSignInPage: openedOutside,
  });
  const wallMs = Date.now() - started;
  await screenshot(page, 'electron-shell-harness/check-exchange-online');
  expect(harness.pageErrors).toEqual([]);

  expect(harness.externalUrls.map((url) => new URL(url).pathname)).toHaveLength(2);
  const file = path.join(repoRoot, 'artifacts', 'shell-harness-journey.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ wallMs, wizardActions: actions.wizard, externalActions: actions.external, steps: actions.log }, null, 2)}\n`,
  );
});

test('closing the window ends the app: main stops its services and exits 0', async () => {
  expect(await harness.closeWindow()).toBe(0);
});

test("on first start the desktop app speaks the system's language (app.getPreferredSystemLanguages)", async ({
  browser,
}) => {
  const ukrainian = await startShellHarness(browser, {
    env: { HARNESS_SYSTEM_LANGUAGES: 'uk-UA,en-US' },
  });
  try {
    const w = wordsOf('uk');
    await expect(
      ukrainian.page.getByRole('heading', { level: 2, name: w('steps.welcome.title') }),
    ).toBeVisible();
    await expect(ukrainian.page.locator('html')).toHaveAttribute('lang', 'uk');
  } finally {
    await ukrainian.stop();
  }
});

test('the harness maps only the app scheme to its routed address', () => {
  expect(toChromiumUrl('app://wizard/index.html')).toBe(
    'https://wizard.app-scheme.invalid/index.html',
  );
  expect(toChromiumUrl('https://example.com/')).toBe('https://example.com/');
});
