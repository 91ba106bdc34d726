/**
 * electron/services/progress-service.ts: progress is read from disk once, kept in memory,
 * written once per change (a change queued behind another writes the newer progress only),
 * announced with a rising revision, and a failed write keeps the change and says so.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProgress } from '../../electron/services/progress-service';
import { createProgressStore, type ProgressStore } from '../../electron/services/progress-store';
import type { ProgressState } from '../../shared/contract/journey';
import { initialProgress } from '../../shared/model';

/** The real store, counting its reads and writes. */
function countingStore() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'progress-service-'));
  const store = createProgressStore(dir, false);
  const counts = { loads: 0, saves: 0 };
  const counted: ProgressStore = {
    file: store.file,
    load: () => {
      counts.loads += 1;
      return store.load();
    },
    save: (progress) => {
      counts.saves += 1;
      return store.save(progress);
    },
  };
  return { store: counted, counts };
}

describe('progress service', () => {
  it('reads the file once, then answers from memory', async () => {
    const { store, counts } = countingStore();
    const progress = await openProgress(store);
    expect(progress.current()).toEqual(initialProgress);
    await progress.choose({ language: 'ca' });
    expect(progress.current().language).toBe('ca');
    expect(counts.loads).toBe(1);
  });

  it('writes once per change, and board entries with their change in the same write', async () => {
    const { store, counts } = countingStore();
    const progress = await openProgress(store, { now: () => new Date('2026-01-02T03:04:05Z') });
    const state = await progress.update(
      (current) => ({ ...current, step: 'verify-tenant' }),
      [
        { check: 'smtp-login', result: { state: 'passed', summary: 'a@b.example' } },
        { check: 'test-message', result: { state: 'passed' } },
      ],
    );
    expect(counts.saves).toBe(1);
    expect(state.revision).toBe(1);
    const onDisk = JSON.parse(readFileSync(store.file, 'utf8')) as typeof initialProgress;
    expect(onDisk.step).toBe('verify-tenant');
    expect(onDisk.visited).toEqual(['welcome', 'verify-tenant']);
    expect(onDisk.checks['smtp-login']).toEqual({
      state: 'passed',
      summary: 'a@b.example',
      at: '2026-01-02T03:04:05.000Z',
    });
    // Nothing to record is no change at all.
    await progress.record([]);
    expect(counts.saves).toBe(1);
  });

  it('announces every change with a rising revision, before it is on disk', async () => {
    const { store } = countingStore();
    const progress = await openProgress(store);
    const seen: ProgressState[] = [];
    progress.onChange((state) => seen.push(state));
    const first = progress.choose({ cloud: 'china' });
    const second = progress.choose({ accountKind: 'personal' });
    expect(seen.map((state) => state.revision)).toEqual([1, 2]);
    await Promise.all([first, second]);
    const onDisk = JSON.parse(readFileSync(store.file, 'utf8')) as typeof initialProgress;
    expect(onDisk).toMatchObject({ cloud: 'china', accountKind: 'personal' });
  });

  it('writes only the newest of changes made while a write waits', async () => {
    const { store, counts } = countingStore();
    const progress = await openProgress(store);
    await Promise.all([
      progress.choose({ language: 'en' }),
      progress.choose({ language: 'uk' }),
      progress.choose({ language: 'ms' }),
    ]);
    // Made in one go, before the first write started: one write, of the newest.
    expect(counts.saves).toBe(1);
    expect((await createProgressStore(path.dirname(store.file), false).load()).language).toBe('ms');
  });

  it('refuses what the schema refuses, and keeps memory as it was', async () => {
    const { store } = countingStore();
    const progress = await openProgress(store);
    expect(() => progress.replace({ ...initialProgress, step: 'nowhere' as never })).toThrow();
    expect(progress.current()).toEqual(initialProgress);
    expect(progress.state().revision).toBe(0);
  });

  it('keeps a change whose write failed, says so, and clears it when a write works', async () => {
    // Failed through the store, not the folder's rights (root writes anywhere).
    const { store } = countingStore();
    let failing = true;
    const flaky: ProgressStore = {
      ...store,
      save: (progress) => (failing ? Promise.reject(new Error('disk full')) : store.save(progress)),
    };
    const progress = await openProgress(flaky);
    const seen: ProgressState[] = [];
    progress.onChange((state) => seen.push(state));
    const failed = await progress.choose({ language: 'uk' });
    expect(failed.progress.language).toBe('uk');
    expect(failed.saveProblem?.id).toBe('progress-not-saved');
    expect(seen.at(-1)?.saveProblem?.id).toBe('progress-not-saved');
    failing = false;
    const saved = await progress.choose({ language: 'ca' });
    expect(saved.saveProblem).toBeNull();
    expect(seen.at(-1)?.saveProblem).toBeNull();
  });
});
