/**
 * Debian's Chromium as the tests and benchmarks launch it: no browser download, and none of
 * Chromium's own background traffic (this machine's network is closed, so it only fails).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
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
