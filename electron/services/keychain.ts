/**
 * The OS keychain behind a small interface. keytar is the backend (libsecret, macOS Keychain,
 * Windows Credential Vault); it is an optional dependency, so a machine without it still runs
 * the wizard and is told plainly. Every call times out: a locked or hung keychain must never
 * hang the wizard. There is no plaintext fallback.
 */
import type { KeychainStatus } from '../../shared/model';

export type KeychainFailure = Extract<KeychainStatus, { state: 'unavailable' }>['reason'];

export class KeychainError extends Error {
  constructor(
    readonly reason: KeychainFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'KeychainError';
  }
}

export interface SecretStore {
  readonly backend: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const keychainServiceName = 'Printer Mail Setup Wizard';
export const defaultKeychainTimeoutMs = 3000;

/** Maps the keychain's own error text onto a reason the user can act on. */
export function classifyKeychainError(error: unknown): KeychainError {
  if (error instanceof KeychainError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/locked collection|unlock prompt was dismissed|is locked/i.test(text)) {
    return new KeychainError('locked', text);
  }
  if (
    /autolaunch D-Bus|org\.freedesktop\.secrets was not provided|does not exist at path|DBus|D-Bus|dbus-launch|Could not connect|AccessDenied|no result found/i.test(
      text,
    )
  ) {
    return new KeychainError('no-service', text);
  }
  return new KeychainError('failed', text);
}

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new KeychainError('timed-out', `${what} did not answer within ${ms} ms`));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(classifyKeychainError(error));
      },
    );
  });
}

function loadKeytar(): KeytarModule {
  try {
    // Loaded lazily: keytar is optional and native; a missing build must not stop the app.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('keytar') as KeytarModule;
  } catch (error) {
    throw new KeychainError(
      'not-installed',
      `keytar could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function createKeytarStore(
  options: { service?: string; timeoutMs?: number; keytar?: KeytarModule } = {},
): SecretStore {
  const service = options.service ?? keychainServiceName;
  const timeoutMs = options.timeoutMs ?? defaultKeychainTimeoutMs;
  let keytar: KeytarModule | null = options.keytar ?? null;
  // Per item, the latest call started: a write that timed out is undone when it finally lands,
  // unless something newer was asked of that item since.
  const latest = new Map<string, object>();
  const module = (): KeytarModule => (keytar ??= loadKeytar());
  const call = <T>(what: string, work: () => Promise<T>): Promise<T> => {
    let started: Promise<T>;
    try {
      started = work();
    } catch (error) {
      return Promise.reject(classifyKeychainError(error));
    }
    return withTimeout(started, timeoutMs, `The keychain (${what})`);
  };
  return {
    backend: 'keytar',
    get: (account) => call('read', () => module().getPassword(service, account)),
    async set(account, secret) {
      const mine = {};
      latest.set(account, mine);
      let started: Promise<void> | null = null;
      const settle = (): void => {
        if (latest.get(account) === mine) latest.delete(account);
      };
      try {
        await call('write', () => (started = module().setPassword(service, account, secret)));
        settle();
      } catch (error) {
        const late = started as Promise<void> | null;
        if (error instanceof KeychainError && error.reason === 'timed-out' && late) {
          // The caller was told the secret is NOT stored (it keeps it in memory only), so a
          // write that lands later must not leave it in the keychain.
          void late
            .then(async () => {
              if (latest.get(account) !== mine) return;
              await module().deletePassword(service, account);
            })
            .catch(() => undefined)
            .finally(settle);
        } else {
          settle();
        }
        throw error;
      }
    },
    delete(account) {
      // A pending late write stays marked for undoing: forgetting must win over it too.
      return call('delete', () => module().deletePassword(service, account));
    },
  };
}

/**
 * Writes, reads back and deletes a probe item: the only honest way to know the keychain works.
 * Each probe has its own item, so two wizards starting at once (or a test run's many) never
 * read each other's marker.
 */
export async function probeKeychain(store: SecretStore): Promise<KeychainStatus> {
  const marker = `probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const probeAccount = `keychain-${marker}`;
  try {
    await store.set(probeAccount, marker);
    const readBack = await store.get(probeAccount);
    await store.delete(probeAccount);
    if (readBack !== marker) {
      return {
        state: 'unavailable',
        reason: 'failed',
        // A support code, as for every other failure: no sentence in one language.
        detail: 'keychain-read-back-differs',
      };
    }
    return { state: 'available', backend: store.backend };
  } catch (error) {
    const failure = classifyKeychainError(error);
    return { state: 'unavailable', reason: failure.reason, detail: supportCode(failure) };
  }
}

/**
 * What support may see of a keychain failure: the D-Bus error name or system code in it, or
 * the kind of failure. The keychain's own message never crosses the contract (it may name
 * paths, accounts or services).
 */
export function supportCode(failure: KeychainError): string {
  const named = /\b(org\.freedesktop\.[A-Za-z]+(?:\.[A-Za-z]+)*|E[A-Z]{2,15})\b/.exec(
    failure.message,
  );
  return named?.[1] ?? `keychain-${failure.reason}`;
}
