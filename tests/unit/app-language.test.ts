/**
 * The language on first start: the OS's preferred languages (Electron passes
 * app.getPreferredSystemLanguages() through app info), else the browser's; the first one the
 * wizard speaks wins, English when none.
 */
import { describe, expect, it } from 'vitest';
import { createAppInfoService } from '../../electron/services/app-info';
import type { SecretStore } from '../../electron/services/keychain';
import { matchLanguage } from '../../shared/model';

/** A keychain in memory: app info probes it, this test is about languages. */
function memoryStore(): SecretStore {
  const items = new Map<string, string>();
  return {
    backend: 'memory',
    get: async (account) => items.get(account) ?? null,
    set: async (account, secret) => void items.set(account, secret),
    delete: async (account) => items.delete(account),
  };
}

const base = {
  name: 'Printer Mail Setup Wizard',
  version: '0.0.0',
  shell: 'electron' as const,
  practice: true,
  secretStore: memoryStore,
};

describe('language on first start', () => {
  it('app info carries the OS preferred languages when the shell gives them', async () => {
    const info = await createAppInfoService({
      ...base,
      preferredLanguages: () => ['uk-UA', 'en-US'],
    }).getAppInfo();
    expect(info.preferredLanguages).toEqual(['uk-UA', 'en-US']);
    expect(matchLanguage(info.preferredLanguages ?? [])).toBe('uk');
  });

  it('the browser shell leaves them out (the page reads navigator.languages)', async () => {
    const info = await createAppInfoService({ ...base, shell: 'browser' }).getAppInfo();
    expect(info).not.toHaveProperty('preferredLanguages');
  });

  it.each([
    [['zh-Hant-TW'], 'zh-TW'],
    [['zh-HK'], 'zh-TW'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['ms-MY'], 'ms'],
    [['ca-ES', 'es-ES'], 'ca'],
    [['de-DE', 'uk'], 'uk'],
    [['de-DE', 'fr-FR'], 'en'],
    [['en_GB'], 'en'],
  ] as const)('%j starts in %s', (preferred, language) => {
    expect(matchLanguage(preferred)).toBe(language);
  });
});
