/** Handlers of the sign-in part of the contract (shared/contract/signin.ts). */
import { z } from 'zod';
import { noParams } from './params';
import type { Handler } from './table';
import { ProblemError } from '../common/problem-error';
import type { LinkPolicy } from '../services/link-policy';
import type { SignInService } from '../services/signin/signin-service';

type SigninMethod =
  | 'getSignInStatus'
  | 'startSignIn'
  | 'cancelSignIn'
  | 'signOut'
  | 'setClientId'
  | 'checkConsentRole'
  | 'startBrowserSignIn';

const clientIdParams = z.object({ clientId: z.string().trim().max(64).nullable() }).strict();

export interface SigninHandlerServices {
  signIn: SignInService;
  links: LinkPolicy;
  /** How this shell opens an allowed address outside the app. */
  openExternal(url: string): Promise<'system' | 'page'>;
}

export function createSigninHandlers(services: SigninHandlerServices): {
  [M in SigninMethod]: Handler<M>;
} {
  const { signIn } = services;
  return {
    getSignInStatus: { params: noParams, run: () => signIn.status() },
    startSignIn: { params: noParams, run: () => signIn.start() },
    cancelSignIn: { params: noParams, run: () => signIn.cancel() },
    signOut: { params: noParams, run: () => signIn.signOut() },
    setClientId: {
      params: clientIdParams,
      run: ({ clientId }) => signIn.setClientId(clientId === '' ? null : clientId),
    },
    checkConsentRole: { params: noParams, run: () => signIn.checkRole() },
    startBrowserSignIn: {
      params: noParams,
      run: () =>
        signIn.startBrowserSignIn(async (url) => {
          // The sign-in page opens only where the allow-list says (Microsoft or the practice tenant).
          if (!services.links.isAllowed(url)) throw new ProblemError('link-not-allowed', { url });
          return services.openExternal(url);
        }),
    },
  };
}
