// `npm test`: lint, typecheck, build, unit + integration (Vitest) and e2e (Playwright), the
// last two inside a private D-Bus session with a real, unlocked gnome-keyring. Ends with one
// line that sums up every test: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const keyring = path.join(root, 'scripts', 'with-keyring.sh');
const started = Date.now();
const failures = [];

function phase(name, command, args) {
  const begin = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - begin) / 1000).toFixed(1);
  process.stdout.write(`== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)\n`);
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

const unitReport = path.join(artifacts, 'unit-results.json');
const e2eReport = path.join(artifacts, 'e2e-results.json');
rmSync(unitReport, { force: true });
rmSync(e2eReport, { force: true });

phase('lint', 'npm', ['run', '--silent', 'lint']);
phase('typecheck', 'npm', ['run', '--silent', 'typecheck']);
const built = phase('build', 'npm', ['run', '--silent', 'build']);
phase('unit and integration tests', 'bash', [
  keyring,
  'npx',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${unitReport}`,
]);
if (built) phase('end-to-end tests', 'bash', [keyring, 'npx', 'playwright', 'test']);
else failures.push('end-to-end tests (not run: the build failed)');

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(unitReport)) {
  const unit = JSON.parse(readFileSync(unitReport, 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + unit.numTodoTests;
}
if (existsSync(e2eReport)) {
  const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\nAll phases took ${minutes} min.\n`);
process.stdout.write(
  `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
);
process.exit(failures.length === 0 && counts.failed === 0 ? 0 : 1);
