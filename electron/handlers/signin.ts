/** Handlers of the sign-in part of the contract (shared/contract/signin.ts). */
import { z } from 'zod';
import type { ParamsOf } from '../../shared/contract';
import type { Handler } from '../handlers';
import type { SignInService } from '../services/signin/signin-service';

type SigninMethod =
  | 'getSignInStatus'
  | 'startSignIn'
  | 'cancelSignIn'
  | 'signOut'
  | 'setClientId'
  | 'checkConsentRole';

const noParams = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;

const clientIdParams = z
  .object({ clientId: z.string().trim().max(64).nullable() })
  .strict() as unknown as z.ZodType<ParamsOf<'setClientId'>>;

export function createSigninHandlers(signIn: SignInService): { [M in SigninMethod]: Handler<M> } {
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
  };
}
