/**
 * Finding a chosen printer again: probes it where discovery last saw it, once more after a
 * moment (a goodbye from a same-named twin takes it off the list until it answers again); asked
 * by the person, searches the network again first and gives it three tries. One call, so the
 * renderer does not run the loop itself.
 */
import { problem } from '../../../shared/problem';
import type { PrinterEntry } from '../../../shared/printers';
import { ProblemError } from '../../common/problem-error';
import type { DiscoveryService } from './discovery-service';

export interface RelocateOptions {
  /** Search the network again first (the person pressed "Find it again"). */
  search: boolean;
  /** The address to name when it is gone (the one the person knows). */
  knownAddress: string;
  /** Waits between tries (tests inject a quick one). */
  sleep?: (ms: number) => Promise<void>;
}

/** Problems that mean "not there any more", said to the person as "printer gone". */
const goneProblems = new Set(['printer-unknown', 'printer-unreachable', 'printer-not-answering']);

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function relocatePrinter(
  discovery: Pick<DiscoveryService, 'searchAgain' | 'probe'>,
  id: string,
  options: RelocateOptions,
): Promise<PrinterEntry> {
  const sleep = options.sleep ?? pause;
  const gone = problem('printer-gone', { address: options.knownAddress });
  let last = gone;
  for (let attempt = 0; attempt < (options.search ? 3 : 2); attempt += 1) {
    if (options.search) {
      if (attempt === 0) discovery.searchAgain();
      // Answers to the search take a moment to come in.
      await sleep(1500);
    } else if (attempt > 0) {
      await sleep(2000);
    }
    try {
      return await discovery.probe(id);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      last = goneProblems.has(error.problem.id) ? gone : error.problem;
    }
  }
  throw new ProblemError(last.id, last.data);
}
