/**
 * The device-code sign-in (RFC 8628 through MSAL's acquireTokenByDeviceCode). Each runs on its
 * own throw-away MSAL app with no cache plugin and its own network wrapper (flow-network.ts);
 * only when it finishes and was not cancelled is its cache copied into the lasting app, so no
 * token of a cancelled sign-in is ever used or stored. Polling follows the server's interval
 * (MSAL does), slow_down adds 5 s each time, a transient failure while polling is ridden out by
 * the network client, and an expired code is replaced (at most `maxRenewals` times in a row).
 */
import type { DeviceCodeRequest } from '@azure/msal-node';
import { graphScope } from '../../../shared/cloud-profiles';
import type { DeviceCodePrompt, SignInStatus } from '../../../shared/contract/signin';
import { ProblemError } from '../../common/problem-error';
import { flowNetwork } from './flow-network';
import type { FlowGate, Session, SignInContext } from './session';

interface DeviceCodeFlow extends FlowGate {
  request: DeviceCodeRequest & { cancel?: boolean };
  done: Promise<void>;
}

export interface DeviceCodeFlows {
  start(current: Session): Promise<SignInStatus>;
  cancel(): void;
}

export function createDeviceCodeFlows(context: SignInContext): DeviceCodeFlows {
  const { state, options } = context;
  const slowDownMs = (options.slowDownSeconds ?? 5) * 1000;
  const maxRenewals = options.maxRenewals ?? 3;
  let running: DeviceCodeFlow | null = null;

  function cancel(): void {
    const flow = running;
    if (!flow) return;
    flow.cancelled = true;
    flow.request.cancel = true;
    flow.wake?.();
    state.lastPolls = flow.polls;
    state.lastSlowDowns = flow.slowDowns;
    running = null;
    state.deviceCode = null;
    state.prompt = null;
  }

  /** The flow ended (well or not): its counts stay visible, it is no longer waiting. */
  function end(flow: DeviceCodeFlow): void {
    state.lastPolls = flow.polls;
    state.lastSlowDowns = flow.slowDowns;
    running = null;
    state.deviceCode = null;
    state.prompt = null;
  }

  async function run(current: Session, renewals: number): Promise<SignInStatus> {
    cancel();
    state.lastProblem = null;
    current.network.clear();
    let announce: (value: DeviceCodePrompt) => void = () => {};
    const announced = new Promise<DeviceCodePrompt>((resolve) => (announce = resolve));
    const started: DeviceCodeFlow = {
      cancelled: false,
      extraDelayMs: 0,
      polls: 0,
      slowDowns: 0,
      wake: null,
      done: Promise.resolve(),
      request: {
        scopes: [graphScope(current.cloud.profile, '.default')],
        deviceCodeCallback: (response) => {
          announce({
            userCode: response.userCode,
            verificationUri: response.verificationUri,
            expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
            intervalSeconds: response.interval,
            renewed: renewals > 0,
          });
        },
      },
    };
    running = started;
    state.deviceCode = started;
    const flowApp = context.flowApp(
      current,
      flowNetwork(current.network, started, {
        slowDownMs,
        onSlowDown(addedSeconds) {
          if (state.prompt) {
            state.prompt = {
              ...state.prompt,
              intervalSeconds: state.prompt.intervalSeconds + addedSeconds,
            };
          }
          void context.publish();
        },
        onPoll: () => void context.publish(),
      }),
    );
    const outcome = flowApp.acquireTokenByDeviceCode(started.request).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    started.done = outcome.then(async (settled) => {
      if (started.cancelled || running !== started) return;
      if (settled.ok && settled.result?.account) {
        await context.adopt(current, flowApp, settled.result.account.homeAccountId, 'code');
        end(started);
        await context.publish();
        return;
      }
      const classified = settled.ok
        ? new ProblemError('signin-failed', { code: 'no-account', correlationId: '-' })
        : context.classify(current, settled.error, 'device-code');
      end(started);
      if (classified.problem.id === 'signin-code-expired' && renewals < maxRenewals) {
        await run(current, renewals + 1).catch(() => {});
        return;
      }
      state.lastProblem = classified.problem;
      await context.publish();
    });
    const first = await Promise.race([announced, outcome.then(() => null)]);
    if (first && running === started) {
      state.prompt = first;
      return context.publish();
    }
    await started.done;
    return context.snapshot();
  }

  return { start: (current) => run(current, 0), cancel };
}
