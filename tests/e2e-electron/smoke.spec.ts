/**
 * The Electron shell's smoke check. Runs where an Electron runtime is installed; elsewhere it
 * reports itself skipped with the reason (this machine and CI cannot download one).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { journeySteps } from '../../shared/model';
import { locateElectronRuntime } from '../../electron/shell-electron/locate-runtime';
import { repoRoot } from '../support/wizard-process';

const runtime = locateElectronRuntime();

test('the Electron app opens the wizard, hardened, answers over IPC and shows a practice printer', async () => {
  test.skip(
    runtime === null,
    'No Electron runtime installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the electron-shell-harness project runs the same main and preload under a stand-in for Electron.',
  );
  const app = await electron.launch({
    executablePath: runtime ?? undefined,
    args: [path.join(repoRoot, 'build', 'electron', 'shell-electron', 'main.js'), '--demo'],
    env: {
      ...process.env,
      WIZARD_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'electron-config-')),
    },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('Printer Mail Setup Wizard');
    const exposesNode = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require,
    );
    expect(exposesNode).toBe('undefined');
    const verbs = await window.evaluate(() =>
      Object.keys((window as unknown as { wizard: object }).wizard).sort(),
    );
    expect(verbs).toContain('getAppInfo');
    const rail = window.getByRole('navigation').getByRole('button');
    await expect(rail).toHaveCount(journeySteps.length);
    for (let index = 0; index < journeySteps.length; index += 1) {
      await rail.nth(index).click();
      await expect(rail.nth(index)).toHaveAttribute('aria-current', 'step');
    }
    // Sandboxed and isolated: the page sees neither Node's process nor Electron's ipcRenderer.
    const pageGlobals = await window.evaluate(() => [typeof process, typeof require]);
    expect(pageGlobals).toEqual(['undefined', 'undefined']);
    const opened = await window.evaluate(() => globalThis.open('https://example.com') === null);
    expect(opened).toBe(true);

    // IPC end to end: a verb of the preload answers through main's handler (the sender check
    // accepts the app's own main frame) …
    const info = await window.evaluate(() =>
      (
        window as unknown as { wizard: { getAppInfo(p: object): Promise<unknown> } }
      ).wizard.getAppInfo({}),
    );
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', practice: true } });
    // … and events come back: the practice printers found by mDNS appear in Find the printer.
    await rail.nth(journeySteps.indexOf('find-printer')).click();
    await expect(
      window.getByRole('heading', { level: 3, name: 'EPSON ET-2850 Series' }),
    ).toBeVisible({ timeout: 20_000 });
  } finally {
    await app.close();
  }
});
