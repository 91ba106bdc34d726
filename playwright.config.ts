import { defineConfig } from '@playwright/test';

// E2E runs the real renderer in Debian's Chromium through the browser shell; the Electron
// project runs the same smoke check where an Electron runtime exists and skips otherwise.
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  outputDir: 'artifacts/test-results',
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'artifacts/e2e-results.json' }]],
  projects: [
    {
      name: 'browser-shell',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: {
          executablePath: chromium,
          args: [
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron-shell', testDir: 'tests/e2e-electron' },
  ],
});
