import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemedyAction } from '../../shared/troubleshoot/remedies';
import {
  useMailCheck,
  useTenantChecks,
  type MailCheckRun,
  type TenantChecksRun,
} from '../checks/exchange-checks';
import { TurnOnSmtpAuth } from '../checks/TurnOnSmtpAuth';
import { ProblemNotice } from '../components/ProblemNotice';
import { useReadyState, useWizard } from '../store/wizard-store';
import { BrowserSignIn } from './BrowserSignIn';
import { useTroubleshoot } from './troubleshoot-store';

/** Remedies that only make sense for an organization (work or school account). */
const organizationOnly = new Set<RemedyAction>([
  'run-ca-check',
  'run-security-defaults-check',
  'prepare-exchange',
  'browser-sign-in',
  'turn-on-smtp-auth',
]);

const mailActions = new Set<RemedyAction>(['run-exchange-check', 'run-send-check']);
const tenantActions = new Set<RemedyAction>(['run-ca-check', 'run-security-defaults-check']);

type Outcome = { kind: 'mail'; run: MailCheckRun } | { kind: 'tenant'; run: TenantChecksRun };

/**
 * The buttons that act on a diagnosis: the wizard's own checks run here (the same checks as
 * the "Check Exchange Online" step) and their last run shows in place, as main keeps it (also
 * the step's, and on the status board); the others take the user to the step that fixes it.
 */
export function RemedyButtons({ actions }: { actions: readonly RemedyAction[] }) {
  const { t } = useTranslation('troubleshoot');
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  const hide = useTroubleshoot((store) => store.hide);
  const mail = useMailCheck();
  const tenant = useTenantChecks();
  // Which of the two checks this diagnosis last pressed (by default the one it offers).
  const [pressed, setPressed] = useState<'mail' | 'tenant' | null>(null);
  const [running, setRunning] = useState<RemedyAction | null>(null);
  const [browserSignIn, setBrowserSignIn] = useState(false);
  const [doItForMe, setDoItForMe] = useState(false);
  const personal = progress.accountKind === 'personal';
  const shown = actions.filter((action) => !personal || !organizationOnly.has(action));
  if (shown.length === 0) return null;

  const kind =
    pressed ??
    (shown.some((action) => mailActions.has(action))
      ? 'mail'
      : shown.some((action) => tenantActions.has(action))
        ? 'tenant'
        : null);
  const outcome: Outcome | null =
    kind === 'mail' && mail.last && mail.last.state !== 'running'
      ? { kind: 'mail', run: mail.last }
      : kind === 'tenant' && tenant.last && tenant.last.state !== 'running'
        ? { kind: 'tenant', run: tenant.last }
        : null;
  const busy = running !== null || mail.running || tenant.running;

  const runChecks = async (action: RemedyAction): Promise<void> => {
    setRunning(action);
    if (mailActions.has(action)) {
      setPressed('mail');
      // The send check mails the signed-in mailbox itself: refusals at MAIL FROM or DATA show.
      await mail.run({ sendTest: action === 'run-send-check' });
    } else {
      setPressed('tenant');
      await tenant.run(action === 'run-ca-check' ? ['conditional-access'] : ['security-defaults']);
    }
    setRunning(null);
  };

  const act = (action: RemedyAction): void => {
    switch (action) {
      case 'run-exchange-check':
      case 'run-send-check':
      case 'run-ca-check':
      case 'run-security-defaults-check':
        void runChecks(action);
        return;
      case 'browser-sign-in':
        setBrowserSignIn(true);
        return;
      case 'turn-on-smtp-auth':
        setDoItForMe(true);
        return;
      case 'sign-in-again':
        hide();
        goTo('sign-in');
        return;
      case 'prepare-exchange':
        hide();
        goTo('prepare-exchange');
        return;
      case 'find-printer':
      case 'start-oauth-journey':
        // The journey to OAuth 2.0 starts by finding the printer (Welcome is already done).
        hide();
        goTo('find-printer');
        return;
    }
  };

  return (
    <div className="remedies">
      <h4>{t('result.actions')}</h4>
      <div className="actions">
        {shown.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            aria-busy={running === action}
            onClick={() => act(action)}
          >
            {t(`action.${action}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {busy && <p>{t('check.running')}</p>}
      </div>
      {outcome && <OutcomeView outcome={outcome} />}
      {browserSignIn && <BrowserSignIn />}
      {doItForMe && <TurnOnSmtpAuth />}
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return outcome.kind === 'mail' ? (
    <MailOutcome run={outcome.run} />
  ) : (
    <TenantOutcome run={outcome.run} />
  );
}

function MailOutcome({ run }: { run: MailCheckRun }) {
  const { t } = useTranslation('troubleshoot');
  if (run.state === 'failed') return <ProblemNotice problem={run.problem} />;
  if (run.state === 'running') return null;
  const { result } = run;
  if (result.passed) {
    const words = run.request.sendTest ? 'check.sendPassed' : 'check.mailPassed';
    return (
      <div className="notice notice-success" data-testid="remedy-outcome">
        <p>{t(words, { mailbox: result.mailbox ?? '' })}</p>
      </div>
    );
  }
  return result.problem ? <ProblemNotice problem={result.problem} /> : null;
}

function TenantOutcome({ run }: { run: TenantChecksRun }) {
  const { t } = useTranslation('troubleshoot');
  if (run.state === 'failed') return <ProblemNotice problem={run.problem} />;
  if (run.state === 'running') return null;
  const troubled = run.result.filter((result) => result.state !== 'passed');
  if (troubled.length === 0) {
    return (
      <div className="notice notice-success" data-testid="remedy-outcome">
        <p>{t('check.tenantPassed')}</p>
      </div>
    );
  }
  return (
    <div data-testid="remedy-outcome">
      {troubled.map((result) => (
        <div key={result.check}>
          {result.problem && <ProblemNotice problem={result.problem} />}
          {result.facts.length > 0 && (
            <ul className="hint">
              {result.facts.map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
