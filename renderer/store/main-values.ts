/**
 * What the main process owns, as one part of the wizard store: the sign-in, the Exchange
 * setup, the printers found, the practice switches, the test-message watches and the last run
 * of each check. Fed by the pushed events from the start; a screen that needs a value as it is
 * now calls `fresh`, and asks made while one is on its way share its answer. Steps read these
 * values and never keep copies of their own. (Progress is the store's own ready state, fed by
 * `progress-changed`: wizard-store.ts.)
 */
import type { Reply, WizardEvent, WizardEventName, WizardEvents } from '../../shared/contract';
import type { ExchangeSetup } from '../../shared/contract/exchange';
import type { CheckRuns } from '../../shared/contract/journey';
import type { TestWatches } from '../../shared/contract/delivery';
import type { SignInStatus } from '../../shared/contract/signin';
import type { PracticeSettings } from '../../shared/practice';
import type { DiscoverySnapshot } from '../../shared/printers';
import type { WizardClient } from '../api/client';
import { failed, loading, ready, type Loadable } from './loadable';

export interface MainValues {
  signIn: SignInStatus;
  /** Follows the chosen cloud and account kind (main pushes it when they change). */
  exchangeSetup: ExchangeSetup;
  /** Loading until "Find the printer" first asks (asking starts the search). */
  printers: DiscoverySnapshot;
  /** Null when this run is not a practice run. */
  practice: PracticeSettings | null;
  /** The printers' test-message watches (shared/contract/delivery.ts). */
  testWatches: TestWatches;
  /** The last run of each check main runs (shared/contract/journey.ts). */
  checkRuns: CheckRuns;
}
export type MainKey = keyof MainValues;
export type MainState = { [K in MainKey]: Loadable<MainValues[K]> };
export const mainKeys = [
  'signIn',
  'exchangeSetup',
  'printers',
  'practice',
  'testWatches',
  'checkRuns',
] as const satisfies readonly MainKey[];

type KeyFedBy<T> = { [K in MainKey]: T extends MainValues[K] ? K : never }[MainKey];

/** Events the store itself takes (progress is its ready state, not a main value here). */
export type StoreEventName = 'progress-changed';
export type MainEventName = Exclude<WizardEventName, StoreEventName>;

/** The value each pushed event carries: an event the contract adds must be placed here. */
const fedBy: { [E in MainEventName]: KeyFedBy<WizardEvents[E]> } = {
  'signin-changed': 'signIn',
  'exchange-setup-changed': 'exchangeSetup',
  'printers-changed': 'printers',
  'practice-changed': 'practice',
  'test-watches-changed': 'testWatches',
  'check-runs-changed': 'checkRuns',
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
  checkRuns: (client) => client.invoke('getCheckRuns', {}),
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
    checkRuns: 0,
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
    receive(event: Extract<WizardEvent, { name: MainEventName }>): void {
      accept(fedBy[event.name], event.data as never);
    },
  };
}
