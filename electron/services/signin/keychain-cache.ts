/**
 * MSAL's token cache kept in the OS keychain (one keychain item per app and cloud), through an
 * MSAL ICachePlugin. No plaintext fallback: when the keychain is missing, locked or hangs
 * (SecretStore calls time out), the cache stays in memory for this run and `storage()` says so.
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { TokenStorage } from '../../../shared/contract/signin';
import { classifyKeychainError, type SecretStore } from '../keychain';

export interface KeychainCache {
  readonly plugin: ICachePlugin;
  readonly item: string;
  storage(): TokenStorage;
  /** Replaces the whole cache (after a finished sign-in) and writes it to the keychain. */
  replace(serialized: string): Promise<void>;
  /** Drops the cache from memory and deletes the keychain item. */
  forget(): Promise<void>;
}

export function createKeychainCache(
  store: () => SecretStore,
  item: string,
  onStorageChange: (storage: TokenStorage) => void = () => {},
): KeychainCache {
  let current: string | null = null;
  let loaded = false;
  let storage: TokenStorage = { kind: 'keychain' };

  const fallBack = (error: unknown): void => {
    const reason = classifyKeychainError(error).reason;
    if (storage.kind === 'memory') return;
    storage = { kind: 'memory', reason };
    onStorageChange(storage);
  };
  /** Counts replace/forget calls: a keychain read that was overtaken by one must not win. */
  let changes = 0;
  const load = async (): Promise<void> => {
    if (loaded) return;
    loaded = true;
    const before = changes;
    try {
      const stored = await store().get(item);
      if (changes === before) current = stored;
    } catch (error) {
      fallBack(error);
    }
  };
  const write = async (): Promise<void> => {
    if (storage.kind !== 'keychain' || current === null) return;
    try {
      await store().set(item, current);
    } catch (error) {
      fallBack(error);
    }
  };

  return {
    item,
    storage: () => storage,
    plugin: {
      async beforeCacheAccess(context: TokenCacheContext) {
        await load();
        if (current !== null) context.tokenCache.deserialize(current);
      },
      async afterCacheAccess(context: TokenCacheContext) {
        if (!context.cacheHasChanged) return;
        current = context.tokenCache.serialize();
        await write();
      },
    },
    async replace(serialized) {
      changes += 1;
      loaded = true;
      current = serialized;
      await write();
    },
    async forget() {
      changes += 1;
      loaded = true;
      current = null;
      if (storage.kind !== 'keychain') return;
      try {
        await store().delete(item);
      } catch (error) {
        fallBack(error);
      }
    },
  };
}
