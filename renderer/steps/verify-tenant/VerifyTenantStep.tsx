import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tenantCheckIds, type TenantCheckId } from '../../../shared/contract/exchange';
import { checkTestAddress } from '../../../shared/exchange/test-address';
import { problem, type Problem } from '../../../shared/problem';
import { fixingStep } from '../../../shared/problems/index';
import { remediesFor } from '../../../shared/troubleshoot/remedies';
import { DeviceCodeOffer } from '../../checks/AllowPrinterDeviceCode';
import { useEntraOffers } from '../../checks/entra-offers';
import { SecurityDefaultsOffer } from '../../checks/TurnOffSecurityDefaults';
import { SwitchFix, switchOf } from '../../checks/SwitchFix';
import { TurnOnSmtpAuth } from '../../checks/TurnOnSmtpAuth';
import { useAccountStory } from '../../account/account-story';
import { ProblemNotice } from '../../components/ProblemNotice';
import { WhatIsThis } from '../../components/WhatIsThis';
import { AdminPageButton } from '../../components/AdminPageButton';
import { CopyButton } from '../../components/CopyButton';
import {
  mailResult,
  tenantResults as finishedTenantChecks,
  useMailCheck,
  useTenantChecks,
} from '../../checks/exchange-checks';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';

/**
 * "Check Exchange Online": a real SMTP AUTH login as the printer will do it, an optional test
 * message, and the tenant checks over Microsoft Graph the user chooses. Main runs them, puts
 * their results on the status board and keeps their last run, which this step shows (also
 * after leaving it); the SMTP conversation can be copied for support.
 */
export function VerifyTenantStep() {
  const { t } = useTranslation('exchange');
  const goTo = useWizard((store) => store.goTo);
  const loadable = useMainValue('exchangeSetup');
  const setup = loadable.status === 'ready' ? loadable.value : null;
  const [sendTest, setSendTest] = useState(false);
  const [testAddress, setTestAddress] = useState('');
  // A test address refused here, before anything is sent (it hides the last run meanwhile).
  const [failure, setFailure] = useState<Problem | null>(null);
  const [chosen, setChosen] = useState<TenantCheckId[]>([]);
  const mail = useMailCheck();
  const tenant = useTenantChecks();
  const running = mail.running;
  const lastMail = failure ? null : mail.last;
  const result = mailResult(lastMail);
  const tenantRunning = tenant.running;
  const tenantResults = finishedTenantChecks(tenant.last);
  // "Do it for me" beside the tenant findings; once offered it stays (its change makes them pass).
  const entraOffers = useEntraOffers(tenantResults);
  const tenantFailure = tenant.last?.state === 'failed' ? tenant.last.problem : null;
  const [doItForMe, setDoItForMe] = useState(false);
  const addressId = useId();
  const addressHintId = useId();
  // In practice mode the delivered message can be seen in the practice mailbox (the host's page).
  const practiceInbox = useReadyState().appInfo.practiceWorld?.mailboxUrl ?? null;

  const checkNow = async (): Promise<void> => {
    setFailure(null);
    if (sendTest && testAddress.trim() !== '') {
      const checked = checkTestAddress(testAddress);
      if (!checked.ok) return setFailure(problem(checked.problemId));
    }
    await mail.run({
      sendTest,
      ...(sendTest && testAddress.trim() !== '' ? { testAddress: testAddress.trim() } : {}),
    });
  };

  const runTenantChecks = async (): Promise<void> => {
    if (chosen.length > 0) await tenant.run(chosen);
  };

  const shownProblem =
    failure ?? (lastMail?.state === 'failed' ? lastMail.problem : null) ?? result?.problem ?? null;
  const reply =
    typeof shownProblem?.data?.['reply'] === 'string' ? shownProblem.data['reply'] : null;

  return (
    <StepFrame step="verify-tenant">
      {loadable.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loadable.status === 'failed' && <ProblemNotice problem={loadable.problem} />}
      {setup && (
        <>
          <p>{setup.personal ? t('verify.personal') : t('verify.intro')}</p>
          {/* Host, port and protocol names are for IT, not the person's first read. */}
          <details className="for-it" data-testid="verify-for-it">
            <summary>{t('verify.forIt')}</summary>
            <p>{t('verify.forItDetail', { host: setup.smtpHost, port: setup.smtpPort })}</p>
          </details>
        </>
      )}

      <section className="switch-card" aria-labelledby="smtp-check-title">
        <h3 id="smtp-check-title">{t('verify.smtpTitle')}</h3>
        <WhatIsThis term="smtp-auth" />
        {setup && !setup.personal && <CheckedMailbox onSignIn={() => goTo('sign-in')} />}
        <label className="choice">
          <input
            type="checkbox"
            checked={sendTest}
            onChange={(event) => setSendTest(event.target.checked)}
          />
          <span>{t('verify.sendTest')}</span>
        </label>
        {sendTest && (
          <div className="field">
            <label htmlFor={addressId} className="field-label">
              {t('verify.testAddress')}
            </label>
            <input
              id={addressId}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={testAddress}
              aria-describedby={addressHintId}
              onChange={(event) => setTestAddress(event.target.value)}
            />
            <p id={addressHintId} className="hint">
              {t('verify.testAddressHint')}
            </p>
          </div>
        )}
        <p>
          <button
            type="button"
            className="primary"
            disabled={running}
            onClick={() => void checkNow()}
          >
            {running ? t('verify.checking') : t('verify.checkNow')}
          </button>
        </p>
        <div aria-live="polite">
          {result?.passed && (
            <div className="notice notice-success" data-testid="mail-check-passed">
              <p className="notice-title">{t('verify.passed', { mailbox: result.mailbox })}</p>
              <p>{t('verify.passedHint')}</p>
              {result.testMessage && (
                <p>
                  {t('verify.sent', {
                    to: result.testMessage.to,
                    subject: result.testMessage.subject,
                  })}
                </p>
              )}
              {result.testMessage && practiceInbox && (
                <AdminPageButton url={practiceInbox} label={t('verify.practiceInbox')} />
              )}
            </div>
          )}
          {result && !result.passed && result.testMessage && !result.problem && (
            <div className="notice notice-warning">
              <p>{t('verify.notSent', { to: result.testMessage.to })}</p>
            </div>
          )}
        </div>
        {shownProblem && <ProblemNotice problem={shownProblem} />}
        {reply && (
          <p className="server-reply">
            <span className="field-label">{t('verify.reply')}</span> <code>{reply}</code>
          </p>
        )}
        {/* Once opened it stays: the check it runs will pass, and the problem go away. */}
        {(doItForMe ||
          (shownProblem && remediesFor(shownProblem.id).includes('turn-on-smtp-auth'))) && (
          <div className="do-it-for-me-offer">
            {doItForMe ? (
              <TurnOnSmtpAuth />
            ) : (
              <button type="button" onClick={() => setDoItForMe(true)}>
                {t('doItForMe.offer')}
              </button>
            )}
          </div>
        )}
        {shownProblem && switchOf(shownProblem.id) ? (
          // Check first: the switch found off is explained and fixed here, not 2,000 px away.
          <SwitchFix
            problemId={shownProblem.id}
            checking={running}
            onCheckAgain={() => void checkNow()}
          />
        ) : (
          shownProblem &&
          fixingStep(shownProblem.id) === 'prepare-exchange' && (
            <p>
              <button type="button" onClick={() => goTo('prepare-exchange')}>
                {t('verify.prepareLink')}
              </button>
            </p>
          )
        )}
        {shownProblem?.id.startsWith('signin-') && (
          <p>
            <button type="button" onClick={() => goTo('sign-in')}>
              {t('verify.signInLink')}
            </button>
          </p>
        )}
        {result && (
          <details className="transcript">
            <summary>{t('verify.transcript')}</summary>
            {/* Focusable, so a keyboard user can scroll a long conversation. */}
            <pre
              data-testid="smtp-transcript"
              tabIndex={0}
              role="region"
              aria-label={t('verify.transcript')}
            >
              {result.transcript}
            </pre>
            <CopyButton text={result.transcript} label={t('verify.copyTranscript')} />
            <p className="hint">
              {t('verify.took', { seconds: (result.durationMs / 1000).toFixed(1) })}
            </p>
          </details>
        )}
      </section>

      {setup && !setup.personal && (
        <section className="switch-card" aria-labelledby="tenant-check-title">
          <h3 id="tenant-check-title">{t('verify.tenantTitle')}</h3>
          <p>{t('verify.tenantIntro')}</p>
          <WhatIsThis term="conditional-access" />
          <fieldset className="plain">
            <legend className="visually-hidden">{t('verify.tenantTitle')}</legend>
            {tenantCheckIds.map((id) => (
              <label key={id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(id)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked
                        ? [...current, id]
                        : current.filter((item) => item !== id),
                    )
                  }
                />
                <span>{t(`verify.checks.${id}`)}</span>
              </label>
            ))}
          </fieldset>
          <p>
            <button
              type="button"
              disabled={tenantRunning || chosen.length === 0}
              onClick={() => void runTenantChecks()}
            >
              {tenantRunning ? t('verify.runningTenant') : t('verify.runTenant')}
            </button>
          </p>
          {tenantFailure && <ProblemNotice problem={tenantFailure} />}
          {tenantResults && (
            <ul className="tenant-results">
              {tenantResults.map((item) => (
                <li key={item.check} data-check={item.check} className={`tenant-${item.state}`}>
                  <p>
                    <strong>{t(`verify.checks.${item.check}`)}</strong>{' '}
                    <span className="tenant-state">{t(`verify.state.${item.state}`)}</span>
                  </p>
                  {item.problem ? (
                    <ProblemNotice problem={item.problem} />
                  ) : (
                    <p>{t(`verify.result.${item.check}`)}</p>
                  )}
                  {item.method && <p className="hint">{t(`verify.method.${item.method}`)}</p>}
                  {item.facts.length > 0 && (
                    <p className="hint">{t('verify.found', { facts: item.facts.join(', ') })}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {entraOffers.securityDefaults && <SecurityDefaultsOffer />}
          {entraOffers.deviceCode && <DeviceCodeOffer />}
        </section>
      )}
    </StepFrame>
  );
}

/**
 * Which mailbox the login proves: the account story's. Signed in as another account (the
 * administrator who consented), the check would prove the wrong mailbox: say so, and the way.
 */
function CheckedMailbox({ onSignIn }: { onSignIn(): void }) {
  const { t } = useTranslation('exchange');
  const story = useAccountStory();
  if (!story.mailbox || !story.signedIn) return null;
  if (story.stage === 'ready')
    return (
      <p data-testid="checked-mailbox">{t('verify.story.checks', { mailbox: story.mailbox })}</p>
    );
  return (
    <div className="notice notice-warning" data-testid="checked-mailbox">
      <p className="notice-title">{t('verify.story.otherTitle')}</p>
      <p>{t('verify.story.other', { account: story.signedIn, mailbox: story.mailbox })}</p>
      <p>
        <button type="button" onClick={onSignIn}>
          {t('verify.story.signIn', { mailbox: story.mailbox })}
        </button>
      </p>
    </div>
  );
}
