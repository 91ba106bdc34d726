/**
 * Handlers for finding printers. A chosen printer's Web Config origin is admitted to the link
 * allow-list here, from the main process's own list (never from what the renderer sends).
 */
import { z } from 'zod';
import { noParams } from './params';
import type { Handler } from './table';
import type { DiscoveryService } from '../services/discovery/discovery-service';
import { toChosenPrinter, webOrigin } from '../services/discovery/grouping';
import type { LinkPolicy } from '../services/link-policy';
import type { Journey } from '../services/journey';

export interface DiscoveryServices {
  discovery: DiscoveryService;
  links: LinkPolicy;
  /** Keeps the chosen printers and their probes in progress, with their board lines. */
  journey?: Pick<Journey, 'choosePrinters' | 'probePrinter'>;
}

type DiscoveryHandlers = {
  startDiscovery: Handler<'startDiscovery'>;
  searchAgain: Handler<'searchAgain'>;
  addPrinterByAddress: Handler<'addPrinterByAddress'>;
  probePrinter: Handler<'probePrinter'>;
  choosePrinters: Handler<'choosePrinters'>;
};

const printerId = z.string().min(1).max(300);

/** Admits a printer's Web Config origin; a page that isn't http(s) is simply not admitted. */
export function admitPrinterOrigin(links: LinkPolicy, url: string | null): void {
  const origin = webOrigin(url);
  if (origin) links.allowOrigin(origin);
}

export function createDiscoveryHandlers(services: DiscoveryServices): DiscoveryHandlers {
  const { discovery, links, journey } = services;
  return {
    startDiscovery: { params: noParams, run: async () => discovery.start() },
    searchAgain: { params: noParams, run: async () => discovery.searchAgain() },
    addPrinterByAddress: {
      params: z.object({ address: z.string().max(300) }).strict(),
      run: ({ address }) => discovery.addByAddress(address),
    },
    probePrinter: {
      params: z.object({ id: printerId }).strict(),
      async run({ id }) {
        const before = discovery.find(id);
        const chosen = before ? links.isAllowed(before.webConfigUrl ?? '') : false;
        const entry = await (journey ? journey.probePrinter(id) : discovery.probe(id));
        // The probe may have found a better page (https): keep a chosen printer's link working.
        if (chosen) admitPrinterOrigin(links, entry.webConfigUrl);
        return entry;
      },
    },
    choosePrinters: {
      params: z.object({ ids: z.array(printerId).max(20) }).strict(),
      async run({ ids }) {
        const chosen = [];
        for (const id of ids) {
          const entry = discovery.find(id);
          if (!entry) continue;
          admitPrinterOrigin(links, entry.webConfigUrl);
          chosen.push(toChosenPrinter(entry));
        }
        return journey ? journey.choosePrinters(chosen) : chosen;
      },
    },
  };
}
