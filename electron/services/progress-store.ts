/**
 * Wizard progress (current step, choices) as a small JSON file in the user's config folder.
 * The schema is strict: unknown fields are refused on save and dropped on load, so nothing
 * secret can be persisted by accident. Writes are atomic (temporary file, then rename).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  accountKinds,
  checkIds,
  initialProgress,
  journeySteps,
  adminChangeKinds,
  adminChangeValues,
  microsoftClouds,
  noPrinterAccount,
  printerAccountWays,
  supportedLanguages,
  type Progress,
} from '../../shared/model';
import { statusFieldIds } from '../../shared/printer-setup';
import { relayHostPattern, sendingWays } from '../../shared/sending-ways';
import { printerVendors } from '../../shared/vendor-profiles';
import { problemIds } from '../../shared/problems/index';
import { ProblemError, systemErrorCode } from '../common/problem-error';

const checkResultSchema = z
  .object({
    state: z.enum(['running', 'waiting', 'passed', 'info', 'attention', 'failed']),
    summary: z.string().max(200).optional(),
    // A problem id this version does not know (an older file) is dropped, not the whole file.
    problemId: z.enum(problemIds).optional().catch(undefined),
    problemData: z
      .record(z.string().max(40), z.union([z.string().max(300), z.number(), z.boolean()]))
      .refine((value) => Object.keys(value).length <= 12, { message: 'too many values' })
      .optional()
      .catch(undefined),
    at: z.iso.datetime(),
    stale: z.literal(true).optional(),
  })
  .strict();

const chosenPrinterSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().max(200),
    model: z.string().max(200).nullable(),
    vendor: z.enum(printerVendors),
    addresses: z.array(z.string().max(64)).max(6),
    webConfigUrl: z.string().max(400).nullable(),
    firmwareVersion: z.string().max(80).nullable(),
  })
  .strict();

export const printerSetupSchema = z
  .object({
    signedIn: checkResultSchema.nullable(),
    answers: z.partialRecord(z.enum(statusFieldIds), z.string().max(40)),
    statusSheet: checkResultSchema.nullable(),
    noOauthInEmailSettings: z.boolean().optional(),
    sendingWay: z
      .object({
        way: z.enum(sendingWays),
        chosenAt: z.iso.datetime(),
        sender: z.string().max(320).optional(),
        relay: z
          .object({
            host: z.string().regex(relayHostPattern),
            port: z.number().int().min(1).max(65535),
          })
          .strict()
          .optional(),
        proof: checkResultSchema
          .extend({
            mxHost: z.string().max(253).optional(),
            publicAddress: z.string().max(64).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const adminChangeSchema = z
  .object({
    id: z.string().max(64),
    kind: z.enum(adminChangeKinds),
    target: z.string().max(320),
    targetId: z.string().max(64).optional(),
    member: z.string().max(320).optional(),
    memberId: z.string().max(64).optional(),
    before: z.enum(adminChangeValues),
    after: z.enum(adminChangeValues),
    by: z.string().max(320),
    at: z.string().max(40),
    undoneAt: z.string().max(40).optional(),
  })
  .strict();

export const printerAccountSchema = z
  .object({
    way: z.enum(printerAccountWays).nullable(),
    mailbox: z.string().max(254).nullable(),
    consentedBy: z.string().max(320).nullable(),
  })
  .strict();

export const progressSchema = z
  .object({
    step: z.enum(journeySteps),
    visited: z.array(z.enum(journeySteps)).max(journeySteps.length),
    language: z.enum(supportedLanguages).nullable(),
    accountKind: z.enum(accountKinds),
    cloud: z.enum(microsoftClouds),
    checks: z.partialRecord(z.enum(checkIds), checkResultSchema),
    // Older progress files have no printers yet.
    printers: z.array(chosenPrinterSchema).max(20).default([]),
    // Older progress files have no printer setup yet.
    printerSetup: z
      .record(z.string().max(200), printerSetupSchema)
      .refine((value) => Object.keys(value).length <= 20, { message: 'too many printers' })
      .default({}),
    // Older progress files have no changes yet.
    adminChanges: z.array(adminChangeSchema).max(50).default([]),
    // Older progress files have no account story yet.
    printerAccount: printerAccountSchema.default(noPrinterAccount),
  })
  .strict() satisfies z.ZodType<Progress>;

export interface ProgressStore {
  load(): Promise<Progress>;
  save(progress: Progress): Promise<Progress>;
  readonly file: string;
}

export function createProgressStore(configDir: string, practice: boolean): ProgressStore {
  // Practice runs keep their own file so rehearsing never overwrites a real setup's progress.
  const file = path.join(configDir, practice ? 'progress-practice.json' : 'progress.json');
  return {
    file,
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return structuredClone(initialProgress);
      }
      try {
        const parsed = progressSchema.safeParse(JSON.parse(text));
        return parsed.success ? normalise(parsed.data) : structuredClone(initialProgress);
      } catch {
        return structuredClone(initialProgress);
      }
    },
    async save(progress) {
      const clean = normalise(progressSchema.parse(progress));
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await fs.mkdir(configDir, { recursive: true, mode: 0o700 });
        await fs.writeFile(temporary, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true }).catch(() => {});
        throw new ProblemError('progress-not-saved', { code: systemErrorCode(error) });
      }
      return clean;
    },
  };
}

/** The visited steps in journey order, the current one always among them. */
export function normalise(progress: Progress): Progress {
  const visited = journeySteps.filter((step) => progress.visited.includes(step));
  if (!visited.includes(progress.step)) visited.push(progress.step);
  return { ...progress, visited: journeySteps.filter((step) => visited.includes(step)) };
}
