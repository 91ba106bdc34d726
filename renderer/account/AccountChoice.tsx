import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMailbox, chosenAccount } from '../../shared/account-story';
import type { PrinterAccountWay } from '../../shared/model';
import { useReadyState, useWizard } from '../store/wizard-store';

/**
 * The account story, asked once: which account signs in on the printer (its own mailbox, as the
 * wizard recommends, or a Global Administrator's, as the guide does) and so which mailbox sends.
 * Main keeps the answer; every later screen, the board and the report read it from there.
 */
export function AccountChoice() {
  const { t } = useTranslation('signin');
  const { progress } = useReadyState();
  const choose = useWizard((store) => store.choose);
  const { way, mailbox } = progress.printerAccount;
  // What the person types; kept in main (and so everywhere) once it is one plain address.
  const [typed, setTyped] = useState(mailbox ?? '');
  const [invalid, setInvalid] = useState(false);
  const mailboxId = useId();
  const hintId = useId();
  const errorId = useId();

  const pick = (next: PrinterAccountWay): void => {
    choose({ printerAccount: chosenAccount(next, next === 'own-mailbox' ? typed : null) });
  };
  const keepMailbox = (): void => {
    const text = typed.trim();
    if (text === '') return setInvalid(false);
    const checked = checkMailbox(text);
    setInvalid(!checked.ok);
    if (checked.ok && checked.address !== mailbox)
      choose({ printerAccount: chosenAccount('own-mailbox', checked.address) });
  };

  return (
    <section
      aria-labelledby="account-story-title"
      className="signin-section account-story"
      data-testid="account-story"
    >
      <h3 id="account-story-title">{t('story.title')}</h3>
      <p>{t('story.intro')}</p>
      <fieldset className="plain">
        <legend className="visually-hidden">{t('story.title')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="printer-account"
            checked={way === 'own-mailbox'}
            onChange={() => pick('own-mailbox')}
          />
          <span>
            <strong>{t('story.own.label')}</strong> {t('story.own.text')}
          </span>
        </label>
        {way === 'own-mailbox' && (
          <div className="field account-mailbox">
            <label htmlFor={mailboxId} className="field-label">
              {t('story.own.mailbox')}
            </label>
            <input
              id={mailboxId}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
              aria-invalid={invalid || undefined}
              onChange={(event) => setTyped(event.target.value)}
              onBlur={keepMailbox}
              onKeyDown={(event) => {
                if (event.key === 'Enter') keepMailbox();
              }}
            />
            <p id={hintId} className="hint">
              {t('story.own.mailboxHint')}
            </p>
            {invalid && (
              <p id={errorId} className="field-error" role="alert">
                {t('story.own.mailboxInvalid')}
              </p>
            )}
          </div>
        )}
        <label className="choice">
          <input
            type="radio"
            name="printer-account"
            checked={way === 'administrator'}
            onChange={() => pick('administrator')}
          />
          <span>
            <strong>{t('story.administrator.label')}</strong> {t('story.administrator.text')}
          </span>
        </label>
      </fieldset>
      {way === 'administrator' && (
        <div className="notice notice-warning" data-testid="account-risk">
          <p className="notice-title">{t('story.risk.title')}</p>
          <p>{t('story.risk.text')}</p>
        </div>
      )}
      {way && <StoryOrder />}
    </section>
  );
}

/** The order of the sign-ins for the way chosen, each naming its account. */
function StoryOrder() {
  const { t } = useTranslation('signin');
  const { printerAccount } = useReadyState().progress;
  const mailbox = printerAccount.mailbox ?? t('story.own.unknownMailbox');
  const steps =
    printerAccount.way === 'own-mailbox'
      ? [
          t('story.order.own1'),
          t('story.order.own2', { mailbox }),
          t('story.order.own3', { mailbox }),
        ]
      : [t('story.order.administrator1'), t('story.order.administrator2')];
  return (
    <>
      <h4>{t('story.order.title')}</h4>
      <ol className="account-order" data-testid="account-order">
        {steps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </>
  );
}
