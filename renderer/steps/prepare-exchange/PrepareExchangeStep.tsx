import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { examplePrinterMailbox, powerShellLines } from '../../../shared/exchange/powershell';
import type { ExchangeSetup } from '../../../shared/contract/exchange';
import { SecurityDefaultsOffer } from '../../checks/TurnOffSecurityDefaults';
import { AdminPageButton } from '../../components/AdminPageButton';
import { DeadlineNotice } from '../../components/DeadlineNotice';
import { arriveAtTarget } from '../../components/scroll-target';
import { PowerShellLines } from '../../components/PowerShellLines';
import { ProblemNotice } from '../../components/ProblemNotice';
import { assertNever } from '../../store/loadable';
import { useMainValue, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';

/**
 * Check first: a short "what we will check and why" before the person signs in. One card per
 * switch (security defaults, Conditional Access for the printer's device-code sign-in, SMTP AUTH
 * for the organization and for the mailbox, consent for the organization) says in plain words
 * what it is and why the printer needs it; the guide's full "Enable SMTP AUTH in Exchange
 * Online" (clicks, admin-page buttons, PowerShell, the cost of turning security defaults off)
 * stays, folded "For IT". Check Exchange Online then shows only what is off, with its fix.
 */
export function PrepareExchangeStep() {
  const { t } = useTranslation('exchange');
  const setup = useMainValue('exchangeSetup');
  switch (setup.status) {
    case 'loading':
      return (
        <StepFrame step="prepare-exchange">
          <p aria-busy="true">{t('loading')}</p>
        </StepFrame>
      );
    case 'failed':
      return (
        <StepFrame step="prepare-exchange">
          <ProblemNotice problem={setup.problem} />
        </StepFrame>
      );
    case 'ready':
      return <PrepareSwitches setup={setup.value} />;
    default:
      return assertNever(setup);
  }
}

function PrepareSwitches({ setup }: { setup: ExchangeSetup }) {
  const { t } = useTranslation('exchange');
  const goNext = useWizard((store) => store.goNext);
  // Sent here for one switch (from Check Exchange Online): land on it, not at the top, with its
  // guidance for IT unfolded.
  useEffect(() => {
    const target = arriveAtTarget();
    const forIt = target?.closest('section')?.querySelector('details.for-it');
    if (forIt instanceof HTMLDetailsElement) forIt.open = true;
  }, []);
  const [mailbox, setMailbox] = useState('');
  const mailboxId = useId();
  const hintId = useId();
  const lines = powerShellLines(setup.profileId, mailbox);
  const pages = setup.adminPages;

  if (setup.personal) {
    return (
      <StepFrame step="prepare-exchange">
        <div className="notice notice-info">
          <p>{t('prepare.personal')}</p>
        </div>
      </StepFrame>
    );
  }

  const commands = (items: string[], explain = false) => (
    <div className="powershell">
      <h4>{t('prepare.powershell')}</h4>
      {explain && <p className="hint">{t('prepare.powershellIntro')}</p>}
      <PowerShellLines commands={[lines.connect, ...items]} copyAll />
    </div>
  );

  /** Each switch: what it is and why the printer needs it in plain words; the rest folded for IT. */
  const switchCard = (id: string, name: SwitchName, forIt: ReactNode) => (
    <section className="switch-card switch-card-brief" aria-labelledby={id}>
      <h3 id={id}>{t(`prepare.${name}.title`)}</h3>
      <p>{t(`prepare.${name}.short`)}</p>
      <details className="for-it">
        <summary>{t('prepare.forIt')}</summary>
        {forIt}
      </details>
    </section>
  );

  return (
    <StepFrame step="prepare-exchange">
      <div className="prepare-start">
        <p>{t('prepare.intro')}</p>
        <button type="button" className="primary" onClick={goNext}>
          {t('prepare.start')}
        </button>
      </div>
      {setup.practice && <p className="hint">{t('prepare.practice')}</p>}

      {switchCard(
        'switch-security-defaults',
        'securityDefaults',
        <>
          <dl>
            <dt>{t('prepare.what')}</dt>
            <dd>{t('prepare.securityDefaults.what')}</dd>
            <dt>{t('prepare.why')}</dt>
            <dd>{t('prepare.securityDefaults.why')}</dd>
          </dl>
          <div className="notice notice-warning">
            <p className="notice-title">{t('prepare.securityDefaults.costTitle')}</p>
            <p>{t('prepare.securityDefaults.cost')}</p>
            <p>{t('prepare.securityDefaults.managed')}</p>
            <p>{t('prepare.securityDefaults.recommend')}</p>
          </div>
          <SecurityDefaultsOffer offerNext />
          <h4>{t('prepare.clicks')}</h4>
          <p>{t('prepare.securityDefaults.clicks')}</p>
          <AdminPageButton url={pages.entraProperties} label={t('prepare.securityDefaults.open')} />
        </>,
      )}

      {switchCard(
        'switch-organization',
        'organization',
        <>
          <dl>
            <dt>{t('prepare.what')}</dt>
            <dd>{t('prepare.organization.what')}</dd>
            <dt>{t('prepare.why')}</dt>
            <dd>{t('prepare.organization.why')}</dd>
          </dl>
          <h4>{t('prepare.clicks')}</h4>
          <p>{t('prepare.organization.clicks')}</p>
          <p className="hint">{t('prepare.organization.narrower')}</p>
          <AdminPageButton url={pages.exchangeSettings} label={t('prepare.organization.open')} />
          {commands(lines.organization, true)}
          {/* What else works when the organization keeps SMTP AUTH off. */}
          <details className="alternatives">
            <summary>{t('prepare.alternatives.title')}</summary>
            <p>{t('prepare.alternatives.intro')}</p>
            <ul>
              <li>{t('prepare.alternatives.directSend')}</li>
              <li>{t('prepare.alternatives.relay')}</li>
              <li>{t('prepare.alternatives.others')}</li>
            </ul>
            <p className="hint">{t('prepare.alternatives.limits')}</p>
          </details>
        </>,
      )}

      {switchCard(
        'switch-mailbox',
        'mailbox',
        <>
          <dl>
            <dt>{t('prepare.what')}</dt>
            <dd>{t('prepare.mailbox.what')}</dd>
            <dt>{t('prepare.why')}</dt>
            <dd>{t('prepare.mailbox.why')}</dd>
          </dl>
          <h4>{t('prepare.clicks')}</h4>
          <p>{t('prepare.mailbox.clicks')}</p>
          <AdminPageButton url={pages.m365ActiveUsers} label={t('prepare.mailbox.open')} />
          <div className="field">
            <label htmlFor={mailboxId} className="field-label">
              {t('prepare.mailboxLabel')}
            </label>
            <input
              id={mailboxId}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={mailbox}
              placeholder={examplePrinterMailbox}
              aria-describedby={hintId}
              onChange={(event) => setMailbox(event.target.value)}
            />
            <p id={hintId} className="hint">
              {t('prepare.mailboxHint')}
            </p>
          </div>
          {commands(lines.mailbox)}
          <p className="hint">{t('prepare.mailbox.values')}</p>
          <p className="hint">{t('prepare.delay')}</p>
        </>,
      )}

      {switchCard(
        'switch-conditional-access',
        'conditionalAccess',
        <>
          <p>{t('prepare.conditionalAccess.managed')}</p>
          <h4>{t('prepare.clicks')}</h4>
          <p>{t('prepare.conditionalAccess.clicks')}</p>
          {pages.conditionalAccess && (
            <AdminPageButton
              url={pages.conditionalAccess}
              label={t('prepare.securityDefaults.openCa')}
            />
          )}
        </>,
      )}

      {switchCard('switch-consent', 'consent', <p>{t('prepare.consent.clicks')}</p>)}

      <DeadlineNotice folded>
        <p>{t('prepare.deadlineHere')}</p>
      </DeadlineNotice>
    </StepFrame>
  );
}

type SwitchName = 'securityDefaults' | 'conditionalAccess' | 'organization' | 'mailbox' | 'consent';
