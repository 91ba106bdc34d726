/**
 * The whole practice journey (tests/e2e/journey.spec.ts): runs the spec in the browser shell
 * and reports, per language, the user's actions on the wizard's own screens (goal: 15 or
 * fewer), the actions on the practice Microsoft and Web Config pages, and the wall time from
 * the first screen to the saved report, without the replies the spec holds back on purpose (a
 * slow keychain; reported beside it). The spec writes them; this only runs it and reads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const languages = ['en', 'zh-TW'];
const file = (language: string) => path.join(root, 'artifacts', `journey-${language}.json`);

for (const language of languages) rmSync(file(language), { force: true });
const run = spawnSync(
  'npx',
  ['playwright', 'test', '--project=browser-shell', '--reporter=line', 'tests/e2e/journey.spec.ts'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
process.stderr.write(run.stdout);

const result: Record<string, unknown> = { specPassed: run.status === 0, goalWizardActions: 15 };
for (const language of languages) {
  try {
    const figures = JSON.parse(readFileSync(file(language), 'utf8')) as Record<string, unknown>;
    result[language] = {
      wizardActions: figures['wizardActions'],
      practicePageActions: figures['practicePageActions'],
      wallSeconds: figures['wallSeconds'],
      injectedDelaySeconds: figures['injectedDelaySeconds'],
    };
  } catch {
    result[language] = { error: 'the journey did not finish' };
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
