/**
 * What the main process owns, as one part of the wizard store: the sign-in, the Exchange
 * setup, the printers found and the practice switches. Fed by the pushed events from the
 * start; a screen that needs a value as it is now calls `fresh`, and asks made while one is
 * on its way share its answer. Steps read these values and never keep copies of their own.
 */
import type { Reply, WizardEvent, WizardEventName, WizardEvents } from '../../shared/contract';
import type { ExchangeSetup } from '../../shared/contract/exchange';
import type { TestWatches } from '../../shared/contract/delivery';
import type { SignInStatus } from '../../shared/contract/signin';
import type { PracticeSettings } from '../../shared/practice';
import type { DiscoverySnapshot } from '../../shared/printers';
import type { WizardClient } from '../api/client';
import { failed, loading, ready, type Loadable } from './loadable';

export interface MainValues {
  signIn: SignInStatus;
  /** Depends on the saved cloud and account kind: asked again after they change. */
  exchangeSetup: ExchangeSetup;
  /** Loading until "Find the printer" first asks (asking starts the search). */
  printers: DiscoverySnapshot;
  /** Null when this run is not a practice run. */
  practice: PracticeSettings | null;
  /** The printers' test-message watches (shared/contract/delivery.ts). */
  testWatches: TestWatches;
}
export type MainKey = keyof MainValues;
export type MainState = { [K in MainKey]: Loadable<MainValues[K]> };
export const mainKeys = [
  'signIn',
  'exchangeSetup',
  'printers',
  'practice',
  'testWatches',
] as const satisfies readonly MainKey[];

type KeyFedBy<T> = { [K in MainKey]: T extends MainValues[K] ? K : never }[MainKey];

/** The value each pushed event carries: an event the contract adds must be placed here. */
const fedBy: { [E in WizardEventName]: KeyFedBy<WizardEvents[E]> } = {
  'signin-changed': 'signIn',
  'printers-changed': 'printers',
  'practice-changed': 'practice',
  'test-watches-changed': 'testWatches',
};

/** How each value is asked for. */
const askers: {
  [K in MainKey]: (client: WizardClient, practiceRun: boolean) => Promise<Reply<MainValues[K]>>;
} = {
  signIn: (client) => client.invoke('getSignInStatus', {}),
  exchangeSetup: (client) => client.invoke('getExchangeSetup', {}),
  // Idempotent: starts browsing if not yet, answers the list as it is now.
  printers: (client) => client.invoke('startDiscovery', {}),
  practice: (client, practiceRun) =>
    practiceRun
      ? client.invoke('getPracticeSettings', {})
      : Promise.resolve({ ok: true, value: null }),
  testWatches: (client) => client.invoke('getTestWatches', {}),
};

/** Replies and pushed events can cross: of two printer lists, keep the newer. */
function newer<K extends MainKey>(
  key: K,
  current: Loadable<MainValues[K]>,
  next: MainValues[K],
): MainValues[K] {
  if (key === 'printers' && current.status === 'ready') {
    const [was, now] = [current.value, next] as [DiscoverySnapshot, DiscoverySnapshot];
    if (was.revision > now.revision) return current.value;
  }
  return next;
}

export interface MainValuesPart {
  main: MainState;
  /** The value as main has it now; concurrent asks share one request. */
  fresh<K extends MainKey>(key: K): Promise<Loadable<MainValues[K]>>;
  /** A value main answered to an action (sign in, search again…): as new as a pushed one. */
  accept<K extends MainKey>(key: K, value: MainValues[K]): void;
}

interface Wiring {
  readMain(): MainState;
  writeMain(main: MainState): void;
  client(): WizardClient | null;
  practiceRun(): boolean;
  /** Resolves once progress saves in flight are done (some values are computed from it). */
  saved(): Promise<unknown>;
  /** Told after every change of a value. */
  changed(key: MainKey): void;
}

export function createMainValues(wiring: Wiring) {
  // Bumped by every pushed or accepted value and every invalidation: an answer to an ask made
  // before the bump is out of date and is not kept.
  const versions: Record<MainKey, number> = {
    signIn: 0,
    exchangeSetup: 0,
    printers: 0,
    practice: 0,
    testWatches: 0,
  };
  const asking = new Map<MainKey, { version: number; answer: Promise<unknown> }>();

  const put = <K extends MainKey>(key: K, value: Loadable<MainValues[K]>): void => {
    wiring.writeMain({ ...wiring.readMain(), [key]: value });
    wiring.changed(key);
  };

  const accept = <K extends MainKey>(key: K, value: MainValues[K]): void => {
    versions[key] += 1;
    put(key, ready(newer(key, wiring.readMain()[key], value)));
  };

  const fresh = <K extends MainKey>(key: K): Promise<Loadable<MainValues[K]>> => {
    const pending = asking.get(key);
    if (pending && pending.version === versions[key]) {
      return pending.answer as Promise<Loadable<MainValues[K]>>;
    }
    const version = versions[key];
    const answer = (async (): Promise<Loadable<MainValues[K]>> => {
      await wiring.saved();
      const client = wiring.client();
      if (!client) return wiring.readMain()[key];
      const reply = await askers[key](client, wiring.practiceRun());
      if (asking.get(key)?.version === version) asking.delete(key);
      if (versions[key] !== version) {
        // Something newer came meanwhile: a pushed value (keep it) or a change that made
        // this answer out of date (ask again).
        const now = wiring.readMain()[key];
        return now.status === 'loading' ? fresh(key) : now;
      }
      versions[key] += 1;
      const value = reply.ok
        ? ready(newer(key, wiring.readMain()[key], reply.value))
        : failed<MainValues[K]>(reply.problem);
      put(key, value);
      return value;
    })();
    asking.set(key, { version, answer });
    return answer;
  };

  return {
    initial: Object.fromEntries(mainKeys.map((key) => [key, loading])) as MainState,
    fresh,
    accept,
    receive(event: WizardEvent): void {
      accept(fedBy[event.name], event.data as never);
    },
    /** Marks values loading (their answer will change) and asks again once saved. */
    invalidate(keys: readonly MainKey[]): void {
      for (const key of keys) {
        versions[key] += 1;
        put(key, loading);
        void fresh(key);
      }
    },
  };
}
