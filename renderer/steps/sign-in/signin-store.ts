/**
 * The sign-in step's own state: whether a request is on its way and the problem of the last
 * one. The sign-in status itself lives in the wizard store (`main.signIn`), fed by main.
 */
import { create } from 'zustand';
import type { ParamsOf } from '../../../shared/contract';
import type { Problem } from '../../../shared/problem';
import { useWizard, type SignInRequest } from '../../store/wizard-store';

interface SignInRequests {
  /** Problem of the last request (start, save…), shown until the next one. */
  requestProblem: Problem | null;
  busy: boolean;
  start(): Promise<void>;
  cancel(): Promise<void>;
  signOut(): Promise<void>;
  saveClientId(clientId: string | null): Promise<boolean>;
  checkRole(): Promise<void>;
}

export const useSignIn = create<SignInRequests>((set) => {
  const call = async <M extends SignInRequest>(method: M, params: ParamsOf<M>) => {
    set({ busy: true });
    const reply = await useWizard.getState().askSignIn(method, params);
    set({ requestProblem: reply.ok ? null : reply.problem, busy: false });
    return reply.ok;
  };
  return {
    requestProblem: null,
    busy: false,
    start: async () => void (await call('startSignIn', {})),
    // Cancel shows the result at once; the main process stops the sign-in at its next check.
    cancel: async () => void (await call('cancelSignIn', {})),
    signOut: async () => void (await call('signOut', {})),
    saveClientId: (clientId) => call('setClientId', { clientId }),
    checkRole: async () => void (await call('checkConsentRole', {})),
  };
});
