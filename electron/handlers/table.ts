/**
 * The handler table: the one place where the WizardApi contract meets the services. Each entry
 * validates its parameters (everything from the renderer is untrusted) and calls a service.
 */
import { z } from 'zod';
import type { ParamsOf, ResultOf, WizardMethod } from '../../shared/contract';
import {
  practiceSwitches,
  type PracticeSettings,
  type PracticeSwitchId,
  type PracticeSwitchValue,
} from '../../shared/practice';
import { noParams } from './params';
import { createSigninHandlers } from './signin';
import { createExchangeHandlers, type ExchangeServices } from './exchange';
import { ProblemError } from '../common/problem-error';
import type { AppInfoService } from '../services/app-info';
import type { LinkPolicy } from '../services/link-policy';
import type { SignInService } from '../services/signin/signin-service';
import { progressSchema } from '../services/progress-store';
import type { ProgressService } from '../services/progress-service';
import type { Journey } from '../services/journey';
import { createJourneyHandlers } from './journey';
import { createDiscoveryHandlers } from './discovery';
import type { DiscoveryService } from '../services/discovery/discovery-service';
import { createPrinterHandlers, type PrinterServices } from './printer';
import { createDeliveryHandlers } from './delivery';
import { createWaysHandlers } from './ways';
import type { TestMailWatcher } from '../services/delivery/test-mail-watcher';

/**
 * One method's handler. `params` is checked against the contract at compile time: what the
 * schema parses to must be the method's parameter type (no casts anywhere in the table).
 */
export interface Handler<M extends WizardMethod> {
  params: z.ZodType<ParamsOf<M>>;
  run(params: ParamsOf<M>): Promise<ResultOf<M>>;
}
export type HandlerTable = { [M in WizardMethod]: Handler<M> };

/** What the handlers may do with the practice world: read and flip its switches. */
export interface PracticeControls {
  settings(): PracticeSettings;
  set<S extends PracticeSwitchId>(id: S, value: PracticeSwitchValue<S>): PracticeSettings;
}

export interface Services {
  appInfo: AppInfoService;
  progress: ProgressService;
  journey: Journey;
  links: LinkPolicy;
  /** How this shell opens an allowed address outside the app. */
  openExternal(url: string): Promise<'system' | 'page'>;
  /** The practice world's switches, in practice mode (the host composes it); null otherwise. */
  practice: PracticeControls | null;
  discovery: DiscoveryService;
  signIn: SignInService;
  exchange: ExchangeServices;
  printer: PrinterServices;
  testMail: TestMailWatcher;
}

const switchIds = Object.keys(practiceSwitches) as [PracticeSwitchId, ...PracticeSwitchId[]];
const switchValues = [...new Set(Object.values(practiceSwitches).flat())] as [
  PracticeSwitchValue,
  ...PracticeSwitchValue[],
];
const practiceSwitchParams = z
  .object({ id: z.enum(switchIds), value: z.enum(switchValues) })
  .strict()
  .refine(({ id, value }) => (practiceSwitches[id] as readonly string[]).includes(value), {
    message: 'unknown value for this switch',
  });

function requirePractice(world: PracticeControls | null): PracticeControls {
  if (!world) throw new ProblemError('practice-only');
  return world;
}

export function createHandlerTable(services: Services): HandlerTable {
  return {
    getAppInfo: { params: noParams, run: () => services.appInfo.getAppInfo() },
    checkKeychain: { params: noParams, run: () => services.appInfo.checkKeychain() },
    getProgress: { params: noParams, run: async () => services.progress.current() },
    setPracticeProgress: {
      params: progressSchema,
      async run(progress) {
        requirePractice(services.practice);
        const saved = await services.progress.replace(progress);
        if (saved.saveProblem) throw new ProblemError(saved.saveProblem.id, saved.saveProblem.data);
        // A replaced journey starts without the test messages watched for the one before.
        services.testMail.forget();
        return saved.progress;
      },
    },
    openExternal: {
      params: z.object({ url: z.string().max(2048) }).strict(),
      async run({ url }) {
        if (!services.links.isAllowed(url)) throw new ProblemError('link-not-allowed', { url });
        return { via: await services.openExternal(url) };
      },
    },
    getPracticeSettings: {
      params: noParams,
      run: async () => requirePractice(services.practice).settings(),
    },
    setPracticeSwitch: {
      params: practiceSwitchParams,
      run: async ({ id, value }) => requirePractice(services.practice).set(id, value as never),
    },
    ...createJourneyHandlers({ progress: services.progress, journey: services.journey }),
    ...createDiscoveryHandlers({
      discovery: services.discovery,
      links: services.links,
      journey: services.journey,
    }),
    ...createSigninHandlers(services),
    ...createExchangeHandlers({
      ...services.exchange,
      journey: services.journey,
      signIn: services.signIn,
      async openSignInPage(url) {
        // Microsoft's sign-in page (or the practice tenant's), only where the allow-list says.
        if (!services.links.isAllowed(url)) throw new ProblemError('link-not-allowed', { url });
        return services.openExternal(url);
      },
    }),
    ...createPrinterHandlers(services.printer),
    ...createWaysHandlers({ journey: services.journey }),
    ...createDeliveryHandlers({
      watcher: services.testMail,
      progress: services.progress,
      signIn: services.signIn,
      links: services.links,
      statusSheets: { read: (printer) => services.printer.statusSheets.read(printer) },
      openExternal: services.openExternal,
    }),
  };
}
