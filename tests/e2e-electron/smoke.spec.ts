/**
 * The Electron shell's smoke check. Runs where an Electron runtime is installed; elsewhere it
 * reports itself skipped with the reason (this machine and CI cannot download one).
 */
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { journeySteps } from '../../shared/model';
import { locateElectronRuntime } from '../../electron/shell-electron/locate-runtime';
import { repoRoot } from '../support/wizard-process';

const runtime = locateElectronRuntime();

test('the Electron app opens the wizard, hardened, with every step reachable', async () => {
  test.skip(
    runtime === null,
    'No Electron runtime installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the browser-shell project covers the same UI.',
  );
  const app = await electron.launch({
    executablePath: runtime ?? undefined,
    args: [path.join(repoRoot, 'build', 'electron', 'shell-electron', 'main.js'), '--demo'],
    env: { ...process.env, WIZARD_CONFIG_DIR: path.join(repoRoot, 'artifacts', 'electron-config') },
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
  } finally {
    await app.close();
  }
});
