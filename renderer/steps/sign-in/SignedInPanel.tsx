import { useTranslation } from 'react-i18next';
import type { SignedInAccount } from '../../../shared/contract/signin';
import { ProblemNotice } from '../../components/ProblemNotice';
import { StoryNotice } from '../../account/StoryNotice';
import { useReadyState } from '../../store/wizard-store';
import { useSignIn } from './signin-store';

/** Who signed in, the organization, the consent role, and what the sending mailbox means. */
export function SignedInPanel({ account }: { account: SignedInAccount }) {
  const { progress } = useReadyState();
  const personal = progress.accountKind === 'personal';
  const consentedBy = progress.printerAccount.consentedBy;
  const { t } = useTranslation('signin');
  const { signOut, start, checkRole, busy } = useSignIn();
  const role = account.role;
  const roleNames = role.roles.map((name) => t(`roles.${name}`)).join(', ');
  return (
    <section aria-labelledby="signin-done-title" className="signin-section">
      <h3 id="signin-done-title">{t('done.title')}</h3>
      <dl className="signin-account">
        <dt>{t('done.account')}</dt>
        <dd data-testid="signin-account">
          {t('done.accountValue', { name: account.name, username: account.username })}
        </dd>
        <dt>{t('done.organization')}</dt>
        <dd data-testid="signin-tenant">
          {account.tenantName
            ? t('done.tenantNamed', { name: account.tenantName, id: account.tenantId })
            : account.tenantId}
        </dd>
        <dt>{t('done.role')}</dt>
        <dd data-testid="signin-role">{t(`done.roleState.${role.state}`, { roles: roleNames })}</dd>
      </dl>
      {role.state === 'unknown' && <ProblemNotice problem={role.problem} />}
      {/* An administrator of the story already consented: this account need not. */}
      {role.state === 'cannot-consent' && !consentedBy && (
        <div className="notice notice-warning" role="status">
          <p className="notice-title">{t('done.cannotTitle')}</p>
          <p>{t('done.cannotFix')}</p>
        </div>
      )}
      {!personal && <StoryNotice busy={busy} onSignIn={() => void start()} />}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void checkRole()}>
          {t('done.checkAgain')}
        </button>
        <button type="button" disabled={busy} onClick={() => void start()}>
          {t('done.another')}
        </button>
        <button type="button" disabled={busy} onClick={() => void signOut()}>
          {t('done.signOut')}
        </button>
      </div>
    </section>
  );
}
