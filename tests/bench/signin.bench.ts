/**
 * Sign-in poll behaviour: from approval on the practice page (the moment the practice tenant
 * records the consent) to the wizard announcing "signed in" (the `signin-changed` event the
 * page receives), median of 10, and the polls each sign-in made. Uses the real host in practice
 * mode (practice tenant interval 2 s, like `--demo`). Prints one JSON object as the last line.
 *
 * Run: npx tsx tests/bench/signin.bench.ts
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWizardHost } from '../../electron/host';
import {
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import type { SignInStatus } from '../../shared/contract/signin';
import { approveOnPage, memoryStore } from '../support/practice-signin';
import { median } from './support';

const runs = 10;

function summary(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: Math.round(median(values)),
    min: Math.round(sorted[0] ?? 0),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}

async function main(): Promise<void> {
  const host = await createWizardHost({
    shell: 'browser',
    practice: true,
    version: 'bench',
    configDir: mkdtempSync(path.join(os.tmpdir(), 'signin-bench-')),
    secretStore: memoryStore(),
    openExternal: async () => 'page',
    log: () => {},
  });
  const tenant = host.practice?.part<PracticeTenant>(practiceTenantPartName);
  if (!tenant) throw new Error('no practice tenant');
  const latencies: number[] = [];
  const polls: number[] = [];
  let interval = 0;
  for (let run = 0; run < runs; run += 1) {
    await host.dispatch('signOut', {});
    const started = await host.dispatch('startSignIn', {});
    if (!started.ok) throw new Error(JSON.stringify(started.problem));
    const prompt = (started.value as SignInStatus).prompt;
    if (!prompt) throw new Error('no code');
    interval = prompt.intervalSeconds;
    const signedIn = new Promise<number>((resolve) => {
      const stop = host.onEvent((event) => {
        if (event.name === 'signin-changed' && event.data.phase === 'signed-in') {
          stop();
          resolve(performance.timeOrigin + performance.now());
        }
      });
    });
    // Approve at a random point of the poll cycle, as a person would.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * interval * 1000));
    await approveOnPage(tenant.pageOrigin, prompt.userCode);
    const shownAt = await signedIn;
    const stats = tenant.stats(prompt.userCode);
    if (!stats?.approvedAt) throw new Error('not approved');
    latencies.push(shownAt - stats.approvedAt);
    polls.push(stats.polls.length);
  }
  await host.close();
  const result = {
    bench: 'signin',
    runs,
    pollIntervalSeconds: interval,
    approvalToSignedInMs: summary(latencies),
    pollsPerSignIn: summary(polls),
    samplesMs: latencies.map(Math.round),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
