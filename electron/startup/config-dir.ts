import os from 'node:os';
import path from 'node:path';

/** Where progress is kept outside Electron: WIZARD_CONFIG_DIR, else the OS's config folder. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['WIZARD_CONFIG_DIR']) return env['WIZARD_CONFIG_DIR'];
  const folder = 'printer-mail-setup-wizard';
  if (process.platform === 'win32') {
    return path.join(env['APPDATA'] ?? path.join(os.homedir(), 'AppData', 'Roaming'), folder);
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', folder);
  }
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config'), folder);
}
