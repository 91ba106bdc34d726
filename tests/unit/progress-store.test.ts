import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressStore } from '../../electron/services/progress-store';
import { ProblemError } from '../../electron/common/problem-error';
import { initialProgress, type Progress } from '../../shared/model';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'progress-'));

describe('progress store', () => {
  it('starts at the beginning and remembers what was saved, in its own file per mode', async () => {
    const dir = tempDir();
    const real = createProgressStore(dir, false);
    const practice = createProgressStore(dir, true);
    expect(await real.load()).toEqual(initialProgress);
    const saved: Progress = {
      ...initialProgress,
      step: 'sign-in',
      visited: ['welcome', 'sign-in'],
      language: 'uk',
    };
    await real.save(saved);
    expect(await createProgressStore(dir, false).load()).toEqual(saved);
    expect(await practice.load()).toEqual(initialProgress);
  });

  it('keeps visited steps in journey order and always includes the current one', async () => {
    const store = createProgressStore(tempDir(), false);
    const saved = await store.save({
      ...initialProgress,
      step: 'done',
      visited: ['sign-in', 'welcome'],
    });
    expect(saved.visited).toEqual(['welcome', 'sign-in', 'done']);
  });

  it('refuses unknown fields, so nothing secret can be persisted by accident', async () => {
    const store = createProgressStore(tempDir(), false);
    await expect(
      store.save({ ...initialProgress, refreshToken: 'x' } as Progress),
    ).rejects.toThrow();
  });

  it("keeps the person's word that a printer's email settings have no OAuth 2.0, and older files without it", async () => {
    const dir = tempDir();
    const store = createProgressStore(dir, false);
    const record = { signedIn: null, answers: {}, statusSheet: null };
    const printer = {
      id: 'uuid:1',
      name: 'EPSON ET-2850 Series',
      model: 'EPSON ET-2850 Series',
      vendor: 'epson' as const,
      addresses: ['192.0.2.5'],
      webConfigUrl: null,
      firmwareVersion: '05.27.XK26P4',
    };
    const saved: Progress = {
      ...initialProgress,
      printers: [printer],
      printerSetup: { 'uuid:1': { ...record, noOauthInEmailSettings: true } },
    };
    await store.save(saved);
    expect((await createProgressStore(dir, false).load()).printerSetup['uuid:1']).toEqual({
      ...record,
      noOauthInEmailSettings: true,
    });
    // A file from before the overrule existed still loads as it was.
    const older = { ...initialProgress, printers: [printer], printerSetup: { 'uuid:1': record } };
    writeFileSync(store.file, JSON.stringify(older));
    expect(await store.load()).toEqual(older);
    // Only a yes or no is kept there.
    await expect(
      store.save({
        ...saved,
        printerSetup: { 'uuid:1': { ...record, noOauthInEmailSettings: 'yes' } },
      } as unknown as Progress),
    ).rejects.toThrow();
  });

  it('falls back to the start on a damaged or foreign file', async () => {
    const dir = tempDir();
    const store = createProgressStore(dir, false);
    writeFileSync(store.file, '{not json');
    expect(await store.load()).toEqual(initialProgress);
    writeFileSync(store.file, JSON.stringify({ ...initialProgress, token: 'x' }));
    expect(await store.load()).toEqual(initialProgress);
  });

  it('writes a private file and says so plainly when it cannot write', async () => {
    const dir = tempDir();
    const store = createProgressStore(dir, false);
    await store.save(initialProgress);
    expect(readFileSync(store.file, 'utf8')).toContain('"step": "welcome"');
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o500);
      await expect(store.save(initialProgress)).rejects.toBeInstanceOf(ProblemError);
    }
    const blocked = createProgressStore(path.join(store.file, 'below-a-file'), false);
    const failure: unknown = await blocked.save(initialProgress).catch((error: unknown) => error);
    // The system's code only: its message names the user's folders, which stay on this side.
    expect(failure).toMatchObject({
      problem: { id: 'progress-not-saved', data: { code: 'ENOTDIR' } },
    });
    expect(JSON.stringify((failure as ProblemError).problem)).not.toContain(dir);
  });
});
