/**
 * The discovery handlers over the practice printers: choosing admits only the chosen printer's
 * Web Config to the link allow-list; the choice is kept by the progress store across a restart.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialProgress } from '../../shared/model';
import type { DiscoverySnapshot } from '../../shared/printers';
import { createDiscoveryHandlers } from '../../electron/handlers/discovery';
import { createDiscoveryService } from '../../electron/services/discovery/discovery-service';
import { createLinkPolicy } from '../../electron/services/link-policy';
import { createProgressStore } from '../../electron/services/progress-store';
import {
  createPracticePrinters,
  type PracticePrintersPart,
} from '../../electron/simulator/practice-printers';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';

let world: PracticeWorld;
let part: PracticePrintersPart;
const links = createLinkPolicy();
let discovery: ReturnType<typeof createDiscoveryService>;
let handlers: ReturnType<typeof createDiscoveryHandlers>;

beforeAll(async () => {
  world = await startPracticeWorld({ parts: [createPracticePrinters] });
  part = world.part<PracticePrintersPart>('printers') as PracticePrintersPart;
  discovery = createDiscoveryService({
    interfaces: () => ['127.0.0.1'],
    accept: (item) => part.accepts(item),
  });
  handlers = createDiscoveryHandlers({ discovery, links });
});

afterAll(async () => {
  await discovery.stop();
  await world.stop();
});

async function listed(): Promise<DiscoverySnapshot> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const snapshot = await handlers.startDiscovery.run({});
    if (snapshot.printers.length >= 3) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the practice printers were not listed');
}

describe('discovery handlers', () => {
  it('admits the Web Config of chosen printers only', async () => {
    const snapshot = await listed();
    const brother = snapshot.printers.find((printer) => printer.model?.startsWith('Brother'));
    const epson = snapshot.printers.find((printer) => printer.model?.startsWith('EPSON ET'));
    expect(brother?.webConfigUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(links.isAllowed(brother?.webConfigUrl ?? '')).toBe(false);
    const chosen = await handlers.choosePrinters.run({ ids: [brother?.id ?? ''] });
    expect(chosen).toEqual([
      {
        id: 'uuid:e3248000-80ce-11db-8000-3c2af4123456',
        name: 'Brother MFC-L2750DW series',
        model: 'Brother MFC-L2750DW series',
        vendor: 'brother',
        addresses: ['127.0.0.1'],
        webConfigUrl: brother?.webConfigUrl,
        firmwareVersion: null,
      },
    ]);
    expect(links.isAllowed(brother?.webConfigUrl ?? '')).toBe(true);
    expect(links.isAllowed(epson?.webConfigUrl ?? '')).toBe(false);
    // Unknown ids are ignored, never turned into links.
    expect(await handlers.choosePrinters.run({ ids: ['uuid:not-listed'] })).toEqual([]);
  });

  it('validates its parameters', () => {
    expect(
      handlers.addPrinterByAddress.params.safeParse({ address: 'x'.repeat(301) }).success,
    ).toBe(false);
    expect(handlers.choosePrinters.params.safeParse({ ids: Array(21).fill('a') }).success).toBe(
      false,
    );
    expect(handlers.probePrinter.params.safeParse({ id: '', extra: 1 }).success).toBe(false);
  });

  it('probes a chosen printer for its firmware version', async () => {
    const snapshot = await listed();
    const epson = snapshot.printers.find((printer) => printer.model?.startsWith('EPSON WF'));
    const probed = await handlers.probePrinter.run({ id: epson?.id ?? '' });
    expect(probed.probe?.firmwareVersion).toBe('10.53.WD17M2');
    expect(probed.vendor).toBe('epson');
  });

  it('keeps chosen printers in progress, and loads older progress without them', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'discovery-progress-'));
    const store = createProgressStore(folder, true);
    const printer = {
      id: 'uuid:cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
      name: 'EPSON ET-2850 Series',
      model: 'EPSON ET-2850 Series',
      vendor: 'epson' as const,
      addresses: ['192.168.1.20'],
      webConfigUrl: 'http://192.168.1.20/PRESENTATION/BONJOUR',
      firmwareVersion: '05.27.XK26P4',
    };
    await store.save({ ...initialProgress, printers: [printer] });
    expect((await createProgressStore(folder, true).load()).printers).toEqual([printer]);
    await expect(
      store.save({ ...initialProgress, printers: [{ ...printer, password: 'x' } as never] }),
    ).rejects.toThrow();
    const { printers: _printers, ...older } = initialProgress;
    void _printers;
    const { promises: fs } = await import('node:fs');
    await fs.writeFile(store.file, JSON.stringify(older));
    expect((await store.load()).printers).toEqual([]);
  });
});
