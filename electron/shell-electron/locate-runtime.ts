/**
 * Finds the Electron binary the `electron` npm package installed. In plain Node the package
 * exports the binary's path, and throws when the binary was never downloaded (as on machines
 * where ELECTRON_SKIP_BINARY_DOWNLOAD=1 was needed).
 */
import { existsSync } from 'node:fs';

export function locateElectronRuntime(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
