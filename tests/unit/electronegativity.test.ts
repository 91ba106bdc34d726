/**
 * @doyensec/electronegativity over the Electron shell as built: main and its policies
 * (build/electron/shell-electron/), the bundled preload and the renderer's index.html. No high or medium
 * finding may remain; the one in-code suppression is beside its reason in main.ts.
 * Needs `npm run build` first (npm test builds before it runs the tests).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Electronegativity parses the built shell in one test: beside the e2e in a full run it took
// 13 s of the default 20.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(__dirname, '..', '..');
const tool = createRequire(require.resolve('@doyensec/electronegativity/package.json'));

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
}
type Run = (options: Record<string, unknown>) => Promise<{ errors: unknown[]; issues: Issue[] }>;

/**
 * The tool fetches translations and Electron's release list from the internet; tests send
 * nothing beyond loopback, so its HTTP client fails at once (it then uses its own English).
 */
function offlineRunner(): Run {
  const gotPath = tool.resolve('got');
  const refuse = async (): Promise<never> => {
    throw new Error('no network in tests');
  };
  tool.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(refuse, { head: refuse, get: refuse }),
  } as unknown as NodeJS.Module;
  return tool('./dist/runner.js') as Run;
}

const input = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
afterAll(() => rmSync(input, { recursive: true, force: true }));

describe('Electronegativity', () => {
  it('finds no high or medium issue in the built shell', async () => {
    const built = path.join(root, 'build', 'electron', 'shell-electron', 'main.js');
    expect(existsSync(built), 'run npm run build first').toBe(true);
    // The shell: the only code that touches Electron (services never import it; lint holds that).
    cpSync(path.join(root, 'build', 'electron', 'shell-electron'), path.join(input, 'shell'), {
      recursive: true,
    });
    cpSync(path.join(root, 'build', 'renderer', 'index.html'), path.join(input, 'index.html'));
    cpSync(path.join(root, 'package.json'), path.join(input, 'package.json'));
    const result = await offlineRunner()({
      input,
      isRelative: true,
      // Needs the network (Electron's release list from GitHub). A supported Electron major is
      // checked by tests/unit/security-checklist.test.ts, item 16, instead.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    expect(result.errors).toEqual([]);
    const serious = result.issues
      .filter((issue) => ['HIGH', 'MEDIUM'].includes(issue.severity.name))
      .map((issue) => `${issue.id} ${issue.file}:${issue.location.line}`);
    expect(serious).toEqual([]);
  });
});
