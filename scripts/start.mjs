// `npm start`: build what changed (renderer + main process), then hand over to the wizard's
// own CLI with the flags given after `--`. Runs on Node 24 (started with another Node, it runs
// itself again on Node 24, see node-runtime.mjs); each phase prints a line with its time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ownNodeEnv, reRunOnWantedNode, root } from './node-runtime.mjs';

reRunOnWantedNode(path.join(root, 'scripts', 'start.mjs'));

const env = ownNodeEnv();
const stamp = path.join(root, 'build', '.built');
const sources = ['shared', 'electron', 'renderer', 'assets', 'package.json', 'vite.config.mts'];

function say(line) {
  process.stderr.write(`[start] ${line}\n`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function newestChange(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stats.mtimeMs,
  );
}

/** Runs `npm run <script>` quietly (errors still show); resolves with its success. */
function npmRun(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

const buildBegan = Date.now();
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (sources.some((source) => newestChange(path.join(root, source)) > built)) {
  say('build: building the renderer and the main process…');
  // The two halves of `npm run build` share nothing, so they build side by side.
  const results = await Promise.all([npmRun('build:renderer'), npmRun('build:electron')]);
  if (results.includes(false)) {
    process.stderr.write('The wizard could not be built; run `npm run build` to see why.\n');
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
  say(`build: done (${seconds(buildBegan)})`);
} else {
  say(`build: up to date (${seconds(buildBegan)})`);
}

const startBegan = Date.now();
say(`start: starting the wizard on Node ${process.versions.node}…`);
const cli = path.join(root, 'build', 'electron', 'cli.js');
const wizard = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
  env,
});
// The wizard's own output passes through; its ready line also closes the start phase.
createInterface({ input: wizard.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
  if (line.startsWith('Wizard ready')) {
    say(`start: ready (${seconds(startBegan)})`);
  }
});
// Ctrl-C reaches the wizard too (same process group); this script only waits for it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => wizard.kill('SIGTERM'));
wizard.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
