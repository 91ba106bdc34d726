import { describe, expect, it } from 'vitest';
import {
  classifyKeychainError,
  probeKeychain,
  type SecretStore,
} from '../../electron/services/keychain';
import { createPracticeKeychain } from '../../electron/simulator/practice-keychain';

function memoryStore(): SecretStore {
  const items = new Map<string, string>();
  return {
    backend: 'memory',
    get: async (account) => items.get(account) ?? null,
    set: async (account, secret) => void items.set(account, secret),
    delete: async (account) => items.delete(account),
  };
}

describe('keychain errors', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-service'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-service'],
    ['Could not connect: No such file or directory', 'no-service'],
    ['Failed to execute child process “dbus-launch” (No such file or directory)', 'no-service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ['something else entirely', 'failed'],
  ])('%s → %s', (message, reason) => {
    expect(classifyKeychainError(new Error(message)).reason).toBe(reason);
  });
});

describe('practice keychain', () => {
  it('passes through to the real keychain as-is', async () => {
    const real = memoryStore();
    const store = createPracticeKeychain(
      () => 'as-is',
      () => real,
    );
    expect(await probeKeychain(store)).toEqual({ state: 'available', backend: 'memory' });
  });

  it.each([
    ['missing', 'no-service'],
    ['locked', 'locked'],
  ] as const)('%s → unavailable (%s)', async (mode, reason) => {
    const store = createPracticeKeychain(() => mode, memoryStore);
    expect(await probeKeychain(store)).toMatchObject({ state: 'unavailable', reason });
  });

  it('times out a keychain that never answers', async () => {
    const store = createPracticeKeychain(() => 'hangs', memoryStore, 50);
    expect(await probeKeychain(store)).toMatchObject({ state: 'unavailable', reason: 'timed-out' });
  });
});
