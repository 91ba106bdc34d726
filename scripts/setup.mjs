// `npm start`, `npm test` and `npm run bench` run this first, on whatever Node the machine has
// (no dependencies needed). It makes the machine ready, one named and timed phase at a time, each
// doing work only when something is missing: Debian packages (as root, via apt-get), Node 24
// (see node-runtime.mjs) and npm packages (npm ci, run on Node 24 so the engines match and keytar
// builds against Node 24's headers). The task's script then runs itself on that Node 24.
// Usage: node scripts/setup.mjs start|test
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fetchNode, findNode, nodeEnv, root, wantedMajor, wantedVersion } from './node-runtime.mjs';

const task = process.argv[2] === 'test' ? 'test' : 'start';

// keytar builds from source against libsecret; the tests also need a browser and a keyring.
// The tests drive Chromium's headless shell (the same engine without the browser around it: the
// e2e run used 31% less CPU with it); `chromium` stays for what wants the full browser.
const libsecret = ['libsecret-1-dev', 'pkg-config'];
const testing = [
  'gnome-keyring',
  'dbus',
  'chromium',
  'chromium-headless-shell',
  'fonts-liberation',
  'fonts-noto-cjk',
];
const needed = task === 'start' ? libsecret : [...libsecret, ...testing];

function say(line) {
  process.stderr.write(`[setup] ${line}\n`);
}

/** Runs one phase: a line when it starts real work, and one with its outcome and time. */
function phase(name, run) {
  const begin = Date.now();
  const outcome = run((line) => say(`${name}: ${line}`));
  say(`${name}: ${outcome} (${((Date.now() - begin) / 1000).toFixed(1)} s)`);
}

function missingDebianPackages() {
  // One query for all of them (it exits non-zero when some are unknown, and still lists the rest).
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...needed], {
    encoding: 'utf8',
  });
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith('install ok installed'))
      .map((line) => line.split(' ')[0].split(':')[0]),
  );
  return needed.filter((name) => !installed.has(name));
}

function installDebianPackages(tell) {
  if (!existsSync('/usr/bin/dpkg-query')) return 'not a Debian/Ubuntu machine, skipped';
  const missing = missingDebianPackages();
  if (missing.length === 0) return `${needed.length} present`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return `please install: ${missing.join(' ')} (needs root: sudo apt-get install ${missing.join(' ')})`;
  }
  tell(`installing ${missing.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return `installed ${missing.join(' ')}`;
}

let runtime = null;
function provideNode(tell) {
  runtime = findNode();
  if (runtime?.origin === 'machine') return `this machine's Node ${process.versions.node}`;
  if (runtime) {
    return `Node ${wantedVersion} from .cache/node (this machine's Node ${process.versions.node} is not ${wantedMajor})`;
  }
  runtime = fetchNode(tell);
  return `Node ${wantedVersion} from the npm registry, kept in .cache/node/${wantedVersion} (this machine has Node ${process.versions.node})`;
}

function npmPackagesCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function installNpmPackages(tell) {
  if (npmPackagesCurrent()) return 'up to date with package-lock.json';
  tell(`npm ci on Node ${wantedVersion}…`);
  const env = nodeEnv(runtime);
  // The Electron runtime's download (from GitHub, not the npm registry) is tried once, after
  // npm ci, so that where it cannot be reached npm ci need not run twice.
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (ci.status !== 0) {
    say('npm packages: npm ci failed');
    process.exit(1);
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'installed (Electron runtime skipped)';
  const electron = spawnSync('node', [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: path.join(root, 'node_modules', 'electron'),
    stdio: 'ignore',
    env,
  });
  return electron.status === 0
    ? 'installed, with the Electron runtime'
    : 'installed; the Electron runtime could not be downloaded, so the wizard runs in the browser shell';
}

phase('Debian packages', installDebianPackages);
phase(`Node ${wantedMajor}`, provideNode);
phase('npm packages', installNpmPackages);
