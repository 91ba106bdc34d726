// Makes a fresh machine ready for `npm start` or `npm test`, then gets out of the way:
// Debian packages (as root, via apt-get) and npm packages, each only when missing.
// Usage: node scripts/setup.mjs start|test
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] === 'test' ? 'test' : 'start';

// keytar builds from source against libsecret; the tests also need a browser and a keyring.
const needed = {
  start: ['libsecret-1-dev', 'pkg-config'],
  test: [
    'libsecret-1-dev',
    'pkg-config',
    'gnome-keyring',
    'dbus',
    'chromium',
    'fonts-liberation',
    'fonts-noto-cjk',
  ],
}[purpose];

function say(line) {
  process.stderr.write(`[setup] ${line}\n`);
}

function missingDebianPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return [];
  return needed.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !result.stdout.includes('install ok installed');
  });
}

function installDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    say(
      `please install: ${missing.join(' ')} (needs root: sudo apt-get install ${missing.join(' ')})`,
    );
    return;
  }
  say(`installing ${missing.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

function npmPackagesCurrent() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function installNpmPackages() {
  if (npmPackagesCurrent()) return;
  say('installing npm packages (npm ci)…');
  const run = (env) =>
    spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    if (run(process.env).status !== 0) process.exit(1);
    return;
  }
  // The Electron runtime comes from outside the npm registry; where it cannot be downloaded the
  // wizard still runs in the browser shell.
  if (run(process.env).status === 0) return;
  say('the Electron runtime could not be downloaded: installing without it (browser shell only)…');
  if (run({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).status !== 0) process.exit(1);
}

installDebianPackages();
installNpmPackages();
