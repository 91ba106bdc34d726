/**
 * Types to the edges: no raw exception text crosses the contract. A keychain failure reaches
 * the About dialog as a support code, a client-ID save failure as its own problem with the
 * system's error code only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { KeychainError, supportCode } from '../../electron/services/keychain';
import { createClientIdStore } from '../../electron/services/signin/client-id';

it('a keychain failure crosses as a D-Bus name, a system code or its kind, never its words', () => {
  expect(
    supportCode(
      new KeychainError(
        'no-service',
        'The name org.freedesktop.secrets was not provided by any .service files',
      ),
    ),
  ).toBe('org.freedesktop.secrets');
  expect(supportCode(new KeychainError('failed', 'open /home/ana/.keyring: EACCES'))).toBe(
    'EACCES',
  );
  expect(
    supportCode(new KeychainError('locked', 'Cannot create an item in a locked collection')),
  ).toBe('keychain-locked');
});

it('a client ID that cannot be written is its own problem, with the system code only', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'client-id-'));
  const notAFolder = path.join(folder, 'file');
  writeFileSync(notAFolder, 'x');
  const store = createClientIdStore({ configDir: notAFolder });
  const failure = await store.save('00000000-0000-0000-0000-000000000001').catch((error) => error);
  expect(failure.problem.id).toBe('signin-client-id-not-saved');
  expect(failure.problem.data.code).toMatch(/^E[A-Z]+$/);
  expect(JSON.stringify(failure.problem)).not.toContain(folder);
});
