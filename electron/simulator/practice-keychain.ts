/**
 * The keychain in practice mode: the real keychain, or one that behaves like a missing, locked
 * or hung one (with the real backends' own error texts), so trainees see what users see.
 */
import type { PracticeSwitchValue } from '../../shared/practice';
import {
  defaultKeychainTimeoutMs,
  KeychainError,
  withTimeout,
  type SecretStore,
} from '../services/keychain';

export function createPracticeKeychain(
  mode: () => PracticeSwitchValue<'keychain'>,
  real: () => SecretStore,
  timeoutMs = defaultKeychainTimeoutMs,
): SecretStore {
  const act = <T>(what: string, work: (store: SecretStore) => Promise<T>): Promise<T> => {
    switch (mode()) {
      case 'as-is':
        return work(real());
      case 'missing':
        return Promise.reject(
          new KeychainError(
            'no-service',
            'The name org.freedesktop.secrets was not provided by any .service files',
          ),
        );
      case 'locked':
        return Promise.reject(
          new KeychainError('locked', 'Cannot create an item in a locked collection'),
        );
      case 'hangs':
        return withTimeout(new Promise<T>(() => {}), timeoutMs, `The keychain (${what})`);
    }
  };
  return {
    get backend() {
      return mode() === 'as-is' ? real().backend : 'practice';
    },
    get: (account) => act('read', (store) => store.get(account)),
    set: (account, secret) => act('write', (store) => store.set(account, secret)),
    delete: (account) => act('delete', (store) => store.delete(account)),
  };
}
