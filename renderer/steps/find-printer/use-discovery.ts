/**
 * The live printer list: the wizard store's `printers` (fed by `printers-changed`), asked for
 * when the step opens (which starts the search), plus "search again" and manual addresses.
 * Chosen printers are kept in progress.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiscoverySnapshot, PrinterEntry } from '../../../shared/printers';
import { problem as problemOf, type Problem } from '../../../shared/problem';
import { useMainValue, useWizard } from '../../store/wizard-store';

export interface DiscoveryView {
  /** Null until the first list arrives. */
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
  const fresh = useWizard((store) => store.fresh);
  const accept = useWizard((store) => store.accept);
  const printers = useMainValue('printers');
  const [searchProblem, setSearchProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void fresh('printers');
  }, [fresh]);

  const searchAgain = useCallback(async () => {
    if (!client) return;
    setGeneration((value) => value + 1);
    const reply = await client.invoke('searchAgain', {});
    if (reply.ok) accept('printers', reply.value);
    setSearchProblem(reply.ok ? null : reply.problem);
  }, [client, accept]);

  const addByAddress = useCallback(
    async (address: string) => {
      if (!client) return { ok: false as const, problem: problemOf('main-unreachable') };
      const reply = await client.invoke('addPrinterByAddress', { address });
      return reply.ok
        ? { ok: true as const, entry: reply.value }
        : { ok: false as const, problem: reply.problem };
    },
    [client],
  );

  return {
    snapshot: printers.status === 'ready' ? printers.value : null,
    problem: searchProblem ?? (printers.status === 'failed' ? printers.problem : null),
    generation,
    searchAgain,
    addByAddress,
  };
}
