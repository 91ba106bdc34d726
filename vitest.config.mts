import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node. Electron is never imported here (no runtime).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Forks, not threads: keytar's libsecret (GLib) breaks when loaded in two threads of one process.
    pool: 'forks',
    // Most files wait (servers, timers, polling) rather than compute: two at a time keep two
    // cores busy where Vitest's default on two cores (one) leaves one idle. More starve the
    // files that do compute (ESLint, Electronegativity, fuzzing) of their time limits.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
