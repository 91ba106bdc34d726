// `npm start`: build (renderer + main process), then hand over to the wizard's own CLI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--help') || args.includes('-h');

const build = spawnSync('npm', ['run', '--silent', 'build'], {
  cwd: root,
  stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  process.stderr.write('The wizard could not be built; run `npm run build` to see why.\n');
  process.exit(1);
}
const wizard = spawnSync(
  process.execPath,
  [path.join(root, 'build', 'electron', 'cli.js'), ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(wizard.status ?? 1);
