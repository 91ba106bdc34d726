/**
 * Handlers for preparing and checking Exchange Online (shared/contract/exchange.ts).
 */
import { z } from 'zod';
import { noParams } from './params';
import {
  entraChangePermissions,
  tenantCheckIds,
  type ExchangeApi,
} from '../../shared/contract/exchange';
import { graphScope } from '../../shared/cloud-profiles';
import type { EntraAdmin } from '../services/entra-admin';
import type { Handler } from './table';
import type { ExchangeSetupService } from '../services/exchange-setup';
import type { MailCheckService } from '../services/mail-check';
import type { TenantCheckService } from '../services/tenant-checks';
import { exchangeManagePermission, type ExchangeAdmin } from '../services/exchange-admin';
import type { Journey } from '../services/journey';
import type { SignInService } from '../services/signin/signin-service';

export interface ExchangeServices {
  setup: ExchangeSetupService;
  mailCheck: MailCheckService;
  tenantChecks: TenantCheckService;
  admin: ExchangeAdmin;
  entra: EntraAdmin;
}

/** The checks run through the journey, which records their results on the board. */
type ExchangeHandlerServices = Pick<ExchangeServices, 'setup' | 'admin' | 'entra'> & {
  journey: Pick<Journey, 'runMailCheck' | 'runTenantChecks'>;
  signIn: Pick<SignInService, 'startBrowserSignIn'>;
  /** Opens a sign-in page where the allow-list says, as the other browser sign-ins do. */
  openSignInPage(url: string): Promise<'system' | 'page'>;
};

type ExchangeHandlers = { [M in keyof ExchangeApi]: Handler<M> };

export function createExchangeHandlers(services: ExchangeHandlerServices): ExchangeHandlers {
  return {
    getExchangeSetup: { params: noParams, run: () => services.setup.describe() },
    runMailCheck: {
      params: z
        .object({ sendTest: z.boolean(), testAddress: z.string().max(320).optional() })
        .strict() as z.ZodType<ExchangeApi['runMailCheck']['params']>,
      run: (request) => services.journey.runMailCheck(request),
    },
    runTenantChecks: {
      params: z
        .object({ checks: z.array(z.enum(tenantCheckIds)).min(1).max(tenantCheckIds.length) })
        .strict() as z.ZodType<ExchangeApi['runTenantChecks']['params']>,
      run: ({ checks }) => services.journey.runTenantChecks(checks),
    },
    readMailboxSmtpAuth: { params: noParams, run: () => services.admin.readMailboxSmtpAuth() },
    turnOnMailboxSmtpAuth: {
      params: noParams,
      run: () => services.admin.turnOnMailboxSmtpAuth(),
    },
    undoAdminChange: {
      params: z.object({ id: z.string().min(1).max(64) }).strict(),
      // Each service undoes its own kinds of change (Entra's, else Exchange's).
      run: async ({ id }) => (await services.entra.undo(id)) ?? services.admin.undo(id),
    },
    readSecurityDefaults: { params: noParams, run: () => services.entra.readSecurityDefaults() },
    turnOffSecurityDefaults: {
      params: noParams,
      run: () => services.entra.turnOffSecurityDefaults(),
    },
    readSmtpConsent: { params: noParams, run: () => services.entra.readSmtpConsent() },
    planDeviceCodeExclusion: {
      params: noParams,
      run: () => services.entra.planDeviceCodeExclusion(),
    },
    excludeFromDeviceCodeBlocks: {
      params: z
        .object({
          group: z.discriminatedUnion('kind', [
            z
              .object({
                kind: z.literal('existing'),
                // An Entra object id (a GUID; not every one follows RFC 9562's variant bits).
                id: z.string().regex(/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/),
              })
              .strict(),
            z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(120) }).strict(),
          ]),
        })
        .strict(),
      run: ({ group }) => services.entra.excludeFromDeviceCodeBlocks(group),
    },
    allowEntraChange: {
      params: z.object({ permission: z.enum(entraChangePermissions) }).strict(),
      run: ({ permission }) =>
        services.signIn.startBrowserSignIn(services.openSignInPage, (profile) => [
          graphScope(profile, permission),
        ]),
    },
    allowExchangeChanges: {
      params: noParams,
      run: () =>
        services.signIn.startBrowserSignIn(services.openSignInPage, (profile) =>
          profile.exchangeAdminResource
            ? [`${profile.exchangeAdminResource}/${exchangeManagePermission}`]
            : [],
        ),
    },
  };
}
