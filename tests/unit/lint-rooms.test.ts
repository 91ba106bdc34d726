/**
 * The lint rules that hold the rooms inside electron/ (eslint.config.mjs, electron/README.md) fail
 * on a deliberate violation, and pass the same file with an allowed import: run through
 * ESLint's own API on small in-memory fixtures placed where the rule applies.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test, vi } from 'vitest';
import { repoRoot } from '../support/wizard-process';

// Loading ESLint's configuration and plugins takes the first test 3-4 s alone; beside the e2e in
// a full run it took up to 16 s of the default 20.
vi.setConfig({ testTimeout: 60_000 });

const eslint = new ESLint({ cwd: repoRoot });

async function roomErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const importing = (specifier: string): string =>
  `import { thing } from '${specifier}';\nexport const used = thing;\n`;

describe('rooms inside electron/', () => {
  const violations: [string, string, string][] = [
    ['a service', 'electron/services/fixture.ts', '../simulator/practice-world'],
    ['a service', 'electron/services/signin/fixture.ts', '../../handlers/table'],
    ['a service', 'electron/services/fixture.ts', '../host'],
    ['a service', 'electron/services/fixture.ts', '../shell-browser/server'],
    ['a service', 'electron/services/fixture.ts', '../shell-electron/main'],
    ['a service', 'electron/services/fixture.ts', '../startup/options'],
    ['the practice world', 'electron/simulator/fixture.ts', '../handlers/table'],
    ['the practice world', 'electron/simulator/fixture.ts', '../host'],
    ['a handler', 'electron/handlers/fixture.ts', '../shell-browser/server'],
    ['a handler', 'electron/handlers/fixture.ts', '../host'],
    ['common/', 'electron/common/fixture.ts', '../services/keychain'],
    ['any main-process file', 'electron/services/fixture.ts', 'electron'],
    // The practice world behind one seam: only electron/host.ts composes it.
    ['a handler', 'electron/handlers/fixture.ts', '../simulator/practice-printers'],
    ['common/', 'electron/common/fixture.ts', '../simulator/practice-world'],
    ['the browser shell', 'electron/shell-browser/fixture.ts', '../simulator/practice-world'],
    ['the Electron shell', 'electron/shell-electron/fixture.ts', '../simulator/practice-world'],
    ['start-up', 'electron/startup/fixture.ts', '../simulator/practice-exchange'],
    ['the CLI', 'electron/cli.ts', './simulator/practice-world'],
  ];
  test.each(violations)('%s (%s) may not import %s', async (_room, file, specifier) => {
    expect(await roomErrors(file, importing(specifier))).toHaveLength(1);
  });

  const allowed: [string, string][] = [
    ['electron/services/fixture.ts', '../common/problem-error'],
    ['electron/services/fixture.ts', '../../shared/problem'],
    ['electron/simulator/fixture.ts', '../services/net/bounded-https'],
    ['electron/handlers/fixture.ts', '../services/signin/signin-service'],
    ['electron/common/fixture.ts', '../../shared/problem'],
    ['electron/host.ts', './simulator/practice-world'],
    ['electron/simulator/fixture.ts', './practice-world'],
  ];
  test.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await roomErrors(file, importing(specifier))).toEqual([]);
  });
});

describe('named parts', () => {
  /** A factory whose closure has `lines` statements (one line each). */
  const factory = (lines: number): string =>
    `export function createThing(): number {\n  let total = 0;\n${'  total += 1;\n'.repeat(lines)}  return total;\n}\n`;
  const tooLong = async (filePath: string, code: string): Promise<number> => {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'max-lines-per-function')
      .length;
  };
  test.each(['electron/services/fixture.ts', 'electron/simulator/fixture.ts', 'shared/fixture.ts'])(
    'a factory of 203 lines in %s fails, one of 193 passes',
    async (file) => {
      expect(await tooLong(file, factory(200))).toBe(1);
      expect(await tooLong(file, factory(190))).toBe(0);
    },
  );
});
