import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInStatus } from '../../shared/contract/signin';
import type { Problem } from '../../shared/problem';
import { ProblemNotice } from '../components/ProblemNotice';
import type { Loadable } from '../store/loadable';
import { useMainValue, useWizard } from '../store/wizard-store';

type State =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'signed-in'; account: string }
  | { kind: 'failed'; problem: Problem };

/**
 * This panel's attempt: none yet, started (with the status main had said before it), or
 * refused before any page opened.
 */
type Attempt =
  | { kind: 'none' }
  | { kind: 'started'; before: Loadable<SignInStatus> }
  | { kind: 'refused'; problem: Problem };

/** What the panel shows, from the sign-in as main has it and what this panel started. */
function stateOf(signIn: Loadable<SignInStatus>, attempt: Attempt): State {
  if (attempt.kind === 'refused') return { kind: 'failed', problem: attempt.problem };
  if (signIn.status !== 'ready') return { kind: 'idle' };
  const status = signIn.value;
  if (status.phase === 'browser') return { kind: 'waiting' };
  if (attempt.kind !== 'started') return { kind: 'idle' };
  // Started, and main has not said anything newer yet.
  if (signIn === attempt.before) return { kind: 'waiting' };
  if (status.phase === 'signed-in') return { kind: 'signed-in', account: status.account.username };
  if (status.phase === 'signed-out' && status.problem) {
    return { kind: 'failed', problem: status.problem };
  }
  return { kind: 'idle' };
}

/**
 * The fallback sign-in when the tenant blocks device code: the wizard signs in through the
 * browser (authorization code + PKCE), so its own checks can run. It says plainly that the
 * printer cannot do the same.
 */
export function BrowserSignIn({
  headingLevel = 4,
  refusedBy = 'conditional-access',
}: {
  headingLevel?: 3 | 4;
  /** What refused the code sign-in: a Conditional Access policy, or security defaults. */
  refusedBy?: 'conditional-access' | 'security-defaults';
}) {
  const bySecurityDefaults = refusedBy === 'security-defaults';
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t } = useTranslation('troubleshoot');
  const client = useWizard((store) => store.client);
  const ask = useWizard((store) => store.ask);
  const askSignIn = useWizard((store) => store.askSignIn);
  const signIn = useMainValue('signIn');
  const [attempt, setAttempt] = useState<Attempt>({ kind: 'none' });
  const state = stateOf(signIn, attempt);

  const start = async (): Promise<void> => {
    if (!client) return;
    const before = useWizard.getState().main.signIn;
    const reply = await ask('startBrowserSignIn', {});
    if (!reply.ok) return setAttempt({ kind: 'refused', problem: reply.problem });
    setAttempt({ kind: 'started', before });
    // In the browser shell the page opens the sign-in page itself (allow-listed by the main process).
    if (reply.value.via === 'page') window.open(reply.value.url, '_blank', 'noopener,noreferrer');
  };

  // The main process drops whatever the browser still sends back for a cancelled sign-in.
  const cancel = async (): Promise<void> => {
    setAttempt({ kind: 'none' });
    await askSignIn('cancelSignIn', {});
  };

  return (
    <section className="browser-signin" aria-labelledby="browser-signin-title">
      <Heading id="browser-signin-title">{t('browserSignIn.title')}</Heading>
      <p>{t(bySecurityDefaults ? 'browserSignIn.whySecurityDefaults' : 'browserSignIn.why')}</p>
      <div className="notice notice-warning">
        <p className="notice-title">{t('browserSignIn.printerTitle')}</p>
        <p>
          {t(
            bySecurityDefaults ? 'browserSignIn.printerSecurityDefaults' : 'browserSignIn.printer',
          )}
        </p>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void start()}>
          {t('browserSignIn.start')}
        </button>
        {state.kind === 'waiting' && (
          <button type="button" onClick={() => void cancel()}>
            {t('browserSignIn.cancel')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {state.kind === 'waiting' && <p>{t('browserSignIn.waiting')}</p>}
        {state.kind === 'signed-in' && (
          <div className="notice notice-success">
            <p>{t('browserSignIn.done', { account: state.account })}</p>
          </div>
        )}
      </div>
      {state.kind === 'failed' && <ProblemNotice problem={state.problem} />}
    </section>
  );
}
