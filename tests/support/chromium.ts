import { existsSync } from 'node:fs';

/**
 * Debian's Chromium as the tests and benchmarks launch it: no browser download, and none of
 * Chromium's own background traffic (this machine's network is closed, so it only fails).
 * Headless, its headless shell (package chromium-headless-shell, which `npm test` installs):
 * the same Blink and V8 without the browser's own UI and compositor, the e2e specs took 31%
 * less CPU with it (exchange.spec: 40 against 59 CPU-seconds). Where only the full browser is
 * installed, that one; CHROMIUM_PATH overrides both.
 */
const headlessShell = '/usr/lib/chromium/chromium-headless-shell';

export const chromiumLaunchOptions = {
  executablePath:
    process.env['CHROMIUM_PATH'] ??
    (existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium'),
  args: [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

/**
 * The e2e suite's Chromium: the same, with one renderer process per site. Every page a test
 * opens (the wizard, the practice Microsoft and printer pages) is on 127.0.0.1, one site, so a
 * test's second and later tabs open in its warm renderer process instead of a cold one each (a
 * new tab to the wizard beside one already open: 0.88–0.96 against 1.31 CPU-seconds, measured
 * here; the whole e2e suite: 712–716 against 775–814 CPU-seconds). The benchmarks keep the
 * default process model, which is what a user's browser has.
 */
export const e2eChromiumLaunchOptions = {
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--process-per-site'],
};
