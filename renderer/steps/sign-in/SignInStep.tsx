import { useTranslation } from 'react-i18next';
import type { SignInStatus } from '../../../shared/contract/signin';
import type { Problem } from '../../../shared/problem';
import { AccountChoice } from '../../account/AccountChoice';
import { AccountToChoose } from '../../account/StoryNotice';
import { ProblemNotice } from '../../components/ProblemNotice';
import { WhatIsThis } from '../../components/WhatIsThis';
import { assertNever } from '../../store/loadable';
import { useMainValue, useReadyState } from '../../store/wizard-store';
import { BrowserSignIn } from '../../troubleshoot/BrowserSignIn';
import { RemedyButtons } from '../../troubleshoot/RemedyButtons';
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
  const signIn = useMainValue('signIn');
  return (
    <StepFrame step="sign-in">
      {signIn.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {signIn.status === 'failed' && <ProblemNotice problem={signIn.problem} />}
      {signIn.status === 'ready' && <SignInStatusView status={signIn.value} />}
    </StepFrame>
  );
}

function SignInStatusView({ status }: { status: SignInStatus }) {
  const { t } = useTranslation('signin');
  const { requestProblem, busy, start } = useSignIn();
  const shownProblem = requestProblem ?? status.problem;
  // Outlook.com: the personal account signs in on the printer itself; there is nothing to choose.
  const personal = useReadyState().progress.accountKind === 'personal';
  return (
    <>
      {status.storage.kind === 'memory' && (
        <div className="notice notice-warning" role="status" data-testid="signin-memory-only">
          <p className="notice-title">{t('storage.memoryTitle')}</p>
          <p>{t(`storage.memory.${status.storage.reason}`)}</p>
        </div>
      )}
      {shownProblem && status.phase !== 'waiting' && <ProblemNotice problem={shownProblem} />}
      {(status.phase === 'browser' ||
        (status.phase === 'signed-out' &&
          (shownProblem?.id === 'signin-device-code-blocked' ||
            shownProblem?.id === 'signin-security-defaults'))) && (
        // On the step itself, a section of its own (the troubleshooter nests it under a diagnosis).
        <BrowserSignIn
          headingLevel={3}
          refusedBy={
            shownProblem?.id === 'signin-security-defaults'
              ? 'security-defaults'
              : 'conditional-access'
          }
        />
      )}
      {status.phase === 'signed-in' && status.account.via === 'browser' && (
        <BlockingPolicyCheck account={status.account.username} />
      )}
      {!personal && <AccountChoice />}
      <PhaseView status={status} busy={busy} onStart={start} shownProblem={shownProblem} />
      <ClientIdSettings clientId={status.clientId} cloud={status.cloud} />
    </>
  );
}

/**
 * Signed in through the browser because the code sign-in was refused: Microsoft's answer did not
 * say which policy refused it, so the What If check names it and what to exclude for the printer.
 */
function BlockingPolicyCheck({ account }: { account: string }) {
  const { t } = useTranslation('signin');
  return (
    <section
      aria-labelledby="signin-blocking-policy-title"
      className="signin-section"
      data-testid="signin-blocking-policy"
    >
      <h3 id="signin-blocking-policy-title">{t('browserSignedIn.title')}</h3>
      <p>{t('browserSignedIn.text', { account })}</p>
      <RemedyButtons actions={['run-ca-check']} withLinks />
    </section>
  );
}

/** What each phase of the sign-in shows. */
function PhaseView({
  status,
  busy,
  onStart,
  shownProblem,
}: {
  status: SignInStatus;
  busy: boolean;
  onStart(): Promise<void>;
  shownProblem: Problem | null;
}) {
  const { t } = useTranslation('signin');
  const personal = useReadyState().progress.accountKind === 'personal';
  switch (status.phase) {
    case 'no-client-id':
      return <ClientIdHelp />;
    case 'signed-out':
      return (
        <section aria-labelledby="signin-start-title" className="signin-section">
          <h3 id="signin-start-title">{t('start.title')}</h3>
          <p>{t('start.text')}</p>
          <AccountToChoose />
          <AskedNext />
          {!personal && <ConsentPermissions />}
          <button type="button" className="primary" disabled={busy} onClick={() => void onStart()}>
            {shownProblem?.id === 'signin-code-expired'
              ? t('start.newCode')
              : shownProblem && retryable.has(shownProblem.id)
                ? t('start.tryAgain')
                : t('start.button')}
          </button>
        </section>
      );
    case 'waiting':
      return (
        <DeviceCodePanel
          key={status.prompt.userCode}
          prompt={status.prompt}
          slowDowns={status.slowDowns}
        />
      );
    case 'browser':
      // The browser sign-in panel above says it waits.
      return null;
    case 'signed-in':
      return <SignedInPanel account={status.account} />;
    default:
      return assertNever(status);
  }
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

/**
 * Before Microsoft's consent screen: the permissions it will list, each with why the wizard asks
 * for it, and the two terms met on the way.
 */
function ConsentPermissions() {
  const { t } = useTranslation('signin');
  const permissions = t('clientIdHelp.permissions', { returnObjects: true }) as unknown;
  return (
    <>
      <WhatIsThis term="device-code" />
      <WhatIsThis term="consent" />
      <details className="signin-permissions" data-testid="signin-permissions">
        <summary>{t('clientIdHelp.permissionsTitle')}</summary>
        <ul>
          {Array.isArray(permissions) &&
            permissions.map((line) => <li key={String(line)}>{String(line)}</li>)}
        </ul>
      </details>
    </>
  );
}
