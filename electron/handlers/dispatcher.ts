/**
 * Turns one untrusted request (method name + parameters, from either shell) into a reply.
 * Malformed requests get a problem reply; a service's ProblemError becomes its problem; any
 * other failure is logged here (never sent to the renderer as raw text) and answered with a
 * reference the user can quote to support.
 */
import { randomBytes } from 'node:crypto';
import { isWizardMethod, type Reply } from '../../shared/contract';
import { problem } from '../../shared/problem';
import type { Handler, HandlerTable } from './table';
import { ProblemError } from '../common/problem-error';
import { redact } from '../common/redact';

export type Dispatch = (method: unknown, params: unknown) => Promise<Reply<unknown>>;

export interface DispatcherOptions {
  log?: (line: string) => void;
}

export function createDispatcher(table: HandlerTable, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return async (method, params) => {
    if (!isWizardMethod(method)) {
      return {
        ok: false,
        problem: problem('request-unknown-method', { method: String(method).slice(0, 64) }),
      };
    }
    const handler = table[method] as unknown as Handler<typeof method>;
    const parsed = handler.params.safeParse(params ?? {});
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      return { ok: false, problem: problem('request-malformed', { method, field: where }) };
    }
    try {
      return { ok: true, value: await handler.run(parsed.data as never) };
    } catch (error) {
      if (error instanceof ProblemError) return { ok: false, problem: error.problem };
      const reference = randomBytes(4).toString('hex');
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log(`[wizard] ${method} failed (ref ${reference}): ${redact(detail).slice(0, 500)}`);
      return { ok: false, problem: problem('request-failed', { method, reference }) };
    }
  };
}
