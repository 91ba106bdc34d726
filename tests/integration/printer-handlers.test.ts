/**
 * The printer requests through the host: the practice status sheet is read only for a chosen
 * practice printer (its address from progress, never from the request), the chosen printer's
 * Web Config is admitted for "open outside", the report is built in the main process, and
 * saving it where nothing can be written is a clear problem with nothing written.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { createProgressStore } from '../../electron/services/progress-store';
import { createWizardHost } from '../../electron/host';
import { writeReportFile } from '../../electron/services/report-file';
import {
  practicePrintersPartName,
  type PracticePrintersPart,
} from '../../electron/simulator/practice-printers';
import { initialProgress } from '../../shared/model';
import type { SheetReading } from '../../shared/printer-setup';
import { memoryStore } from '../support/practice-signin';

const folder = (): string => mkdtempSync(path.join(os.tmpdir(), 'printer-host-'));

test('practice: reads the chosen practice printer sheet, admits its Web Config, builds the report', async () => {
  const configDir = folder();
  // A folder that is really a file: nobody can write under it, not even root.
  const notAFolder = path.join(configDir, 'not-a-folder');
  writeFileSync(notAFolder, 'x');
  const host = await createWizardHost({
    shell: 'electron',
    practice: true,
    version: 'test',
    configDir,
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'system',
    log: () => {},
    saveReport: async (report) =>
      writeReportFile(path.join(notAFolder, report.fileName), report.html),
  });
  try {
    const printers = host.practice?.part<PracticePrintersPart>(practicePrintersPartName);
    const origin = `http://${printers?.addresses()['et2850'] ?? ''}`;
    const unknown = await host.dispatch('readStatusSheet', { printerId: 'uuid:nope' });
    expect(unknown).toMatchObject({ ok: false, problem: { id: 'printer-sheet-unreadable' } });

    await host.dispatch('setPracticeProgress', {
      ...initialProgress,
      printers: [
        {
          id: 'uuid:cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
          name: 'EPSON ET-2850 Series',
          model: 'EPSON ET-2850 Series',
          vendor: 'epson',
          addresses: ['127.0.0.1'],
          webConfigUrl: `${origin}/PRESENTATION/BONJOUR`,
          firmwareVersion: '05.27.XK26P4',
        },
      ],
    });
    const sheet = await host.dispatch('readStatusSheet', {
      printerId: 'uuid:cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
    });
    expect(sheet.ok).toBe(true);
    // As shipped: the old password method, not signed in.
    expect((sheet as { value: SheetReading }).value.authenticationMethod).toBe('SMTP-AUTH');

    const report = await host.dispatch('buildSetupReport', {
      words: { 'report.title': 'Report <b>x</b>' },
    });
    expect(report.ok).toBe(true);
    const html = (report as { value: { html: string } }).value.html;
    expect(html).toContain('EPSON ET-2850 Series');
    expect(html).toContain('Report &lt;b&gt;x&lt;/b&gt;');

    const tooMany = await host.dispatch('buildSetupReport', {
      words: Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`k${index}`, 'v'])),
    });
    expect(tooMany).toMatchObject({ ok: false, problem: { id: 'request-malformed' } });

    const saved = await host.dispatch('saveSetupReport', { words: {}, format: 'html' });
    expect(saved).toMatchObject({ ok: false, problem: { id: 'report-not-saved' } });
    expect(readdirSync(configDir).filter((name) => name.includes('report'))).toEqual([]);
  } finally {
    await host.close();
  }
});

test('a chosen printer from an earlier run gets no link from the progress file alone; no sheet read from a make whose sheet page is unknown', async () => {
  const configDir = folder();
  // The progress file an earlier run left (outside practice mode the page cannot write it).
  await createProgressStore(configDir, false).save({
    ...initialProgress,
    printers: [
      {
        id: 'host:printer.local',
        name: 'Printer',
        model: null,
        vendor: 'other',
        addresses: ['192.0.2.10'],
        webConfigUrl: 'https://192.0.2.10/',
        firmwareVersion: null,
      },
    ],
  });
  const host = await createWizardHost({
    shell: 'browser',
    practice: false,
    version: 'test',
    configDir,
    secretStore: memoryStore(),
    env: {},
    openExternal: async () => 'page',
    log: () => {},
  });
  try {
    // Outside practice mode the journey moves only by intents: no page replaces the progress.
    expect(await host.dispatch('setPracticeProgress', initialProgress)).toMatchObject({
      ok: false,
      problem: { id: 'practice-only' },
    });
    expect(await host.dispatch('getProgress', {})).toMatchObject({
      ok: true,
      value: { printers: [{ id: 'host:printer.local' }] },
    });
    // A printer known only from the progress file: its address is admitted only once
    // discovery finds that printer again (issue 11, finding 2; e2e: discovery.spec.ts).
    expect(await host.dispatch('openExternal', { url: 'https://192.0.2.10/' })).toMatchObject({
      ok: false,
      problem: { id: 'link-not-allowed' },
    });
    expect(await host.dispatch('openExternal', { url: 'https://192.0.2.11/' })).toMatchObject({
      ok: false,
      problem: { id: 'link-not-allowed' },
    });
    expect(
      await host.dispatch('readStatusSheet', { printerId: 'host:printer.local' }),
    ).toMatchObject({ ok: false, problem: { id: 'printer-sheet-unreadable' } });
    expect(await host.dispatch('saveSetupReport', { words: {}, format: 'pdf' })).toMatchObject({
      ok: false,
      problem: { id: 'report-save-cancelled' },
    });
  } finally {
    await host.close();
  }
});
