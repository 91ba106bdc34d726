/**
 * Finds the Electron binary the `electron` npm package installed, without loading the package:
 * since Electron 42 its index.js downloads the binary when it is missing, which on a machine that
 * cannot reach GitHub (ELECTRON_SKIP_BINARY_DOWNLOAD=1) only fails slowly. So read the
 * package's path.txt and look for the binary ourselves; null when there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function locateElectronRuntime(env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return relative !== '' && existsSync(binary) ? binary : null;
}
