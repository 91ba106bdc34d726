import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedSettings } from '../../electron/shell-electron/packaged-settings';

const resources = path.resolve('/opt/Wizard/resources');

describe('what a packager baked in', () => {
  it('reads the client ID and the cloud file beside the app', () => {
    const manifest = JSON.stringify({
      version: '1.0.0',
      wizardClientId: ' 11111111-2222-3333-4444-555555555555 ',
      wizardCloudFile: 'cloud.json',
    });
    expect(packagedSettings(manifest, resources, { PATH: '/bin' })).toEqual({
      packagedClientId: '11111111-2222-3333-4444-555555555555',
      env: { PATH: '/bin', WIZARD_CLOUD_FILE: path.join(resources, 'cloud.json') },
    });
  });

  it('WIZARD_CLOUD_FILE in the environment wins over the baked-in file', () => {
    const env = { WIZARD_CLOUD_FILE: '/etc/wizard/cloud.json' };
    const manifest = JSON.stringify({ wizardCloudFile: 'cloud.json' });
    expect(packagedSettings(manifest, resources, env).env).toBe(env);
  });

  it.each([null, '', 'not json', '[]', '{"wizardClientId": 42, "wizardCloudFile": " "}'])(
    'bakes nothing in from %j',
    (manifest) => {
      const env = { HOME: '/home/x' };
      expect(packagedSettings(manifest, resources, env)).toEqual({ env });
    },
  );
});
