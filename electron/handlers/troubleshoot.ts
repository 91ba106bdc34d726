/** Handlers of the troubleshooter's part of the contract (shared/contract/troubleshoot.ts). */
import { z } from 'zod';
import type { Handler } from '../handlers';
import { ProblemError } from '../problem-error';
import type { LinkPolicy } from '../services/link-policy';
import type { SignInService } from '../services/signin/signin-service';

const noParams = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;

export function createTroubleshootHandlers(services: {
  signIn: SignInService;
  links: LinkPolicy;
  openExternal(url: string): Promise<'system' | 'page'>;
}): { startBrowserSignIn: Handler<'startBrowserSignIn'> } {
  return {
    startBrowserSignIn: {
      params: noParams,
      run: () =>
        services.signIn.startBrowserSignIn(async (url) => {
          // The sign-in page opens only where the allow-list says (Microsoft or the practice tenant).
          if (!services.links.isAllowed(url)) throw new ProblemError('link-not-allowed', { url });
          return services.openExternal(url);
        }),
    },
  };
}
