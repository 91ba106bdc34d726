/**
 * renderer/store/wizard-store.ts: the renderer's one store shows progress as main pushes it
 * (the higher revision wins, whichever way replies and events cross), shows an intent at once
 * and then main's answer, sends every intent as one request (never a whole progress), and
 * keeps quick successive choices from losing one another.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressState } from '../../shared/contract/journey';
import { initialProgress, type Progress } from '../../shared/model';
import type { ChosenPrinter } from '../../shared/printers';
import type { useWizard as UseWizard } from '../../renderer/store/wizard-store';
import { createFakeClient, settle } from './support/fake-client';

let useWizard: typeof UseWizard;

beforeEach(async () => {
  // A store of its own per test (the module holds one).
  vi.resetModules();
  ({ useWizard } = await import('../../renderer/store/wizard-store'));
});

const stateAt = (revision: number, progress: Partial<Progress> = {}): ProgressState => ({
  progress: { ...initialProgress, ...progress },
  revision,
  saveProblem: null,
});

const printer = (id: string): ChosenPrinter => ({
  id,
  name: id,
  model: null,
  vendor: 'other',
  addresses: [],
  webConfigUrl: null,
  firmwareVersion: null,
});

/** A started store, its progress at `revision` 3. */
async function started() {
  const fake = createFakeClient();
  const starting = useWizard.getState().start(fake.client);
  await settle();
  fake.take('getAppInfo').answer({ practice: true });
  fake.take('getProgressState').answer(stateAt(3));
  await starting;
  return fake;
}

const progress = () => {
  const { state } = useWizard.getState();
  if (state.phase !== 'ready') throw new Error('not ready');
  return state;
};

describe('the wizard store', () => {
  it("is ready with main's progress, and unreachable when main cannot answer", async () => {
    await started();
    expect(progress().progress).toEqual(initialProgress);
    expect(progress().revision).toBe(3);

    vi.resetModules();
    ({ useWizard } = await import('../../renderer/store/wizard-store'));
    const fake = createFakeClient();
    const starting = useWizard.getState().start(fake.client);
    await settle();
    fake.take('getAppInfo').answer({ practice: true });
    fake.take('getProgressState').refuse('main-unreachable');
    await starting;
    expect(useWizard.getState().state).toEqual({
      phase: 'unreachable',
      problem: { id: 'main-unreachable' },
    });
  });

  it("asks at start only what the first screen fills in, the later steps' values once main's progress is in", async () => {
    const fake = createFakeClient();
    const starting = useWizard.getState().start(fake.client);
    await settle();
    expect(fake.requests.map((request) => request.method).sort()).toEqual([
      'getAppInfo',
      'getProgressState',
    ]);
    fake.take('getAppInfo').answer({ practice: false });
    fake.take('getProgressState').answer(stateAt(3));
    await starting;
    await settle();
    for (const method of ['getSignInStatus', 'getExchangeSetup', 'getCheckRuns'] as const) {
      expect(fake.asked(method)).toHaveLength(1);
    }
    fake.take('getSignInStatus').answer({ phase: 'signed-out', problem: null });
    await settle();
    expect(useWizard.getState().main.signIn.status).toBe('ready');
  });

  it('keeps the newer progress whichever way events and replies cross', async () => {
    const fake = await started();
    fake.push({ name: 'progress-changed', data: stateAt(5, { step: 'sign-in' }) });
    expect(progress().progress.step).toBe('sign-in');
    // An older state arriving late (a reply that travelled longer) is not shown.
    fake.push({ name: 'progress-changed', data: stateAt(4, { step: 'welcome' }) });
    expect(progress().progress.step).toBe('sign-in');
    fake.push({
      name: 'progress-changed',
      data: { ...stateAt(6, { step: 'sign-in' }), saveProblem: { id: 'progress-not-saved' } },
    });
    expect(progress().saveProblem).toEqual({ id: 'progress-not-saved' });
  });

  it("draws before main answers: a new journey, the app info as it comes, then main's progress", async () => {
    const fake = createFakeClient();
    const starting = useWizard.getState().start(fake.client);
    // Nothing answered yet: a new journey's progress to draw, no app info.
    expect(useWizard.getState().state).toEqual({
      phase: 'starting',
      progress: initialProgress,
      appInfo: null,
    });
    // A click before main answers shows at once and goes to main as an intent.
    useWizard.getState().choose({ accountKind: 'personal' });
    expect(useWizard.getState().state).toMatchObject({
      phase: 'starting',
      progress: { accountKind: 'personal' },
    });
    await settle();
    expect(fake.take('setChoices').params).toEqual({ accountKind: 'personal' });
    // The app info is kept as soon as it comes, before the progress.
    fake.take('getAppInfo').answer({ practice: true });
    await settle();
    expect(useWizard.getState().state).toMatchObject({
      phase: 'starting',
      appInfo: { practice: true },
    });
    expect(fake.asked('getPracticeSettings')).toHaveLength(1);
    // Main's saved progress: another step current, the intent still shown on top.
    fake.take('getProgressState').answer(stateAt(3, { step: 'sign-in' }));
    await starting;
    expect(progress().progress).toMatchObject({ step: 'sign-in', accountKind: 'personal' });
    fake.take('setChoices').answer(stateAt(4, { step: 'sign-in', accountKind: 'personal' }));
    await settle();
    expect(progress().revision).toBe(4);
  });

  it('takes an event that came before the start answer, when it is newer', async () => {
    const fake = createFakeClient();
    const starting = useWizard.getState().start(fake.client);
    await settle();
    fake.push({ name: 'progress-changed', data: stateAt(9, { step: 'done' }) });
    fake.take('getAppInfo').answer({ practice: false });
    fake.take('getProgressState').answer(stateAt(8, { step: 'welcome' }));
    await starting;
    expect(progress().progress.step).toBe('done');
  });

  it('shows a step at once, sends one intent, then shows what main answered', async () => {
    const fake = await started();
    useWizard.getState().goTo('verify-tenant');
    expect(progress().progress.step).toBe('verify-tenant');
    expect(progress().progress.visited).toContain('verify-tenant');
    const sent = fake.take('goToStep');
    expect(sent.params).toEqual({ step: 'verify-tenant' });
    expect(fake.asked('setPracticeProgress')).toHaveLength(0);
    sent.answer(stateAt(4, { step: 'verify-tenant', visited: ['welcome', 'verify-tenant'] }));
    await settle();
    expect(progress().revision).toBe(4);
  });

  it('drops what it showed for an intent main refused', async () => {
    const fake = await started();
    useWizard.getState().choose({ cloud: 'china' });
    expect(progress().progress.cloud).toBe('china');
    fake.take('setChoices').refuse('request-malformed');
    await settle();
    expect(progress().progress.cloud).toBe('global');
  });

  it('keeps an intent on its way shown over an older event', async () => {
    const fake = await started();
    useWizard.getState().choose({ language: 'uk' });
    fake.push({ name: 'progress-changed', data: stateAt(4, { step: 'sign-in' }) });
    expect(progress().progress).toMatchObject({ language: 'uk', step: 'sign-in' });
    fake.take('setChoices').answer(stateAt(5, { step: 'sign-in', language: 'uk' }));
    await settle();
    expect(progress().progress).toMatchObject({ language: 'uk', step: 'sign-in' });
  });

  it('runs a check as one request and leaves the board to main', async () => {
    const fake = await started();
    await settle();
    const before = fake.requests.length;
    const running = useWizard.getState().runMailCheck({ sendTest: true });
    await settle();
    fake.take('runMailCheck').answer({ passed: true });
    expect(await running).toEqual({ ok: true, value: { passed: true } });
    // The board and the last run come as pushed events: nothing else is asked or saved.
    fake.push({ name: 'progress-changed', data: stateAt(4) });
    await settle();
    expect(fake.requests.slice(before).map((request) => request.method)).toEqual(['runMailCheck']);
  });

  it('chooses printers one after another, so quick ticks all count', async () => {
    const fake = await started();
    const first = useWizard.getState().choosePrinter('a', true);
    const second = useWizard.getState().choosePrinter('b', true);
    await settle();
    // The second waits for the first: it starts from the list main answered to it.
    expect(fake.asked('choosePrinters')).toHaveLength(1);
    fake.take('choosePrinters').answer([printer('a')]);
    await settle();
    expect(fake.asked('choosePrinters')).toHaveLength(2);
    expect(fake.take('choosePrinters').params).toEqual({ ids: ['a', 'b'] });
    fake.take('choosePrinters').answer([printer('a'), printer('b')]);
    expect(await first).toBeNull();
    expect(await second).toBeNull();
  });

  it("keeps both of two quick changes to a printer's record", async () => {
    const fake = await started();
    fake.push({
      name: 'progress-changed',
      data: stateAt(4, { printers: [printer('a')] }),
    });
    const { updatePrinterRecord } = useWizard.getState();
    void updatePrinterRecord('a', (record) => ({
      ...record,
      answers: { ...record.answers, server: 'yes' },
    }));
    void updatePrinterRecord('a', (record) => ({
      ...record,
      answers: { ...record.answers, port: 'yes' },
    }));
    // Both show at once.
    expect(progress().progress.printerSetup['a']?.answers).toEqual({ server: 'yes', port: 'yes' });
    await settle();
    const first = fake.take('setPrinterRecord');
    expect(fake.asked('setPrinterRecord')).toHaveLength(1);
    first.answer(stateAt(5, { printers: [printer('a')] }));
    await settle();
    const second = fake.take('setPrinterRecord');
    expect(second.params).toMatchObject({
      printerId: 'a',
      record: { answers: { server: 'yes', port: 'yes' } },
    });
  });
});
