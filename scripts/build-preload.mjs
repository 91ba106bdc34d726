// Bundles the Electron preload into one file (build/electron/shell-electron/preload.js, over
// what tsc wrote there). A sandboxed preload can require only `electron`; bundled, it takes the
// method list and channel names from shared/contract.ts instead of keeping its own copy.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'electron', 'shell-electron', 'preload.ts')],
  outfile: path.join(root, 'build', 'electron', 'shell-electron', 'preload.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2023',
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
