/**
 * The sign-in step's state: the main process's SignInStatus (kept fresh by the
 * `signin-changed` event) and the problem of the last request. It also puts the step's two
 * checks on the status board when the outcome changes.
 */
import { create } from 'zustand';
import type { SignInStatus } from '../../../shared/contract/signin';
import type { CheckResult } from '../../../shared/model';
import type { Problem } from '../../../shared/problem';
import type { WizardClient } from '../../api/client';
import { useWizard } from '../../store/wizard-store';

interface SignInState {
  status: SignInStatus | null;
  /** Problem of the last request (start, save…), shown until the next one. */
  requestProblem: Problem | null;
  busy: boolean;
  connect(client: WizardClient): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  signOut(): Promise<void>;
  saveClientId(clientId: string | null): Promise<boolean>;
  checkRole(): Promise<void>;
}

let connectedClient: WizardClient | null = null;
let lastRecorded = '';

type Recorded = Omit<CheckResult, 'at'>;

/** The two board checks this step owns, from a status. */
export function checksFor(
  status: SignInStatus,
): { signedIn: Recorded; consentRole: Recorded } | null {
  if (status.phase === 'waiting' || status.phase === 'no-client-id') return null;
  if (status.phase === 'signed-out') {
    if (!status.problem) return null;
    return {
      signedIn: { state: 'failed', problemId: status.problem.id },
      consentRole: { state: 'attention', problemId: status.problem.id },
    };
  }
  const account = status.account;
  if (!account) return null;
  const role = account.role;
  const consentRole: Recorded =
    role.state === 'can-consent' || role.state === 'not-needed'
      ? { state: 'passed' }
      : role.state === 'may-consent'
        ? { state: 'attention' }
        : role.state === 'cannot-consent'
          ? { state: 'attention', problemId: 'signin-admin-consent-required' }
          : { state: 'attention', problemId: role.problem.id };
  return {
    signedIn: { state: 'passed', summary: account.username },
    consentRole,
  };
}

function record(status: SignInStatus): void {
  const checks = checksFor(status);
  if (!checks) return;
  const key = JSON.stringify(checks);
  if (key === lastRecorded) return;
  lastRecorded = key;
  const { recordCheck } = useWizard.getState();
  recordCheck('signed-in', checks.signedIn);
  recordCheck('consent-role', checks.consentRole);
}

export const useSignIn = create<SignInState>((set, get) => {
  const call = async <T extends SignInStatus>(
    work: (
      client: WizardClient,
    ) => Promise<{ ok: true; value: T } | { ok: false; problem: Problem }>,
  ): Promise<boolean> => {
    if (!connectedClient) return false;
    set({ busy: true });
    const reply = await work(connectedClient);
    if (reply.ok) {
      set({ status: reply.value, requestProblem: null, busy: false });
      record(reply.value);
      return true;
    }
    set({ requestProblem: reply.problem, busy: false });
    return false;
  };
  return {
    status: null,
    requestProblem: null,
    busy: false,
    async connect(client) {
      if (connectedClient === client && get().status) return;
      connectedClient = client;
      client.onEvent((event) => {
        if (event.name !== 'signin-changed') return;
        set({ status: event.data });
        record(event.data);
      });
      await call((c) => c.invoke('getSignInStatus', {}));
    },
    start: async () => void (await call((c) => c.invoke('startSignIn', {}))),
    // Cancel shows the result at once; the main process stops the sign-in at its next check.
    cancel: async () => void (await call((c) => c.invoke('cancelSignIn', {}))),
    signOut: async () => void (await call((c) => c.invoke('signOut', {}))),
    saveClientId: (clientId) => call((c) => c.invoke('setClientId', { clientId })),
    checkRole: async () => void (await call((c) => c.invoke('checkConsentRole', {}))),
  };
});
