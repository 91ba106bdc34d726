import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInStatus } from '../../../shared/contract/signin';
import type { Problem } from '../../../shared/problem';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { useTroubleshoot } from '../troubleshoot-store';

/**
 * The consent and role check the Sign in step runs, for the account that will consent for the
 * organization (Global Administrator sees "Consent on behalf of organization").
 */
export function ConsentCheck() {
  const { t } = useTranslation('guides');
  const signin = useTranslation('signin').t;
  const { progress } = useReadyState();
  const client = useWizard((store) => store.client);
  const goTo = useWizard((store) => store.goTo);
  const hide = useTroubleshoot((store) => store.hide);
  const [status, setStatus] = useState<SignInStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void client?.invoke('getSignInStatus', {}).then((reply) => {
      if (!current) return;
      if (reply.ok) setStatus(reply.value);
      else setProblem(reply.problem);
    });
    return () => {
      current = false;
    };
  }, [client]);

  if (progress.accountKind === 'personal') {
    return <p className="notice notice-info">{t('consent.personal')}</p>;
  }

  const checkAgain = async (): Promise<void> => {
    if (!client) return;
    setBusy(true);
    const reply = await client.invoke('checkConsentRole', {});
    setBusy(false);
    if (reply.ok) setStatus(reply.value);
    else setProblem(reply.problem);
  };

  const account = status?.account ?? null;
  const role = account?.role;
  return (
    <section className="consent-check" aria-labelledby="consent-check-title">
      <h3 id="consent-check-title">{t('consent.title')}</h3>
      <p>{t('consent.intro')}</p>
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
