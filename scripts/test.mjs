// `npm test`: lint, typecheck, build, unit + integration (Vitest) and e2e (Playwright), the
// last two inside a private D-Bus session with a real, unlocked gnome-keyring. Ends with one
// line that sums up every test: "tests: N passed, N failed, N skipped".
// Runs on Node 24 (started with another Node, it runs itself again on Node 24, see
// node-runtime.mjs). Lint and typecheck run beside the rest at a lower CPU priority, and the
// mDNS suite beside the build, each printing its output in one piece when it ends; then the rest
// of Vitest beside Playwright. Every phase ends with a line with its time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ownNodeEnv, reRunOnWantedNode, root } from './node-runtime.mjs';

reRunOnWantedNode(path.join(root, 'scripts', 'test.mjs'));

const env = ownNodeEnv();
const artifacts = path.join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const keyring = path.join(root, 'scripts', 'with-keyring.sh');
const started = Date.now();
const failures = [];
const times = [];

/**
 * Runs one phase. Alone, its output streams as it comes; side by side with others, it is held
 * and printed in one piece when the phase ends, so phases never interleave.
 */
function phase(command, args, { name, alongside = false }) {
  const begin = Date.now();
  process.stdout.write(`\n== ${name}${alongside ? ' (started alongside others)' : ''}\n`);
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: alongside ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  const held = [];
  child.stdout?.on('data', (chunk) => held.push(chunk));
  child.stderr?.on('data', (chunk) => held.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = ((Date.now() - begin) / 1000).toFixed(1);
      if (alongside) process.stdout.write(`\n== ${name} (output)\n${Buffer.concat(held)}`);
      process.stdout.write(`== ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds} s)\n`);
      times.push(`${name} ${seconds} s`);
      if (code !== 0) failures.push(name);
      resolve(code === 0);
    });
  });
}

const unitReport = path.join(artifacts, 'unit-results.json');
const mdnsReport = path.join(artifacts, 'unit-mdns-results.json');
const e2eReport = path.join(artifacts, 'e2e-results.json');
for (const report of [unitReport, mdnsReport, e2eReport]) rmSync(report, { force: true });

const npmRun = (script) => ['run', '--silent', script];
// Where `nice` exists, lint and typecheck yield the CPU to what the run waits on (the build and
// the tests, which have time limits); they still finish well within the tests' time.
const niced = (command, args) =>
  existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', '10', command, ...args]] : [command, args];

// The typecheck of `npm run typecheck` but for the main process's project: the build compiles
// that one with the same tsconfig (`tsc -p electron/tsconfig.json`), and a type error there fails
// the build, so checking it twice cost 9 CPU-seconds for nothing.
const typecheckBesideTheBuild = ['shared', 'renderer', 'tests']
  .map((project) => `node_modules/.bin/tsc -p ${project}/tsconfig.json --noEmit`)
  .join(' && ');
const checks = [
  phase(...niced('npm', npmRun('lint')), { alongside: true, name: 'lint' }),
  phase(...niced('bash', ['-c', typecheckBesideTheBuild]), {
    alongside: true,
    name: 'typecheck (the main process: by the build)',
  }),
];
// The mDNS suite publishes and withdraws printers on loopback mDNS and times what it sees; beside
// another Vitest worker's practice world on 5353 its goodbye test failed in 3 runs of 3 (alone,
// under heavy load, 1 of 4). So it runs alone, beside the build (which needs no network).
const mdnsSuite = 'tests/integration/discovery-mdns.test.ts';
const vitest = (report, ...args) => [
  keyring,
  'npx',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...args,
];
const [built] = await Promise.all([
  phase('npm', npmRun('build'), { name: 'build' }),
  phase('bash', vitest(mdnsReport, mdnsSuite), { alongside: true, name: 'mDNS tests' }),
]);
// The rest of Vitest beside Playwright, both needing the build. Vitest's suites mostly wait
// (sign-in intervals, time limits, servers that do not answer): measured alone here, they kept
// 36% of two cores busy (90 CPU-seconds in 124 s), so beside the e2e they cost it little and
// save their whole wall time. Each keyring script starts its own private D-Bus and keyring.
if (built) {
  await Promise.all([
    phase('bash', vitest(unitReport, '--exclude', mdnsSuite), {
      alongside: true,
      name: 'unit and integration tests',
    }),
    phase('bash', [keyring, 'npx', 'playwright', 'test'], { name: 'end-to-end tests' }),
  ]);
} else {
  failures.push('unit and integration tests (not run: the build failed)');
  failures.push('end-to-end tests (not run: the build failed)');
}
await Promise.all(checks);

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const report of [mdnsReport, unitReport].filter((file) => existsSync(file))) {
  const unitResults = JSON.parse(readFileSync(report, 'utf8'));
  counts.passed += unitResults.numPassedTests;
  counts.failed += unitResults.numFailedTests;
  counts.skipped += unitResults.numPendingTests + unitResults.numTodoTests;
}
if (existsSync(e2eReport)) {
  const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\nPhases: ${times.join(', ')}\n`);
process.stdout.write(`All phases took ${minutes} min on Node ${process.versions.node}.\n`);
process.stdout.write(
  `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
);
process.exit(failures.length === 0 && counts.failed === 0 ? 0 : 1);
