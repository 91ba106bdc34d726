/**
 * A client ID and a cloud profile baked in by a packager (README "Build the installers") reach
 * the real main entry: the app folder here is laid out as in an installed app
 * (resources/app/package.json with the extra metadata, resources/cloud.json beside it).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startShellHarness } from './harness';

test('a packaged client ID and cloud profile are used by the desktop app', async ({ browser }) => {
  const resources = mkdtempSync(path.join(os.tmpdir(), 'packaged-resources-'));
  const appPath = path.join(resources, 'app');
  mkdirSync(appPath);
  writeFileSync(
    path.join(appPath, 'package.json'),
    JSON.stringify({
      name: 'printer-mail-setup-wizard',
      version: '9.8.7',
      wizardClientId: '0b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      wizardCloudFile: 'cloud.json',
    }),
  );
  writeFileSync(
    path.join(resources, 'cloud.json'),
    JSON.stringify({
      authorityHost: 'https://login.contoso.example',
      smtpHost: 'smtp.contoso.example',
    }),
  );
  const harness = await startShellHarness(browser, {
    args: [],
    appPath,
    // Not practice mode: discovery stays on loopback all the same (tests never leave it).
    env: { WIZARD_DISCOVERY_INTERFACES: '127.0.0.1', WIZARD_CLOUD_FILE: '', WIZARD_CLIENT_ID: '' },
  });
  try {
    const call = (method: string) =>
      harness.page.evaluate(
        (name) =>
          (window as unknown as { wizard: Record<string, (p: object) => Promise<unknown>> }).wizard[
            name
          ]?.({}),
        method,
      );
    expect(await call('getAppInfo')).toMatchObject({
      ok: true,
      value: { version: '9.8.7', shell: 'electron', practice: false },
    });
    expect(await call('getSignInStatus')).toMatchObject({
      ok: true,
      value: {
        cloud: 'custom',
        clientId: { value: '0b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e', source: 'packaged' },
      },
    });
    expect(await call('getExchangeSetup')).toMatchObject({
      ok: true,
      value: { profileId: 'custom', smtpHost: 'smtp.contoso.example' },
    });
  } finally {
    await harness.stop();
  }
});
