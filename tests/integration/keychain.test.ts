/**
 * The app-info service's keychain check against a real keychain: gnome-keyring unlocked in a
 * private D-Bus session (scripts/with-keyring.sh runs the test suites inside one), and a run
 * with no keychain service at all.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppInfoService } from '../../electron/services/app-info';
import {
  createKeytarStore,
  keychainServiceName,
  probeKeychain,
} from '../../electron/services/keychain';

const probeScript = path.join(__dirname, 'support', 'probe-keychain.ts');
const hasSessionBus = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);

function probeIn(env: NodeJS.ProcessEnv): unknown {
  const output = execFileSync(process.execPath, ['--import', 'tsx', probeScript], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return JSON.parse(output);
}

describe('keychain check', () => {
  it.runIf(hasSessionBus)('sets, reads and deletes a probe item in the real keychain', async () => {
    const store = createKeytarStore({ service: `${keychainServiceName} (test)` });
    await store.set('integration', 'value-1');
    expect(await store.get('integration')).toBe('value-1');
    expect(await store.delete('integration')).toBe(true);
    expect(await store.get('integration')).toBeNull();

    const probed: string[] = [];
    const recording: typeof store = {
      ...store,
      set: (account, secret) => {
        probed.push(account);
        return store.set(account, secret);
      },
    };
    const info = createAppInfoService({
      name: 'test',
      version: '0.0.0',
      shell: 'browser',
      practice: false,
      secretStore: () => recording,
    });
    expect((await info.getAppInfo()).keychain).toEqual({ state: 'available', backend: 'keytar' });
    // The probe leaves nothing behind.
    expect(probed).toHaveLength(1);
    expect(await store.get(probed[0] ?? '')).toBeNull();
  });

  it('two probes at once each read back their own item (two wizards starting together)', async () => {
    const items = new Map<string, string>();
    const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    const shared = {
      backend: 'memory (test)',
      get: async (account: string) => (await later(), items.get(account) ?? null),
      set: async (account: string, secret: string) =>
        void (await later(), items.set(account, secret)),
      delete: async (account: string) => (await later(), items.delete(account)),
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => probeKeychain(shared)));
    expect(results.every((status) => status.state === 'available')).toBe(true);
    expect(items.size).toBe(0);
  });

  it('says plainly that there is no keychain when no keychain service runs', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    };
    const status = probeIn(env) as { state: string; reason: string; detail: string };
    expect(status.state).toBe('unavailable');
    expect(status.reason).toBe('no-service');
    expect(status.detail.length).toBeGreaterThan(0);
  });
});
