import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/problem';
import { ProblemNotice } from '../components/ProblemNotice';
import { useWizard } from '../store/wizard-store';

type State =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'signed-in'; account: string }
  | { kind: 'failed'; problem: Problem };

/**
 * The fallback sign-in when the tenant blocks device code: the wizard signs in through the
 * browser (authorization code + PKCE), so its own checks can run. It says plainly that the
 * printer cannot do the same.
 */
export function BrowserSignIn() {
  const { t } = useTranslation('troubleshoot');
  const client = useWizard((store) => store.client);
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    if (!client || state.kind !== 'waiting') return;
    return client.onEvent((event) => {
      if (event.name !== 'signin-changed') return;
      const status = event.data;
      if (status.phase === 'signed-in' && status.account) {
        setState({ kind: 'signed-in', account: status.account.username });
      } else if (status.phase === 'signed-out' && status.problem) {
        setState({ kind: 'failed', problem: status.problem });
      }
    });
  }, [client, state.kind]);

  const start = async (): Promise<void> => {
    if (!client) return;
    const reply = await client.invoke('startBrowserSignIn', {});
    if (!reply.ok) return setState({ kind: 'failed', problem: reply.problem });
    setState({ kind: 'waiting' });
    // In the browser shell the page opens the sign-in page itself (allow-listed by the main process).
    if (reply.value.via === 'page') window.open(reply.value.url, '_blank', 'noopener,noreferrer');
  };

  // The main process drops whatever the browser still sends back for a cancelled sign-in.
  const cancel = async (): Promise<void> => {
    setState({ kind: 'idle' });
    await client?.invoke('cancelSignIn', {});
  };

  return (
    <section className="browser-signin" aria-labelledby="browser-signin-title">
      <h4 id="browser-signin-title">{t('browserSignIn.title')}</h4>
      <p>{t('browserSignIn.why')}</p>
      <div className="notice notice-warning">
        <p className="notice-title">{t('browserSignIn.printerTitle')}</p>
        <p>{t('browserSignIn.printer')}</p>
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
