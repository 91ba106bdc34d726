// `npm start`: build what changed (renderer + main process), then hand over to the wizard's
// own CLI with the flags given after `--`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'build', '.built');
const sources = ['shared', 'electron', 'renderer', 'assets', 'package.json', 'vite.config.mts'];

function newestChange(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stats.mtimeMs,
  );
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (sources.some((source) => newestChange(path.join(root, source)) > built)) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('The wizard could not be built; run `npm run build` to see why.\n');
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}
const cli = path.join(root, 'build', 'electron', 'cli.js');
const wizard = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(wizard.status ?? 1);
