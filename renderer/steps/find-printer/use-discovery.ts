/**
 * The live printer list: the wizard store's `printers` (fed by `printers-changed`), asked for
 * when the step opens (which starts the search), plus "search again" and manual addresses.
 * Chosen printers are kept in progress.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DiscoverySnapshot, PrinterEntry } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
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
  const fresh = useWizard((store) => store.fresh);
  const search = useWizard((store) => store.searchAgain);
  const ask = useWizard((store) => store.ask);
  const printers = useMainValue('printers');
  const [searchProblem, setSearchProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void fresh('printers');
  }, [fresh]);

  const searchAgain = useCallback(async () => {
    setGeneration((value) => value + 1);
    setSearchProblem(await search());
  }, [search]);

  const addByAddress = useCallback(
    async (address: string) => {
      const reply = await ask('addPrinterByAddress', { address });
      return reply.ok
        ? { ok: true as const, entry: reply.value }
        : { ok: false as const, problem: reply.problem };
    },
    [ask],
  );

  return {
    snapshot: printers.status === 'ready' ? printers.value : null,
    problem: searchProblem ?? (printers.status === 'failed' ? printers.problem : null),
    generation,
    searchAgain,
    addByAddress,
  };
}
