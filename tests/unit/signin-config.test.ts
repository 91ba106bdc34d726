import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCloudFile } from '../../electron/services/cloud-profile-file';
import { createClientIdStore } from '../../electron/services/signin/client-id';
import { resolveCloud } from '../../electron/services/signin/cloud';
import { ProblemError } from '../../electron/common/problem-error';
import { cloudProfiles } from '../../shared/cloud-profiles';

const folder = (): string => mkdtempSync(path.join(os.tmpdir(), 'signin-config-'));
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('custom cloud profile file (WIZARD_CLOUD_FILE)', () => {
  test('overrides endpoints and reads the CA next to the file', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'ca.pem'), pem);
    const file = path.join(dir, 'cloud.json');
    writeFileSync(
      file,
      JSON.stringify({
        authorityHost: 'https://login.example.net/',
        graphBaseUrl: 'https://graph.example.net/v1.0',
        smtpHost: 'smtp.example.net',
        smtpPort: 2525,
        caFile: 'ca.pem',
      }),
    );
    const custom = loadCloudFile(file);
    expect(custom.ca).toBe(pem);
    expect(custom.overrides).toEqual({
      authorityHost: 'https://login.example.net',
      graphBaseUrl: 'https://graph.example.net/v1.0',
      smtpHost: 'smtp.example.net',
      smtpPort: 2525,
    });
    const resolved = resolveCloud(
      { practice: null, custom },
      { accountKind: 'work', cloud: 'global' },
    );
    expect(resolved.label).toBe('custom');
    expect(resolved.profile.smtpScope).toBe(cloudProfiles.global.smtpScope);
    expect(resolved.trustedOrigins).toEqual([
      'https://login.example.net',
      'https://graph.example.net',
    ]);
  });

  test('overrides the hosts of the other ways of sending (docs/sending-ways.md)', () => {
    const file = path.join(folder(), 'cloud.json');
    writeFileSync(
      file,
      JSON.stringify({
        mxHost: 'mx.private.example',
        mxPort: 2525,
        mxSuffixes: ['mail.private.example'],
        hveHost: 'hve.private.example',
        hvePort: 5870,
        dnsServers: ['10.0.0.53', '127.0.0.1:5353'],
      }),
    );
    const custom = loadCloudFile(file);
    const resolved = resolveCloud(
      { practice: null, custom },
      { accountKind: 'work', cloud: 'global' },
    );
    expect(resolved.profile).toMatchObject({
      mxHost: 'mx.private.example',
      mxPort: 2525,
      mxSuffixes: ['mail.private.example'],
      hveHost: 'hve.private.example',
      hvePort: 5870,
      dnsServers: ['10.0.0.53', '127.0.0.1:5353'],
    });
  });

  test.each([
    ['{ not json', 'not valid JSON'],
    [null, 'cannot be read (ENOENT)'],
  ])('a file that is %j says so in its own words, never the system message', (text, detail) => {
    const file = path.join(folder(), 'cloud.json');
    if (text !== null) writeFileSync(file, text);
    expect(() => loadCloudFile(file)).toThrow(
      expect.objectContaining({
        problem: { id: 'signin-cloud-file-invalid', data: { file, detail } },
      }),
    );
  });

  test.each([
    [{ authorityHost: 'http://login.example.net' }, 'authorityHost'],
    [{ smtpPort: 70000 }, 'smtpPort'],
    [{ mxHost: 'mx host; rm -rf' }, 'mxHost'],
    [{ dnsServers: ['dns.example.net'] }, 'dnsServers'],
    [{ hvePort: 0 }, 'hvePort'],
    [{ unknown: 1 }, ''],
    [{}, 'file'],
  ])('refuses %j', (content, field) => {
    const file = path.join(folder(), 'cloud.json');
    writeFileSync(file, JSON.stringify(content));
    try {
      loadCloudFile(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problem.id).toBe('signin-cloud-file-invalid');
      expect(String((error as ProblemError).problem.data?.['detail'])).toContain(field);
    }
  });

  test('a CA file that is not a certificate is refused', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'ca.pem'), 'not a certificate');
    const file = path.join(dir, 'cloud.json');
    writeFileSync(file, JSON.stringify({ smtpHost: 'smtp.example.net', caFile: 'ca.pem' }));
    expect(() => loadCloudFile(file)).toThrow(ProblemError);
  });

  test('without a custom file the chosen cloud is used and no CA is trusted', () => {
    const resolved = resolveCloud(
      { practice: null, custom: null },
      { accountKind: 'work', cloud: 'china' },
    );
    expect(resolved.profile.authorityHost).toBe('https://login.partner.microsoftonline.cn');
    expect(resolved.ca).toBeNull();
    expect(
      resolveCloud({ practice: null, custom: null }, { accountKind: 'personal', cloud: 'global' })
        .profile,
    ).toMatchObject({ tenant: 'consumers', smtpHost: 'smtp-mail.outlook.com' });
  });
});

describe('client ID sources', () => {
  const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
  const other = '9b2d4e6f-1a3c-4b5d-8e7f-0a1b2c3d4e5f';

  test('settings, then environment, then packaged; never a built-in default', async () => {
    const store = createClientIdStore({ configDir: folder(), environment: id, packaged: other });
    expect(await store.info()).toEqual({ value: id, source: 'environment', saved: null });
    const none = createClientIdStore({ configDir: folder() });
    expect(await none.info()).toEqual({ value: null, source: null, saved: null });
    const packaged = createClientIdStore({ configDir: folder(), packaged: other });
    expect((await packaged.info()).source).toBe('packaged');
    const saved = await store.save(other.toUpperCase());
    expect(saved).toEqual({ value: other, source: 'settings', saved: other });
    expect((await store.save(null)).source).toBe('environment');
  });

  test('refuses something that is not a GUID, and ignores a bad environment value', async () => {
    const store = createClientIdStore({ configDir: folder(), environment: 'not-a-guid' });
    await expect(store.save('hello')).rejects.toMatchObject({
      problem: { id: 'signin-client-id-invalid' },
    });
    expect((await store.info()).value).toBeNull();
  });
});
