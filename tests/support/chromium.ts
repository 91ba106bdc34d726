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
