import { useTranslation } from 'react-i18next';
import { useAccountStory } from './account-story';

/**
 * Where the wizard's sign-in stands in the account story, after a sign-in: ready, or the one
 * sign-in still to do (as the printer's mailbox, or as an administrator first), with its button.
 */
export function StoryNotice({ busy, onSignIn }: { busy: boolean; onSignIn(): void }) {
  const { t } = useTranslation('signin');
  const story = useAccountStory();
  const mailbox = story.mailbox ?? t('story.own.unknownMailbox');
  const admin = story.consentedBy ?? '';
  switch (story.stage) {
    case 'choose':
      return <p className="notice notice-info">{t('story.stage.choose')}</p>;
    case 'ready':
      return (
        <div className="notice notice-success" data-testid="account-ready">
          <p>
            {story.way === 'own-mailbox'
              ? t('story.stage.readyOwn', { mailbox })
              : t('story.stage.readyAdministrator', { mailbox })}
          </p>
          {story.way === 'own-mailbox' && admin && <p>{t('story.stage.consentedBy', { admin })}</p>}
        </div>
      );
    case 'sign-in-as-mailbox':
      return (
        <div className="notice notice-info" data-testid="account-next">
          <p className="notice-title">{t('story.stage.signInAsMailboxTitle')}</p>
          <p>{t('story.stage.signInAsMailbox', { admin, mailbox })}</p>
          <p>
            <button type="button" className="primary" disabled={busy} onClick={onSignIn}>
              {t('story.stage.signInAsMailboxButton', { mailbox })}
            </button>
          </p>
        </div>
      );
    case 'other-account':
    case 'consent-first':
      return (
        <div className="notice notice-warning" data-testid="account-next">
          <p className="notice-title">{t('story.stage.otherAccountTitle')}</p>
          <p>{t('story.stage.otherAccount', { account: story.signedIn ?? '', mailbox })}</p>
        </div>
      );
  }
}

/** On Microsoft's page: which account to choose, for the sign-in the story needs now. */
export function AccountToChoose() {
  const { t } = useTranslation('signin');
  const story = useAccountStory();
  if (story.way === 'own-mailbox' && story.consentedBy && story.mailbox)
    return (
      <p className="account-to-choose" data-testid="account-to-choose">
        {t('story.stage.useAccount', { account: story.mailbox })}
      </p>
    );
  if (story.way)
    return (
      <p className="account-to-choose" data-testid="account-to-choose">
        {t('story.stage.useAdministrator')}
      </p>
    );
  return null;
}
