import { defineConfig } from '@playwright/test';
import { e2eChromiumLaunchOptions } from './tests/support/chromium';

// E2E runs the real renderer in Debian's Chromium through the browser shell; the shell harness
// runs the Electron shell's compiled main and preload under a stand-in for Electron with the
// same renderer; the Electron project runs where an Electron runtime exists and skips otherwise.

export default defineConfig({
  outputDir: 'artifacts/test-results',
  // One and a half workers per core: a test mostly waits (for a sign-in's poll, a check's
  // answer, a watch), using about a third of a core, so two cores keep three busy.
  workers: '150%',
  // Tests, not whole files, are shared out, so neither worker idles at the end behind a long
  // file; files whose tests build on each other say `mode: 'serial'` and stay together.
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'artifacts/e2e-results.json' }]],
  projects: [
    {
      // First: Playwright hands out work in the projects' order, and a project's tests need
      // workers of their own; listed last, these ran alone at the end of the run.
      // The Electron shell's real main entry and preload under a stand-in for Electron
      // (tests/shell-harness/harness.ts), showing its window in Debian's Chromium.
      name: 'electron-shell-harness',
      testDir: 'tests/shell-harness',
      use: { browserName: 'chromium', launchOptions: e2eChromiumLaunchOptions },
    },
    {
      name: 'browser-shell',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: e2eChromiumLaunchOptions,
      },
    },
    { name: 'electron-shell', testDir: 'tests/e2e-electron' },
  ],
});
