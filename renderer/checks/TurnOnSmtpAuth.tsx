/**
 * "Do it for me": SMTP AUTH for the signed-in mailbox, turned on by the wizard. It reads and
 * shows the current setting first, says what will change and what it costs, asks to confirm,
 * then main changes it, reads it back, records it and re-runs the real SMTP AUTH check; Undo
 * puts back what was read. The permission (Exchange.Manage) is asked for here, not at sign-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../shared/contract';
import type { MailboxSmtpAuth, MailboxSmtpAuthFix } from '../../shared/contract/exchange';
import { powerShellLines } from '../../shared/exchange/powershell';
import { isMailboxSmtpAuthSetting } from '../../shared/model';
import type { Problem } from '../../shared/problem';
import { useAccountStory } from '../account/account-story';
import { PowerShellLines } from '../components/PowerShellLines';
import { ProblemNotice } from '../components/ProblemNotice';
import { useMainValue, useWizard } from '../store/wizard-store';
import { PracticeChangesLink, ReadFailed, StillWaiting, useReadFirst } from './read-first';

type Phase =
  | { kind: 'reading' }
  | { kind: 'needs-permission'; asked: boolean }
  | { kind: 'read'; current: MailboxSmtpAuth }
  | { kind: 'changing'; current: MailboxSmtpAuth }
  | { kind: 'changed'; fix: MailboxSmtpAuthFix }
  | { kind: 'undone'; current: MailboxSmtpAuth }
  | { kind: 'failed'; problem: Problem };

export function TurnOnSmtpAuth() {
  const { t } = useTranslation('exchange');
  const ask = useWizard((store) => store.ask);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [undoing, setUndoing] = useState(false);
  /** The mailbox Exchange named when it was read (for the PowerShell lines after a failure). */
  const [mailbox, setMailbox] = useState<string | null>(null);

  const show = (reply: Reply<MailboxSmtpAuth>): void => {
    if (reply.ok) {
      setMailbox(reply.value.mailbox);
      setPhase({ kind: 'read', current: reply.value });
    } else if (reply.problem.id === 'exchange-admin-consent-missing') {
      setPhase({ kind: 'needs-permission', asked: false });
    } else setPhase({ kind: 'failed', problem: reply.problem });
  };
  /** The setting as Exchange has it now (or why not), read when the panel opens. */
  const {
    read,
    allow: allowIn,
    signInProblem,
  } = useReadFirst({
    load: () => ask('readMailboxSmtpAuth', {}),
    show,
    reading: () => setPhase({ kind: 'reading' }),
  });
  const allow = (): Promise<void> =>
    allowIn(() => ask('allowExchangeChanges', {}), {
      asked: () => setPhase({ kind: 'needs-permission', asked: true }),
      failed: (problem) => setPhase({ kind: 'failed', problem }),
    });

  const change = async (current: MailboxSmtpAuth): Promise<void> => {
    setPhase({ kind: 'changing', current });
    const reply = await ask('turnOnMailboxSmtpAuth', {});
    setPhase(
      reply.ok ? { kind: 'changed', fix: reply.value } : { kind: 'failed', problem: reply.problem },
    );
  };

  const undo = async (fix: MailboxSmtpAuthFix): Promise<void> => {
    if (!fix.change) return;
    setUndoing(true);
    const reply = await ask('undoAdminChange', { id: fix.change.id });
    setUndoing(false);
    if (!reply.ok) return setPhase({ kind: 'failed', problem: reply.problem });
    const before = reply.value.before;
    if (!isMailboxSmtpAuthSetting(before)) return void (await read());
    setPhase({ kind: 'undone', current: { mailbox: reply.value.target, setting: before } });
  };

  const declined =
    phase.kind === 'needs-permission' && signInProblem?.id === 'signin-consent-declined';

  return (
    <section className="do-it-for-me" aria-labelledby="do-it-for-me-title">
      <h4 id="do-it-for-me-title">{t('doItForMe.title')}</h4>
      <p className="hint">{t('doItForMe.endpointNote')}</p>
      <div role="status" aria-live="polite">
        {phase.kind === 'reading' && <p>{t('doItForMe.reading')}</p>}
        {phase.kind === 'changing' && (
          <p>{t('doItForMe.changing', { mailbox: phase.current.mailbox })}</p>
        )}
        {phase.kind === 'changed' && <Changed fix={phase.fix} />}
        {phase.kind === 'undone' && (
          <p>
            {t('doItForMe.undone', {
              mailbox: phase.current.mailbox,
              setting: t(`doItForMe.setting.${phase.current.setting}`),
            })}
          </p>
        )}
      </div>
      {/* Outside the live region: a counter read out every second would drown the rest. */}
      {phase.kind === 'changing' && <StillWaiting thenChecksLogin />}
      {phase.kind === 'needs-permission' && (
        <div>
          <p>{t('doItForMe.permission')}</p>
          {declined && <ProblemNotice problem={{ id: 'signin-consent-declined' }} />}
          <button type="button" className="primary" onClick={() => void allow()}>
            {phase.asked ? t('doItForMe.allowAgain') : t('doItForMe.allow')}
          </button>
        </div>
      )}
      {phase.kind === 'read' && (
        <div>
          <p>
            {t('doItForMe.now', {
              mailbox: phase.current.mailbox,
              setting: t(`doItForMe.setting.${phase.current.setting}`),
            })}
          </p>
          {phase.current.setting === 'on' ? (
            <p>{t('doItForMe.alreadyOn')}</p>
          ) : (
            <>
              <p>{t('doItForMe.willChange', { mailbox: phase.current.mailbox })}</p>
              <p>{t('doItForMe.cost')}</p>
              <p>{t('doItForMe.undoNote')}</p>
            </>
          )}
          <button type="button" className="primary" onClick={() => void change(phase.current)}>
            {phase.current.setting === 'on'
              ? t('doItForMe.checkAgain')
              : t('doItForMe.confirm', { mailbox: phase.current.mailbox })}
          </button>
        </div>
      )}
      {phase.kind === 'changed' && phase.fix.change && (
        <button type="button" disabled={undoing} onClick={() => void undo(phase.fix)}>
          {t('doItForMe.undo')}
        </button>
      )}
      {(phase.kind === 'changed' || phase.kind === 'undone') && <PracticeChangesLink />}
      {phase.kind === 'failed' && (
        <>
          <ReadFailed problem={phase.problem} onReadAgain={() => void read()} />
          <MailboxPowerShell mailbox={mailbox} />
        </>
      )}
    </section>
  );
}

/**
 * Whatever went wrong (busy, an answer the wizard does not know, no role), the same change by
 * hand: the PowerShell lines for this mailbox, for whoever in IT has Exchange Online PowerShell.
 */
function MailboxPowerShell({ mailbox }: { mailbox: string | null }) {
  const { t } = useTranslation('exchange');
  const setup = useMainValue('exchangeSetup');
  const story = useAccountStory();
  if (setup.status !== 'ready') return null;
  const lines = powerShellLines(setup.value.profileId, mailbox ?? story.mailbox ?? '');
  const commands = [lines.connect, ...lines.mailbox];
  return (
    <div className="powershell" data-testid="mailbox-powershell">
      <h5>{t('prepare.powershell')}</h5>
      <p className="hint">{t('prepare.powershellIntro')}</p>
      <PowerShellLines commands={commands} copyAll />
    </div>
  );
}

function Changed({ fix }: { fix: MailboxSmtpAuthFix }) {
  const { t } = useTranslation('exchange');
  const change = fix.change;
  return (
    <>
      {change ? (
        <p>
          {t('doItForMe.changed', {
            mailbox: change.target,
            before: t(`doItForMe.setting.${change.before}`),
            by: change.by,
          })}
        </p>
      ) : (
        <p>{t('doItForMe.alreadyOn')}</p>
      )}
      {fix.check?.passed ? (
        <p className="notice notice-success">{t('doItForMe.proven')}</p>
      ) : (
        <>
          <p>{t('doItForMe.notYet', { count: Math.max(1, Math.round(fix.waitedSeconds / 60)) })}</p>
          {fix.check?.problem && <ProblemNotice problem={fix.check.problem} />}
        </>
      )}
    </>
  );
}
