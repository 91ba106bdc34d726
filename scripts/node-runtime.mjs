// Node 24, the major Electron 45 bundles, for every script: this machine's node when it is
// already that major, otherwise the official build of the version in .node-version, taken from
// the npm registry's node-<platform>-<arch> package (bin/node plus include/node, the headers
// node-gyp builds keytar against) and kept in .cache/node/<version> (git-ignored), so only the
// first run downloads it. Nothing comes from anywhere but the npm registry.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const wantedVersion = readFileSync(path.join(root, '.node-version'), 'utf8').trim();
export const wantedMajor = Number(wantedVersion.split('.')[0]);
const cacheDir = path.join(root, '.cache', 'node');
const cachedDir = path.join(cacheDir, wantedVersion);
const cachedNode = path.join(cachedDir, 'bin', 'node');

const registryPackage = { linux: 'linux', darwin: 'darwin' }[process.platform];

/** The major of the Node running this script. */
export function currentMajor() {
  return Number(process.versions.node.split('.')[0]);
}

/** Headers next to a Node binary (official builds keep them in <prefix>/include/node). */
function headersBeside(execPath) {
  const prefix = path.resolve(path.dirname(execPath), '..');
  return existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? prefix : null;
}

/**
 * The Node to run everything on, without downloading: { execPath, nodedir, origin } or null.
 * origin: 'machine' (this machine's node is the right major) or 'cache' (.cache/node).
 */
export function findNode() {
  if (currentMajor() === wantedMajor) {
    return {
      execPath: process.execPath,
      nodedir: headersBeside(process.execPath),
      origin: 'machine',
    };
  }
  if (existsSync(cachedNode)) return { execPath: cachedNode, nodedir: cachedDir, origin: 'cache' };
  return null;
}

/** Downloads node-<platform>-<arch>@<version> with npm (so through its cache) and unpacks it. */
export function fetchNode(say) {
  if (!registryPackage) {
    throw new Error(
      `no Node ${wantedMajor} package for ${process.platform} on the npm registry: please install Node ${wantedVersion} and run this again`,
    );
  }
  const spec = `node-${registryPackage}-${process.arch}@${wantedVersion}`;
  say(`downloading ${spec} from the npm registry…`);
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(path.join(cacheDir, '.download-'));
  try {
    const pack = spawnSync('npm', ['pack', spec, '--pack-destination', scratch, '--json'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (pack.status !== 0) throw new Error(`npm pack ${spec} failed`);
    const [{ filename }] = JSON.parse(pack.stdout);
    const unpacked = path.join(scratch, 'node');
    mkdirSync(unpacked);
    const tar = spawnSync(
      'tar',
      ['-xzf', path.join(scratch, filename), '-C', unpacked, '--strip-components=1'],
      { stdio: 'inherit' },
    );
    if (tar.status !== 0 || !existsSync(path.join(unpacked, 'bin', 'node'))) {
      throw new Error(`${filename} could not be unpacked`);
    }
    // Moved into place only when complete, so an interrupted download is never taken for Node.
    rmSync(cachedDir, { recursive: true, force: true });
    renameSync(unpacked, cachedDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { execPath: cachedNode, nodedir: cachedDir, origin: 'download' };
}

/** The environment that makes `node`, `npm`, `npx` and node-gyp use the given Node. */
export function nodeEnv(runtime, env = process.env) {
  const next = { ...env, PATH: `${path.dirname(runtime.execPath)}${path.delimiter}${env.PATH}` };
  // node-gyp takes the headers from here instead of downloading them (nodejs.org is not needed).
  if (runtime.nodedir) next.npm_config_nodedir = runtime.nodedir;
  return next;
}

/** The environment for children of a script already running on Node 24 (this same Node first). */
export function ownNodeEnv(env = process.env) {
  return nodeEnv({ execPath: process.execPath, nodedir: headersBeside(process.execPath) }, env);
}

/**
 * For scripts that may be started directly with another Node (`node scripts/test.mjs`): when
 * this is not Node 24, run the same script again on Node 24 and exit with its status.
 */
export function reRunOnWantedNode(script) {
  if (currentMajor() === wantedMajor) return;
  const runtime =
    findNode() ?? fetchNode((line) => process.stderr.write(`[node ${wantedMajor}] ${line}\n`));
  process.stderr.write(
    `[node ${wantedMajor}] this is Node ${process.versions.node}: running ${path.relative(root, script)} on Node ${wantedVersion} (${path.relative(root, runtime.execPath)})\n`,
  );
  const result = spawnSync(runtime.execPath, [script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: nodeEnv(runtime),
  });
  process.exit(result.status ?? 1);
}
