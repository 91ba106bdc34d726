/**
 * A WizardClient for the renderer store's unit tests: each request waits until the test
 * answers it (so replies and pushed events can be made to cross in any order), and the test
 * pushes events as main would.
 */
import type { WizardClient } from '../../../renderer/api/client';
import type { Reply, WizardEvent, WizardMethod } from '../../../shared/contract';

export interface PendingRequest {
  method: WizardMethod;
  params: unknown;
  answer(value: unknown): void;
  refuse(problemId: string): void;
}

export function createFakeClient() {
  const requests: PendingRequest[] = [];
  const listeners = new Set<(event: WizardEvent) => void>();
  const client: WizardClient = {
    invoke(method, params) {
      return new Promise((resolve) => {
        requests.push({
          method,
          params,
          answer: (value) => resolve({ ok: true, value } as Reply<never>),
          refuse: (id) => resolve({ ok: false, problem: { id } } as Reply<never>),
        });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    client,
    requests,
    /** The requests of one method, oldest first. */
    asked: (method: WizardMethod) => requests.filter((request) => request.method === method),
    /** The one unanswered request of this method still waiting (the newest). */
    take(method: WizardMethod): PendingRequest {
      const found = requests.filter((request) => request.method === method).at(-1);
      if (!found) throw new Error(`nothing asked: ${method}`);
      return found;
    },
    push(event: WizardEvent): void {
      for (const listener of listeners) listener(event);
    },
  };
}

/** Lets queued promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
