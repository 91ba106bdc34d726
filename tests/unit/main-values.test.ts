/**
 * renderer/store/main-values.ts: what main owns, as the renderer knows it. Asks made while one
 * is on its way share its answer; a pushed value that arrives while an ask travels wins over
 * the (older) answer; of two printer lists the newer revision stays; a refusal reads as failed.
 */
import { describe, expect, it } from 'vitest';
import { createMainValues, type MainState } from '../../renderer/store/main-values';
import type { DiscoverySnapshot } from '../../shared/printers';
import { createFakeClient, settle } from './support/fake-client';

function setup() {
  const fake = createFakeClient();
  let main: MainState;
  const changed: string[] = [];
  const values = createMainValues({
    readMain: () => main,
    writeMain: (next) => {
      main = next;
    },
    client: () => fake.client,
    practiceRun: () => true,
    changed: (key) => changed.push(key),
  });
  main = values.initial;
  return { fake, values, read: () => main, changed };
}

const snapshot = (revision: number, names: string[]): DiscoverySnapshot =>
  ({ revision, searching: false, printers: names.map((name) => ({ id: name, name })) }) as never;

describe('main values', () => {
  it('starts every value as loading, never as "none"', () => {
    const { read } = setup();
    expect(Object.values(read()).every((value) => value.status === 'loading')).toBe(true);
  });

  it('shares one request among asks made while it is on its way', async () => {
    const { fake, values, read } = setup();
    const first = values.fresh('exchangeSetup');
    const second = values.fresh('exchangeSetup');
    await settle();
    expect(fake.asked('getExchangeSetup')).toHaveLength(1);
    fake.take('getExchangeSetup').answer({ smtpHost: 'smtp.office365.com' });
    expect(await first).toEqual(await second);
    expect(read().exchangeSetup).toEqual({
      status: 'ready',
      value: { smtpHost: 'smtp.office365.com' },
    });
  });

  it('keeps a value pushed while an ask travels, not the older answer', async () => {
    const { fake, values, read } = setup();
    const asked = values.fresh('signIn');
    await settle();
    values.receive({ name: 'signin-changed', data: { phase: 'signed-in', pushed: true } as never });
    fake.take('getSignInStatus').answer({ phase: 'signed-out', problem: null });
    const answer = await asked;
    expect(answer).toEqual({ status: 'ready', value: { phase: 'signed-in', pushed: true } });
    expect(read().signIn).toEqual(answer);
  });

  it('keeps the newer of two printer lists, whichever arrives last', async () => {
    const { fake, values, read } = setup();
    const asked = values.fresh('printers');
    await settle();
    values.accept('printers', snapshot(5, ['new']));
    fake.take('startDiscovery').answer(snapshot(3, ['old']));
    await asked;
    expect(read().printers).toEqual({ status: 'ready', value: snapshot(5, ['new']) });
    // An older list pushed late does not undo a newer one either.
    values.receive({ name: 'printers-changed', data: snapshot(4, ['late']) });
    expect(read().printers).toEqual({ status: 'ready', value: snapshot(5, ['new']) });
  });

  it("reads a refused ask as failed, with main's problem", async () => {
    const { fake, values, read } = setup();
    const asked = values.fresh('testWatches');
    await settle();
    fake.take('getTestWatches').refuse('main-unreachable');
    await asked;
    expect(read().testWatches).toEqual({
      status: 'failed',
      problem: { id: 'main-unreachable' },
    });
  });

  it('feeds each value from its own event, and says which changed', () => {
    const { values, read, changed } = setup();
    values.receive({ name: 'check-runs-changed', data: { mailCheck: null } as never });
    values.receive({ name: 'exchange-setup-changed', data: { personal: true } as never });
    expect(read().checkRuns).toEqual({ status: 'ready', value: { mailCheck: null } });
    expect(read().exchangeSetup).toEqual({ status: 'ready', value: { personal: true } });
    expect(changed).toEqual(['checkRuns', 'exchangeSetup']);
  });
});
