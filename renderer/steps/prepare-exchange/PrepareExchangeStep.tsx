import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { examplePrinterMailbox, powerShellLines } from '../../../shared/exchange/powershell';
import type { ExchangeSetup } from '../../../shared/contract/exchange';
import { SecurityDefaultsOffer } from '../../checks/TurnOffSecurityDefaults';
import { AdminPageButton } from '../../components/AdminPageButton';
import { DeadlineNotice } from '../../components/DeadlineNotice';
import { arriveAtTarget } from '../../components/scroll-target';
import { CopyButton } from '../../components/CopyButton';
import { ProblemNotice } from '../../components/ProblemNotice';
import { assertNever } from '../../store/loadable';
import { useMainValue } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';

/**
 * The guide's "Enable SMTP AUTH in Exchange Online": the three switches, what each does, why
 * the printer needs it, where to click (with a button to the right admin page), the
 * PowerShell lines to copy, the honest cost of turning security defaults off, and what else
 * works when SMTP AUTH must stay off.
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
  // Sent here for one switch (from Check Exchange Online): land on it, not at the top.
  useEffect(() => arriveAtTarget(), []);
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
      <ol className="ps-lines">
        {[lines.connect, ...items].map((line) => (
          <li key={line}>
            <code>{line}</code>
            <CopyButton text={line} label={t('prepare.copy')} />
          </li>
        ))}
      </ol>
      <CopyButton text={[lines.connect, ...items].join('\n')} label={t('prepare.copyAll')} />
    </div>
  );

  return (
    <StepFrame step="prepare-exchange">
      <p>{t('prepare.intro')}</p>
      <DeadlineNotice>
        <p>{t('prepare.deadlineHere')}</p>
      </DeadlineNotice>
      {setup.practice && (
        <div className="notice notice-info">
          <p>{t('prepare.practice')}</p>
        </div>
      )}
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

      <section className="switch-card" aria-labelledby="switch-security-defaults">
        <h3 id="switch-security-defaults">{t('prepare.securityDefaults.title')}</h3>
        <dl>
          <dt>{t('prepare.what')}</dt>
          <dd>{t('prepare.securityDefaults.what')}</dd>
          <dt>{t('prepare.why')}</dt>
          <dd>{t('prepare.securityDefaults.why')}</dd>
        </dl>
        <div className="notice notice-warning">
          <p className="notice-title">{t('prepare.securityDefaults.costTitle')}</p>
          <p>{t('prepare.securityDefaults.cost')}</p>
          <p>{t('prepare.securityDefaults.recommend')}</p>
        </div>
        <SecurityDefaultsOffer offerNext />
        <h4>{t('prepare.clicks')}</h4>
        <p>{t('prepare.securityDefaults.clicks')}</p>
        <AdminPageButton url={pages.entraProperties} label={t('prepare.securityDefaults.open')} />
        {pages.conditionalAccess && (
          <AdminPageButton
            url={pages.conditionalAccess}
            label={t('prepare.securityDefaults.openCa')}
          />
        )}
      </section>

      <section className="switch-card" aria-labelledby="switch-organization">
        <h3 id="switch-organization">{t('prepare.organization.title')}</h3>
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
      </section>

      <section className="switch-card" aria-labelledby="switch-mailbox">
        <h3 id="switch-mailbox">{t('prepare.mailbox.title')}</h3>
        <dl>
          <dt>{t('prepare.what')}</dt>
          <dd>{t('prepare.mailbox.what')}</dd>
          <dt>{t('prepare.why')}</dt>
          <dd>{t('prepare.mailbox.why')}</dd>
        </dl>
        <h4>{t('prepare.clicks')}</h4>
        <p>{t('prepare.mailbox.clicks')}</p>
        <AdminPageButton url={pages.m365ActiveUsers} label={t('prepare.mailbox.open')} />
        {commands(lines.mailbox)}
        <p className="hint">{t('prepare.mailbox.values')}</p>
      </section>

      <p className="hint">{t('prepare.delay')}</p>

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
    </StepFrame>
  );
}
