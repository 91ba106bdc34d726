/**
 * The practice world: simulated Microsoft and printers for `--demo` and for the tests. It is
 * only ever started on request (never silently in place of the real thing) and only listens on
 * loopback. Each scenario switch (shared/practice.ts) puts one simulated part into one of the
 * situations the wizard handles.
 */
import { EventEmitter } from 'node:events';
import {
  defaultPracticeSettings,
  practiceSwitches,
  type PracticeSettings,
  type PracticeSwitchId,
  type PracticeSwitchValue,
} from '../../shared/practice';
import type { SecretStore } from '../services/keychain';
import { createPracticeKeychain } from './practice-keychain';

export interface PracticeWorld {
  settings(): PracticeSettings;
  set<S extends PracticeSwitchId>(id: S, value: PracticeSwitchValue<S>): PracticeSettings;
  onChange(listener: (settings: PracticeSettings) => void): () => void;
  /** The keychain as the practice scenario wants it: the real one, or a failing stand-in. */
  secretStore(real: () => SecretStore): SecretStore;
  stop(): Promise<void>;
}

export function isValidSwitch(id: string, value: string): boolean {
  const options: readonly string[] | undefined = (
    practiceSwitches as Record<string, readonly string[]>
  )[id];
  return options !== undefined && options.includes(value);
}

export function createPracticeWorld(initial: Partial<PracticeSettings> = {}): PracticeWorld {
  let settings: PracticeSettings = { ...defaultPracticeSettings(), ...initial };
  const events = new EventEmitter();
  return {
    settings: () => ({ ...settings }),
    set(id, value) {
      if (!isValidSwitch(id, value)) throw new Error(`Unknown practice switch ${id}=${value}`);
      settings = { ...settings, [id]: value };
      events.emit('change', { ...settings });
      return { ...settings };
    },
    onChange(listener) {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    secretStore: (real) => createPracticeKeychain(() => settings.keychain, real),
    async stop() {
      events.removeAllListeners();
    },
  };
}
