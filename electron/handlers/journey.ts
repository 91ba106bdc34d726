/**
 * Handlers for the journey's intents (shared/contract/journey.ts): go to a step, make a
 * choice, keep a printer's record, check that a printer still answers. Progress and the board
 * change in main only; every change reaches the renderer as `progress-changed`.
 */
import { z } from 'zod';
import type { JourneyApi } from '../../shared/contract/journey';
import {
  accountKinds,
  journeySteps,
  microsoftClouds,
  printerAccountWays,
  supportedLanguages,
} from '../../shared/model';
import type { Handler } from './table';
import { noParams } from './params';
import type { Journey } from '../services/journey';
import type { ProgressService } from '../services/progress-service';
import { printerSetupSchema } from '../services/progress-store';

export interface JourneyServices {
  progress: ProgressService;
  journey: Journey;
}

type JourneyHandlers = { [M in keyof JourneyApi]: Handler<M> };

const printerId = z.string().min(1).max(300);

export function createJourneyHandlers(services: JourneyServices): JourneyHandlers {
  const { progress, journey } = services;
  return {
    getProgressState: { params: noParams, run: async () => progress.state() },
    goToStep: {
      params: z.object({ step: z.enum(journeySteps) }).strict(),
      run: ({ step }) =>
        progress.update((current) => ({
          ...current,
          step,
          visited: current.visited.includes(step) ? current.visited : [...current.visited, step],
        })),
    },
    setChoices: {
      params: z
        .object({
          language: z.enum(supportedLanguages).nullable().optional(),
          accountKind: z.enum(accountKinds).optional(),
          cloud: z.enum(microsoftClouds).optional(),
          printerAccount: z
            .object({
              way: z.enum(printerAccountWays).nullable(),
              mailbox: z.string().max(254).nullable(),
            })
            .strict()
            .optional(),
        })
        .strict() as z.ZodType<JourneyApi['setChoices']['params']>,
      run: (choices) => progress.choose(choices),
    },
    setPrinterRecord: {
      params: z.object({ printerId, record: printerSetupSchema }).strict(),
      run: ({ printerId: id, record }) => journey.setPrinterRecord(id, record),
    },
    getCheckRuns: { params: noParams, run: async () => journey.runs() },
    checkPrinterReach: {
      params: z.object({ printerId, search: z.boolean() }).strict(),
      run: (request) => journey.checkPrinterReach(request),
    },
  };
}
