/**
 * What a packager baked into the desktop app (README "Build the installers"):
 * - `wizardClientId` in the packaged package.json (`-c.extraMetadata.wizardClientId=<id>`);
 * - `wizardCloudFile`, a custom cloud profile file shipped beside the app
 *   (`-c.extraResources=cloud.json -c.extraMetadata.wizardCloudFile=cloud.json`), relative to
 *   the app's resources folder. WIZARD_CLOUD_FILE in the environment still wins.
 * Pure, so it is unit tested without Electron.
 */
import path from 'node:path';

export interface PackagedSettings {
  packagedClientId?: string;
  env: NodeJS.ProcessEnv;
}

export function packagedSettings(
  manifestText: string | null,
  resourcesDir: string,
  env: NodeJS.ProcessEnv,
): PackagedSettings {
  let manifest: { wizardClientId?: unknown; wizardCloudFile?: unknown } = {};
  try {
    const parsed: unknown = manifestText === null ? {} : JSON.parse(manifestText);
    if (parsed && typeof parsed === 'object') manifest = parsed;
  } catch {
    // An unreadable manifest bakes nothing in.
  }
  const settings: PackagedSettings = { env };
  if (typeof manifest.wizardClientId === 'string' && manifest.wizardClientId.trim() !== '') {
    settings.packagedClientId = manifest.wizardClientId.trim();
  }
  const cloudFile = manifest.wizardCloudFile;
  if (!env['WIZARD_CLOUD_FILE'] && typeof cloudFile === 'string' && cloudFile.trim() !== '') {
    settings.env = { ...env, WIZARD_CLOUD_FILE: path.resolve(resourcesDir, cloudFile.trim()) };
  }
  return settings;
}
