/**
 * Issue 11 finding 4: one transient failure of the token endpoint in the middle of polling must
 * not end (or silently stall) a sign-in. 503 and 429 with Retry-After, a dropped connection and
 * an answer slower than the deadline are each ridden out with the same code; a server that stays
 * busy is reported (signin-service-busy) with a way to try again; the refresh on start rides out
 * the same trouble and keeps the remembered sign-in when it cannot.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { PracticeSwitchValue } from '../../shared/practice';
import { approveOnPage, startSignInRig, type SignInRig } from '../support/practice-signin';

const configDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'signin-transient-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let rig: SignInRig | null = null;

afterEach(async () => {
  await rig?.stop();
  rig = null;
});

async function waitForPolls(current: SignInRig, userCode: string, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((current.tenant.stats(userCode)?.polls.length ?? 0) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} polls`);
    await sleep(20);
  }
}

/** A rig whose polls come every 0.2 s, with a 1 s deadline and a 2.5 s slow answer. */
const transientRig = (scenario: PracticeSwitchValue<'tenant'>) =>
  startSignInRig({
    configDir: configDir(),
    tenant: { interval: 0.2, slowAnswerMs: 2500 },
    networkTimeoutMs: 1000,
    initial: { tenant: scenario },
  });

describe('transient trouble in the middle of polling', () => {
  const once: PracticeSwitchValue<'tenant'>[] = [
    'busy-once',
    'throttled-once',
    'connection-dropped-once',
    'slow-once',
  ];
  test.each(once)('%s: the same code still signs in', async (scenario) => {
    rig = await transientRig(scenario);
    const started = await rig.service.start();
    const userCode = started.prompt?.userCode ?? '';
    expect(userCode).not.toBe('');
    // The trouble hits the second poll; approve once the wizard is past it.
    await waitForPolls(rig, userCode, 3);
    await approveOnPage(rig.tenant.pageOrigin, userCode);
    const done = await rig.waitFor((status) => status.phase !== 'waiting', 15_000);
    expect(done.problem).toBeNull();
    expect(done.phase).toBe('signed-in');
    expect(done.account?.username).toBe('admin@contoso.example');
    // Never a second code: the person's code kept working throughout.
    const codes = new Set(rig.statuses.map((status) => status.prompt?.userCode).filter(Boolean));
    expect([...codes]).toEqual([userCode]);
    expect(rig.tenant.stats(userCode)?.state).toBe('approved');
  });

  test('503 that does not pass: the wizard stops waiting and says so, and trying again works', async () => {
    rig = await transientRig('busy');
    const started = await rig.service.start();
    const userCode = started.prompt?.userCode ?? '';
    const ended = await rig.waitFor((status) => status.phase !== 'waiting', 15_000);
    expect(ended.phase).toBe('signed-out');
    expect(ended.problem).toMatchObject({ id: 'signin-service-busy', data: { status: '503' } });
    // It waited as asked (Retry-After: 1) a bounded number of times, then stopped polling.
    const polls = rig.tenant.stats(userCode)?.polls ?? [];
    expect(polls.length).toBeGreaterThanOrEqual(4);
    expect(polls.length).toBeLessThanOrEqual(6);
    await sleep(1500);
    expect(rig.tenant.stats(userCode)?.polls.length).toBe(polls.length);

    rig.world.set('tenant', 'normal');
    const again = await rig.service.start();
    expect(again.phase).toBe('waiting');
    await approveOnPage(rig.tenant.pageOrigin, again.prompt?.userCode ?? '');
    expect((await rig.waitFor((status) => status.phase !== 'waiting')).phase).toBe('signed-in');
  });
});

describe('the refresh on start', () => {
  async function signedInThenRestart(scenario: PracticeSwitchValue<'tenant'>) {
    rig = await transientRig('normal');
    const started = await rig.service.start();
    await approveOnPage(rig.tenant.pageOrigin, started.prompt?.userCode ?? '');
    await rig.waitFor((status) => status.phase === 'signed-in');
    await rig.service.close();
    rig.world.set('tenant', scenario);
    return rig.newService(rig.store);
  }

  test('a dropped connection on the refresh is ridden out', async () => {
    const restarted = await signedInThenRestart('connection-dropped-once');
    const status = await restarted.status();
    expect(status.problem).toBeNull();
    expect(status.phase).toBe('signed-in');
    await restarted.close();
  });

  test('a refresh that stays busy keeps the remembered sign-in for the next start', async () => {
    const restarted = await signedInThenRestart('busy');
    const status = await restarted.status();
    expect(status.phase).toBe('signed-out');
    expect(status.problem?.id).toBe('signin-service-busy');
    await restarted.close();
    rig?.world.set('tenant', 'normal');
    const later = rig?.newService(rig.store);
    expect((await later?.status())?.phase).toBe('signed-in');
    await later?.close();
  });
});
