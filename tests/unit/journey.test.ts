/**
 * electron/services/journey.ts: a check records its own board entries when it ends (one
 * write) and keeps its last run (running, then answered or failed); choosing and probing keep
 * the printers and their board lines; a printer that moved is found again in one call and keeps
 * its new address; the printer records and the sign-in give the board lines they decide.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../electron/common/problem-error';
import { createJourney } from '../../electron/services/journey';
import { openProgress } from '../../electron/services/progress-service';
import { createProgressStore, type ProgressStore } from '../../electron/services/progress-store';
import type { MailCheckResult } from '../../shared/contract/exchange';
import type { CheckRuns } from '../../shared/contract/journey';
import type { ChosenPrinter, PrinterEntry } from '../../shared/printers';
import type { WayProofRequest, WayProofResult } from '../../shared/contract/ways';
import type { WayProofService } from '../../electron/services/sending-way-proof';

const passed: MailCheckResult = {
  passed: true,
  problem: null,
  mailbox: 'scanner@contoso.example',
  server: 'smtp.office365.com:587',
  testMessage: { to: 'scanner@contoso.example', subject: 'Test', accepted: true },
  transcript: '235 2.7.0 Authentication successful',
  durationMs: 120,
  board: [
    { check: 'smtp-login', result: { state: 'passed', summary: 'scanner@contoso.example' } },
    { check: 'smtp-auth-organization', result: { state: 'passed' } },
    { check: 'smtp-auth-mailbox', result: { state: 'passed' } },
    { check: 'security-defaults', result: { state: 'passed' } },
    { check: 'test-message', result: { state: 'passed' } },
  ],
};

const chosenPrinter = (id: string, webConfigUrl: string): ChosenPrinter => ({
  id,
  name: 'EPSON ET-2850',
  model: 'EPSON ET-2850',
  vendor: 'epson',
  addresses: ['192.0.2.10'],
  webConfigUrl,
  firmwareVersion: null,
});

const entry = (id: string, address: string, firmwareVersion: string | null = null) =>
  ({
    id,
    name: 'EPSON ET-2850',
    model: 'EPSON ET-2850',
    vendor: 'epson',
    host: address,
    addresses: [address],
    webConfigUrl: `http://${address}/`,
    probe: firmwareVersion ? { firmwareVersion } : null,
  }) as unknown as PrinterEntry;

async function setup(
  options: {
    mail?: () => Promise<MailCheckResult>;
    probe?: (id: string) => Promise<PrinterEntry>;
    wayProof?: WayProofService;
  } = {},
) {
  const store = createProgressStore(mkdtempSync(path.join(os.tmpdir(), 'journey-')), false);
  let saves = 0;
  const counted: ProgressStore = {
    ...store,
    save: (progress) => {
      saves += 1;
      return store.save(progress);
    },
  };
  const progress = await openProgress(counted);
  const runs: CheckRuns[] = [];
  const admitted: (string | null)[] = [];
  const searches: number[] = [];
  const journey = createJourney({
    progress,
    mailCheck: { run: options.mail ?? (async () => passed) },
    tenantChecks: { run: async () => [] },
    ...(options.wayProof ? { wayProof: options.wayProof } : {}),
    discovery: {
      searchAgain: () => {
        searches.push(1);
        return { revision: 1, searching: true, printers: [] } as never;
      },
      probe: options.probe ?? (async (id) => entry(id, '192.0.2.10')),
    },
    onRuns: (next) => runs.push(next),
    admit: (url) => admitted.push(url),
    sleep: async () => undefined,
  });
  return { journey, progress, runs, admitted, searches, saves: () => saves };
}

describe('the journey in main', () => {
  it('puts a passed mail check on the board in one write and keeps its last run', async () => {
    const { journey, progress, runs, saves } = await setup();
    const result = await journey.runMailCheck({ sendTest: true });
    expect(result).toEqual(passed);
    expect(saves()).toBe(1);
    const { checks } = progress.current();
    expect(checks['smtp-login']?.state).toBe('passed');
    expect(checks['test-message']?.state).toBe('passed');
    expect(runs.map((run) => run.mailCheck?.state)).toEqual(['running', 'done']);
    expect(journey.runs().mailCheck).toEqual({
      state: 'done',
      request: { sendTest: true },
      result: passed,
    });
  });

  it('keeps a check that could not be made as failed, with its problem, and passes it on', async () => {
    const { journey, saves } = await setup({
      mail: () => Promise.reject(new ProblemError('signin-not-signed-in')),
    });
    await expect(journey.runMailCheck({ sendTest: false })).rejects.toThrow('signin-not-signed-in');
    expect(journey.runs().mailCheck).toEqual({
      state: 'failed',
      request: { sendTest: false },
      problem: { id: 'signin-not-signed-in' },
    });
    expect(saves()).toBe(0);
  });

  it('keeps the chosen printers with "Printer found", and a probe\'s firmware with its line', async () => {
    const { journey, progress } = await setup({
      probe: async (id) => entry(id, '192.0.2.10', '05.27.XK26P4'),
    });
    await journey.choosePrinters([chosenPrinter('p1', 'http://192.0.2.10/')]);
    expect(progress.current().printers.map((printer) => printer.id)).toEqual(['p1']);
    expect(progress.current().checks['printer-found']).toMatchObject({
      state: 'passed',
      summary: 'EPSON ET-2850',
    });
    await journey.probePrinter('p1');
    expect(progress.current().printers[0]?.firmwareVersion).toBe('05.27.XK26P4');
    expect(progress.current().checks['printer-firmware']).toMatchObject({
      state: 'info',
      summary: 'EPSON ET-2850: 05.27.XK26P4',
      problemId: 'printer-firmware-update',
    });
  });

  it('finds a printer that moved in one call, and keeps and admits its new address', async () => {
    let tries = 0;
    const { journey, progress, admitted, searches, runs } = await setup({
      probe: async (id) => {
        tries += 1;
        if (tries < 2) throw new ProblemError('printer-unknown');
        return entry(id, '192.0.2.99');
      },
    });
    await journey.choosePrinters([chosenPrinter('p1', 'http://192.0.2.10/')]);
    const reach = await journey.checkPrinterReach({ printerId: 'p1', search: true });
    expect(reach).toEqual({ address: '192.0.2.99' });
    expect(searches).toHaveLength(1);
    expect(progress.current().printers[0]?.webConfigUrl).toBe('http://192.0.2.99/');
    expect(admitted).toEqual(['http://192.0.2.99/']);
    expect(runs.map((run) => run.printers['p1']?.state)).toEqual(['running', 'done']);
  });

  it('says a printer that does not answer is gone, named by the address the person knows', async () => {
    const { journey } = await setup({
      probe: () => Promise.reject(new ProblemError('printer-not-answering')),
    });
    await journey.choosePrinters([chosenPrinter('p1', 'http://192.0.2.10/')]);
    await expect(journey.checkPrinterReach({ printerId: 'p1', search: false })).rejects.toThrow(
      'printer-gone',
    );
    expect(journey.runs().printers['p1']).toMatchObject({
      state: 'failed',
      problem: { id: 'printer-gone', data: { address: '192.0.2.10' } },
    });
  });

  it("sums the printers' records on the board", async () => {
    const { journey, progress } = await setup();
    await journey.choosePrinters([
      chosenPrinter('p1', 'http://192.0.2.10/'),
      chosenPrinter('p2', 'http://192.0.2.11/'),
    ]);
    const at = new Date().toISOString();
    await journey.setPrinterRecord('p1', {
      signedIn: { state: 'passed', at },
      answers: {},
      statusSheet: null,
    });
    expect(progress.current().checks['printer-signed-in']).toMatchObject({
      state: 'attention',
      summary: '1/2',
    });
    await expect(
      journey.setPrinterRecord('not-chosen', { signedIn: null, answers: {}, statusSheet: null }),
    ).rejects.toThrow('printer-unknown');
  });

  it('proves a way: the proof in the record and on the board, the last run without the password', async () => {
    const asked: WayProofRequest[] = [];
    const proven: WayProofResult = {
      way: 'hve',
      domain: 'contoso.example',
      server: 'smtp.hve.mx.microsoft:587',
      mxHost: 'contoso-example.mail.protection.outlook.com',
      publicAddress: '203.0.113.7',
      steps: [{ id: 'message', state: 'passed', value: 'megan@contoso.example' }],
      passed: true,
      problem: null,
      testMessage: { to: 'megan@contoso.example', subject: 'Test' },
      at: new Date().toISOString(),
      durationMs: 12,
    };
    const { journey, progress, runs } = await setup({
      wayProof: {
        run: async (request) => {
          asked.push(request);
          return proven;
        },
      },
    });
    await journey.choosePrinters([chosenPrinter('p1', 'http://192.0.2.10/')]);
    await journey.proveSendingWay({
      printerId: 'p1',
      way: 'hve',
      sender: 'scanner@contoso.example',
      recipient: '',
      password: 'typed-once',
    });
    expect(asked[0]?.password).toBe('typed-once');
    const record = progress.current().printerSetup['p1'];
    expect(record?.sendingWay).toMatchObject({
      way: 'hve',
      sender: 'scanner@contoso.example',
      proof: { state: 'passed', publicAddress: '203.0.113.7' },
    });
    expect(progress.current().checks['sending-way']).toMatchObject({
      state: 'passed',
      summary: 'EPSON ET-2850: hve',
    });
    expect(JSON.stringify(runs)).not.toContain('typed-once');
    expect(JSON.stringify(progress.current())).not.toContain('typed-once');
    expect(runs.at(-1)?.wayProofs['p1']?.state).toBe('done');

    // The renderer cannot write a proof: a record it sends keeps main's, or none for a new way.
    const forged = {
      ...(record ?? { signedIn: null, answers: {}, statusSheet: null }),
      sendingWay: {
        way: 'direct-send' as const,
        chosenAt: new Date().toISOString(),
        proof: { state: 'passed' as const, at: new Date().toISOString() },
      },
    };
    await journey.setPrinterRecord('p1', forged);
    expect(progress.current().printerSetup['p1']?.sendingWay?.proof).toBeUndefined();
    expect(progress.current().checks['sending-way']).toMatchObject({ state: 'info' });
  });

  it('keeps a proof that could not be made as failed, with its problem', async () => {
    const { journey, progress, runs } = await setup({
      wayProof: {
        run: async () => {
          throw new ProblemError('way-sender-invalid', { address: 'nope' });
        },
      },
    });
    await journey.choosePrinters([chosenPrinter('p1', 'http://192.0.2.10/')]);
    await expect(
      journey.proveSendingWay({
        printerId: 'p1',
        way: 'direct-send',
        sender: 'nope',
        recipient: '',
      }),
    ).rejects.toThrow('way-sender-invalid');
    expect(progress.current().printerSetup['p1']?.sendingWay?.proof).toMatchObject({
      state: 'failed',
      problemId: 'way-sender-invalid',
    });
    expect(progress.current().checks['sending-way']).toMatchObject({ state: 'failed' });
    expect(runs.at(-1)?.wayProofs['p1']).toMatchObject({
      state: 'failed',
      problem: { id: 'way-sender-invalid' },
    });
  });

  it("records the sign-in's two lines only when they say something new", async () => {
    const { journey, progress, saves } = await setup();
    const status = {
      phase: 'signed-in',
      account: { username: 'admin@contoso.example', role: { state: 'can-consent' } },
    } as never;
    await journey.recordSignIn(status);
    await journey.recordSignIn(status);
    expect(saves()).toBe(1);
    expect(progress.current().checks['signed-in']).toMatchObject({
      state: 'passed',
      summary: 'admin@contoso.example',
    });
    expect(progress.current().checks['consent-role']?.state).toBe('passed');
  });

  it('says truthfully who can consent: an administrator who signed in earlier in this run counts', async () => {
    const { journey, progress } = await setup();
    const signedIn = (username: string, role: string, tenantId = 't1') =>
      ({
        phase: 'signed-in',
        account: { username, tenantId, role: { state: role, roles: [] } },
      }) as never;
    // Only the printer's mailbox so far: it cannot consent, and nobody else is known.
    await journey.recordSignIn(signedIn('scanner@contoso.example', 'cannot-consent'));
    expect(progress.current().checks['consent-role']).toMatchObject({
      state: 'attention',
      problemId: 'consent-role-missing',
    });
    // The administrator signs in (and consents), then the printer's mailbox again.
    await journey.recordSignIn(signedIn('admin@contoso.example', 'can-consent'));
    await journey.recordSignIn(signedIn('scanner@contoso.example', 'cannot-consent'));
    expect(progress.current().checks['consent-role']).toMatchObject({
      state: 'passed',
      summary: 'admin@contoso.example',
    });
    // An administrator of another organization does not count for this one.
    await journey.recordSignIn(signedIn('someone@fabrikam.example', 'cannot-consent', 't2'));
    expect(progress.current().checks['consent-role']?.state).toBe('attention');
  });

  it('keeps who consented for the organization in the account story, beside the way the person chose', async () => {
    const { journey, progress } = await setup();
    const signedIn = (username: string, role: string) =>
      ({
        phase: 'signed-in',
        account: { username, tenantId: 't1', role: { state: role, roles: [] } },
      }) as never;
    await progress.choose({
      printerAccount: { way: 'own-mailbox', mailbox: 'scanner@contoso.example' },
    });
    await journey.recordSignIn(signedIn('megan@contoso.example', 'cannot-consent'));
    expect(progress.current().printerAccount.consentedBy).toBeNull();
    await journey.recordSignIn(signedIn('admin@contoso.example', 'can-consent'));
    await journey.recordSignIn(signedIn('scanner@contoso.example', 'cannot-consent'));
    expect(progress.current().printerAccount).toEqual({
      way: 'own-mailbox',
      mailbox: 'scanner@contoso.example',
      consentedBy: 'admin@contoso.example',
    });
    // A new choice of way keeps who consented: that is main's record, not the page's.
    await progress.choose({ printerAccount: { way: 'administrator', mailbox: null } });
    expect(progress.current().printerAccount.consentedBy).toBe('admin@contoso.example');
  });

  it("keeps a failed sign-in's problem with its values, and marks what it decided out of date", async () => {
    const { journey, progress } = await setup();
    await journey.recordSignIn({
      phase: 'signed-in',
      account: {
        username: 'admin@contoso.example',
        tenantId: 't1',
        role: { state: 'can-consent', roles: [] },
      },
    } as never);
    await journey.runMailCheck({ testAddress: null } as never);
    await journey.recordSignIn({
      phase: 'signed-out',
      account: null,
      problem: { id: 'signin-admin-consent-required', data: { code: 'AADSTS90094' } },
    } as never);
    const checks = progress.current().checks;
    expect(checks['signed-in']).toMatchObject({
      state: 'failed',
      problemId: 'signin-admin-consent-required',
      problemData: { code: 'AADSTS90094' },
    });
    // Not a new claim about consent: the earlier answer is out of date, and so is the login
    // (and what rests on it) made with the account that is no longer signed in.
    expect(checks['consent-role']).toMatchObject({ state: 'passed', stale: true });
    expect(checks['smtp-login']).toMatchObject({ state: 'passed', stale: true });
    expect(checks['test-message']).toMatchObject({ state: 'passed', stale: true });
    expect(checks['smtp-auth-organization']?.stale).toBeUndefined();
  });
});
