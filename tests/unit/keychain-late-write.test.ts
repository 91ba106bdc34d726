/**
 * Finding 5 of issue 11: a sign-in "kept only until you close the wizard" must never end up in
 * the keychain. A write that answers after the time-out is undone when it lands, and "Sign out
 * and forget" always tries the delete, in memory mode too.
 */
import { describe, expect, it } from 'vitest';
import {
  createKeytarStore,
  KeychainError,
  type KeytarModule,
  type SecretStore,
} from '../../electron/services/keychain';
import { createKeychainCache } from '../../electron/services/signin/keychain-cache';

const service = 'Printer Mail Setup Wizard test';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A keytar stand-in over a Map whose writes land only after `writeDelayMs`. */
function slowKeytar(writeDelayMs: number) {
  const items = new Map<string, string>();
  const module: KeytarModule = {
    getPassword: async (_service, account) => items.get(account) ?? null,
    async setPassword(_service, account, password) {
      await pause(writeDelayMs);
      items.set(account, password);
    },
    deletePassword: async (_service, account) => items.delete(account),
  };
  return { items, module };
}

describe('a keychain that answers late (finding 5)', () => {
  it('deletes a write that lands after the time-out, leaving the sign-in in memory only', async () => {
    const keytar = slowKeytar(150);
    const store = createKeytarStore({ service, timeoutMs: 30, keytar: keytar.module });
    const cache = createKeychainCache(() => store, 'tokens');
    await cache.replace('{"RefreshToken":{"secret":"refresh-secret"}}');
    expect(cache.storage()).toMatchObject({ kind: 'memory', reason: 'timed-out' });
    await pause(300);
    expect(keytar.items.has('tokens')).toBe(false);
  });

  it('keeps a write that answers in time', async () => {
    const keytar = slowKeytar(5);
    const store = createKeytarStore({ service, timeoutMs: 500, keytar: keytar.module });
    const cache = createKeychainCache(() => store, 'tokens');
    await cache.replace('cache');
    expect(cache.storage()).toEqual({ kind: 'keychain' });
    expect(keytar.items.get('tokens')).toBe('cache');
  });

  it('a forget asked while the late write is still pending wins over it', async () => {
    const keytar = slowKeytar(150);
    const store = createKeytarStore({ service, timeoutMs: 30, keytar: keytar.module });
    const cache = createKeychainCache(() => store, 'tokens');
    await cache.replace('cache');
    await cache.forget();
    await pause(300);
    expect(keytar.items.has('tokens')).toBe(false);
  });

  it('"Sign out and forget" deletes the keychain item in memory mode too', async () => {
    const items = new Map([['tokens', 'stored by an earlier run']]);
    let locked = true;
    const store: SecretStore = {
      backend: 'test',
      get: async (account) => items.get(account) ?? null,
      async set() {
        if (locked)
          throw new KeychainError('locked', 'Cannot create an item in a locked collection');
      },
      delete: async (account) => items.delete(account),
    };
    const cache = createKeychainCache(() => store, 'tokens');
    await cache.replace('this run');
    expect(cache.storage().kind).toBe('memory');
    locked = false;
    await cache.forget();
    expect(items.has('tokens')).toBe(false);
  });
});
