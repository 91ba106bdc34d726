/**
 * Writes an exported report: to a temporary file beside the target, then renamed over it, so a
 * place that cannot be written (or a disk that fills up) never leaves half a report behind.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProblemError } from '../common/problem-error';

export async function writeReportFile(target: string, data: string | Uint8Array): Promise<string> {
  const resolved = path.resolve(target);
  const temporary = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await fs.writeFile(temporary, data, { mode: 0o644, flag: 'wx' });
    await fs.rename(temporary, resolved);
    return resolved;
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw new ProblemError('report-not-saved', {
      path: resolved,
      detail:
        error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? 'failed') : 'failed',
    });
  }
}
