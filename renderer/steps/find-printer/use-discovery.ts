/**
 * The live printer list: starts discovery when the step opens, follows `printers-changed`
 * events, and offers "search again" and manual addresses. Chosen printers are kept in progress.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiscoverySnapshot, PrinterEntry } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import { useWizard } from '../../store/wizard-store';

export interface DiscoveryView {
  snapshot: DiscoverySnapshot | null;
  problem: Problem | null;
  /** Increases with each new search, so "nothing found yet" timers restart. */
  generation: number;
  searchAgain(): Promise<void>;
  addByAddress(
    address: string,
  ): Promise<{ ok: true; entry: PrinterEntry } | { ok: false; problem: Problem }>;
}

export function useDiscovery(): DiscoveryView {
  const client = useWizard((store) => store.client);
  const [snapshot, setLatest] = useState<DiscoverySnapshot | null>(null);
  // Replies and pushed events can cross: keep whichever is newest.
  const setSnapshot = useCallback((next: DiscoverySnapshot) => {
    setLatest((current) => (current && current.revision > next.revision ? current : next));
  }, []);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!client) return;
    let alive = true;
    const off = client.onEvent((event) => {
      if (event.name === 'printers-changed' && alive) setSnapshot(event.data);
    });
    void client.invoke('startDiscovery', {}).then((reply) => {
      if (!alive) return;
      if (reply.ok) setSnapshot(reply.value);
      else setProblem(reply.problem);
    });
    return () => {
      alive = false;
      off();
    };
  }, [client, setSnapshot]);

  const searchAgain = useCallback(async () => {
    if (!client) return;
    setGeneration((value) => value + 1);
    const reply = await client.invoke('searchAgain', {});
    if (reply.ok) {
      setSnapshot(reply.value);
      setProblem(null);
    } else setProblem(reply.problem);
  }, [client, setSnapshot]);

  const addByAddress = useCallback(
    async (address: string) => {
      if (!client) return { ok: false as const, problem: { id: 'main-unreachable' as const } };
      const reply = await client.invoke('addPrinterByAddress', { address });
      return reply.ok
        ? { ok: true as const, entry: reply.value }
        : { ok: false as const, problem: reply.problem };
    },
    [client],
  );

  return { snapshot, problem, generation, searchAgain, addByAddress };
}
