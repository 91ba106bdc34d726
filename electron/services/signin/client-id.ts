/**
 * Which Microsoft app (client ID) the wizard signs in with. Never hard-coded: the settings
 * screen (saved in settings.json, not a secret), then WIZARD_CLIENT_ID, then a value baked in
 * at packaging (package.json `wizardClientId`, e.g. electron-builder
 * `-c.extraMetadata.wizardClientId=<id>`). The practice world brings its own practice app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isClientId, type ClientIdInfo } from '../../../shared/contract/signin';
import { ProblemError, systemErrorCode } from '../../common/problem-error';

export interface ClientIdStore {
  info(): Promise<ClientIdInfo>;
  save(clientId: string | null): Promise<ClientIdInfo>;
}

export interface ClientIdOptions {
  configDir: string;
  environment?: string | undefined;
  packaged?: string | undefined;
  /** The practice tenant's own app; used instead of the others in practice mode. */
  practice?: string | undefined;
}

const settingsSchema = z.object({ clientId: z.string().max(64).nullable().optional() }).strip();

export function createClientIdStore(options: ClientIdOptions): ClientIdStore {
  const file = path.join(options.configDir, 'settings.json');
  const valid = (value: string | undefined | null): string | null =>
    value && isClientId(value) ? value.trim().toLowerCase() : null;

  const readSaved = async (): Promise<string | null> => {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? valid(parsed.data.clientId) : null;
    } catch {
      return null;
    }
  };

  const info = async (): Promise<ClientIdInfo> => {
    const saved = await readSaved();
    if (options.practice) return { value: options.practice, source: 'practice', saved };
    if (saved) return { value: saved, source: 'settings', saved };
    const environment = valid(options.environment);
    if (environment) return { value: environment, source: 'environment', saved };
    const packaged = valid(options.packaged);
    if (packaged) return { value: packaged, source: 'packaged', saved };
    return { value: null, source: null, saved };
  };

  return {
    info,
    async save(clientId) {
      if (clientId !== null && !isClientId(clientId)) {
        throw new ProblemError('signin-client-id-invalid', { value: clientId.slice(0, 64) });
      }
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await fs.mkdir(options.configDir, { recursive: true, mode: 0o700 });
        const body = { clientId: clientId === null ? null : clientId.trim().toLowerCase() };
        await fs.writeFile(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
        await fs.rename(temporary, file);
      } catch (error) {
        // The clean-up may fail the same way (a folder that is a file): the save's problem stands.
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        // The system's error code only (EACCES, ENOSPC…): a message would carry a path.
        throw new ProblemError('signin-client-id-not-saved', { code: systemErrorCode(error) });
      }
      return info();
    },
  };
}
