import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/problem';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { useTroubleshoot } from '../troubleshoot-store';

/**
 * The consent and role check the Sign in step runs, for the account that will consent for the
 * organization (Global Administrator sees "Consent on behalf of organization").
 */
export function ConsentCheck() {
  const { t } = useTranslation('guides');
  const signin = useTranslation('signin').t;
  const { progress } = useReadyState();
  const askSignIn = useWizard((store) => store.askSignIn);
  const goTo = useWizard((store) => store.goTo);
  const hide = useTroubleshoot((store) => store.hide);
  const signIn = useMainValue('signIn');
  const [requestProblem, setRequestProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  if (progress.accountKind === 'personal') {
    return <p className="notice notice-info">{t('consent.personal')}</p>;
  }

  const checkAgain = async (): Promise<void> => {
    setBusy(true);
    const reply = await askSignIn('checkConsentRole', {});
    setBusy(false);
    setRequestProblem(reply.ok ? null : reply.problem);
  };

  const status = signIn.status === 'ready' ? signIn.value : null;
  const problem = requestProblem ?? (signIn.status === 'failed' ? signIn.problem : null);
  const account = status?.account ?? null;
  const role = account?.role;
  return (
    <section className="consent-check" aria-labelledby="consent-check-title">
      <h3 id="consent-check-title">{t('consent.title')}</h3>
      <p>{t('consent.intro')}</p>
      {signIn.status === 'loading' && <p aria-busy="true">{signin('loading')}</p>}
      {problem && <ProblemNotice problem={problem} />}
      {status && !account && (
        <>
          <p>{t('consent.notSignedIn')}</p>
          <button
            type="button"
            onClick={() => {
              hide();
              goTo('sign-in');
            }}
          >
            {t('consent.signIn')}
          </button>
        </>
      )}
      {account && role && (
        <>
          <p>{signin('done.accountValue', { name: account.name, username: account.username })}</p>
          <p data-testid="consent-role">
            {signin(`done.roleState.${role.state}`, {
              roles: role.roles.map((name) => signin(`roles.${name}`)).join(', '),
            })}
          </p>
          {role.state === 'unknown' && <ProblemNotice problem={role.problem} />}
          <button type="button" disabled={busy} onClick={() => void checkAgain()}>
            {t('consent.check')}
          </button>
        </>
      )}
    </section>
  );
}
