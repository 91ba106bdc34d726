/**
 * "Prove this way" (shared/contract/ways.ts): parameters checked here, the journey runs it and
 * keeps its last run and the proof in the printer's record. The password is bounded and passed
 * through to the one login; nothing here keeps or logs it.
 */
import { z } from 'zod';
import type { WaysApi } from '../../shared/contract/ways';
import { provableWays } from '../../shared/sending-ways';
import type { Journey } from '../services/journey';
import type { Handler } from './table';

type WaysHandlers = { [M in keyof WaysApi]: Handler<M> };

export function createWaysHandlers(services: { journey: Journey }): WaysHandlers {
  return {
    proveSendingWay: {
      params: z
        .object({
          printerId: z.string().min(1).max(300),
          way: z.enum(provableWays),
          sender: z.string().max(320),
          recipient: z.string().max(320),
          password: z.string().min(1).max(256).optional(),
        })
        .strict(),
      run: (request) => services.journey.proveSendingWay(request),
    },
  };
}
