// `npm run bench`: builds, runs every tests/bench/*.bench.ts (each prints one JSON object as
// its last line of output) inside a private keyring session, and writes the figures to
// artifacts/bench.json. Measures only; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reRunOnWantedNode } from './node-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The figures are for Node 24, the Node the app runs on.
reRunOnWantedNode(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benchDir = path.join(root, 'tests', 'bench');
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)));

if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
};
let failed = false;
for (const file of files) {
  const name = file.replace('.bench.ts', '');
  process.stderr.write(`[bench] ${name}…\n`);
  const run = spawnSync(
    'bash',
    [
      path.join(root, 'scripts', 'with-keyring.sh'),
      process.execPath,
      '--import',
      'tsx',
      path.join(benchDir, file),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    results[name] = JSON.parse(last);
  } catch {
    failed = true;
    results[name] = { error: `exit ${run.status}; no JSON result` };
  }
}
mkdirSync(path.join(root, 'artifacts'), { recursive: true });
const out = path.join(root, 'artifacts', 'bench.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify(results, null, 2)}\nwritten to ${path.relative(root, out)}\n`,
);
process.exit(failed ? 1 : 0);
