import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { BrowserSignIn } from '../../troubleshoot/BrowserSignIn';
import { StepFrame } from '../common/StepFrame';
import { ClientIdHelp } from './ClientIdHelp';
import { ClientIdSettings } from './ClientIdSettings';
import { DeviceCodePanel } from './DeviceCodePanel';
import { SignedInPanel } from './SignedInPanel';
import { useSignIn } from './signin-store';

/**
 * Step 4: the wizard's own device-code sign-in, the way the printer will do it, then who
 * signed in, which organization, and whether the account can consent for the organization.
 */
/** Problems a second try may well cure (the button says "Try again"). */
const retryable = new Set<string>([
  'signin-service-busy',
  'signin-network',
  'signin-network-timeout',
  'signin-failed',
]);

export function SignInStep() {
  const { t } = useTranslation('signin');
  const client = useWizard((store) => store.client);
  const { status, requestProblem, busy, connect, start } = useSignIn();

  useEffect(() => {
    if (client) void connect(client);
  }, [client, connect]);

  const shownProblem = requestProblem ?? status?.problem ?? null;
  return (
    <StepFrame step="sign-in">
      {status?.storage.kind === 'memory' && (
        <div className="notice notice-warning" role="status" data-testid="signin-memory-only">
          <p className="notice-title">{t('storage.memoryTitle')}</p>
          <p>{t(`storage.memory.${status.storage.reason}`)}</p>
        </div>
      )}
      {shownProblem && status?.phase !== 'waiting' && <ProblemNotice problem={shownProblem} />}
      {status?.phase === 'signed-out' && shownProblem?.id === 'signin-device-code-blocked' && (
        <BrowserSignIn />
      )}
      {!status && <p aria-busy="true">{t('loading')}</p>}
      {status?.phase === 'no-client-id' && <ClientIdHelp />}
      {status?.phase === 'signed-out' && (
        <section aria-labelledby="signin-start-title" className="signin-section">
          <h3 id="signin-start-title">{t('start.title')}</h3>
          <p>{t('start.text')}</p>
          <AskedNext />
          <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
            {shownProblem?.id === 'signin-code-expired'
              ? t('start.newCode')
              : shownProblem && retryable.has(shownProblem.id)
                ? t('start.tryAgain')
                : t('start.button')}
          </button>
        </section>
      )}
      {status?.phase === 'waiting' && status.prompt && (
        <DeviceCodePanel
          key={status.prompt.userCode}
          prompt={status.prompt}
          slowDowns={status.slowDowns}
        />
      )}
      {status?.phase === 'signed-in' && status.account && (
        <SignedInPanel account={status.account} />
      )}
      {status && <ClientIdSettings clientId={status.clientId} cloud={status.cloud} />}
    </StepFrame>
  );
}

/** What Microsoft will ask, in order, in the guide's words. */
export function AskedNext() {
  const { t } = useTranslation('signin');
  const { progress } = useReadyState();
  // Outlook.com: no administrator account and no organization to consent for.
  const key = progress.accountKind === 'personal' ? 'next.personalSteps' : 'next.steps';
  const steps = t(key, { returnObjects: true }) as unknown;
  return (
    <>
      <h4>{t('next.title')}</h4>
      <ol className="signin-next">
        {Array.isArray(steps) && steps.map((line) => <li key={String(line)}>{String(line)}</li>)}
      </ol>
    </>
  );
}
