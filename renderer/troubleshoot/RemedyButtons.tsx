import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../shared/contract';
import type { TenantCheckId } from '../../shared/contract/exchange';
import type { Problem } from '../../shared/problem';
import { problemLinks } from '../../shared/problems/links';
import type { RemedyAction } from '../../shared/troubleshoot/remedies';
import {
  useMailCheck,
  useTenantChecks,
  type MailCheckRun,
  type TenantChecksRun,
} from '../checks/exchange-checks';
import { AllowPrinterDeviceCode } from '../checks/AllowPrinterDeviceCode';
import { TurnOffSecurityDefaults } from '../checks/TurnOffSecurityDefaults';
import { TurnOnSmtpAuth } from '../checks/TurnOnSmtpAuth';
import { ProblemNotice } from '../components/ProblemNotice';
import { useReadyState, useWizard } from '../store/wizard-store';
import { AdminFixLinks } from './AdminFixLinks';
import { BrowserSignIn } from './BrowserSignIn';
import { clockTime } from './clock-time';
import { useTroubleshoot } from './troubleshoot-store';

/** Remedies that only make sense for an organization (work or school account). */
const organizationOnly = new Set<RemedyAction>([
  'run-ca-check',
  'run-security-defaults-check',
  'prepare-exchange',
  'browser-sign-in',
  'turn-on-smtp-auth',
  'choose-sending-way',
  'turn-off-security-defaults',
  'allow-printer-device-code',
]);

const mailActions = new Set<RemedyAction>(['run-exchange-check', 'run-send-check']);

type Outcome = { kind: 'mail'; run: MailCheckRun } | { kind: 'tenant'; run: TenantChecksRun };

/** One check this diagnosis ran: which, what it answered, and when it finished. */
interface CheckRan {
  action: RemedyAction;
  outcome: Outcome;
  finishedAt: Date;
}

/** The check's answer as a finished run, the way main keeps a last run. */
function finishedRun<Request, Result>(
  request: Request,
  reply: Reply<Result>,
):
  | { state: 'done'; request: Request; result: Result }
  | { state: 'failed'; request: Request; problem: Problem } {
  return reply.ok
    ? { state: 'done', request, result: reply.value }
    : { state: 'failed', request, problem: reply.problem };
}

/**
 * The buttons that act on a diagnosis: the wizard's own checks run here (the same checks as
 * the "Check Exchange Online" step, whose last run main keeps for the step and the board) and
 * this diagnosis shows only what it ran itself, with the time: a result from an earlier
 * diagnosis, or from before a fix, never shows under a new one. The other buttons take the
 * user to the step that fixes it.
 */
export function RemedyButtons({
  actions,
  withLinks = false,
}: {
  actions: readonly RemedyAction[];
  /** Where no diagnosis lists them: the admin pages where a found problem is fixed. */
  withLinks?: boolean;
}) {
  const { t, i18n } = useTranslation('troubleshoot');
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  const hide = useTroubleshoot((store) => store.hide);
  const mail = useMailCheck();
  const tenant = useTenantChecks();
  const [ran, setRan] = useState<CheckRan[]>([]);
  const [running, setRunning] = useState<RemedyAction | null>(null);
  const [browserSignIn, setBrowserSignIn] = useState(false);
  const [doItForMe, setDoItForMe] = useState(false);
  const [securityDefaultsOff, setSecurityDefaultsOff] = useState(false);
  const [deviceCodeAllowed, setDeviceCodeAllowed] = useState(false);
  const personal = progress.accountKind === 'personal';
  const shown = actions.filter((action) => !personal || !organizationOnly.has(action));
  if (shown.length === 0) return null;

  const busy = running !== null || mail.running || tenant.running;

  const runCheck = async (action: RemedyAction): Promise<Outcome> => {
    if (mailActions.has(action)) {
      // The send check mails the signed-in mailbox itself: refusals at MAIL FROM or DATA show.
      const request = { sendTest: action === 'run-send-check' };
      return { kind: 'mail', run: finishedRun(request, await mail.run(request)) };
    }
    const checks: TenantCheckId[] =
      action === 'run-ca-check' ? ['conditional-access'] : ['security-defaults'];
    return { kind: 'tenant', run: finishedRun({ checks }, await tenant.run(checks)) };
  };

  const runChecks = async (action: RemedyAction): Promise<void> => {
    setRunning(action);
    // Its earlier answer goes at once: only the new one may show under this check.
    setRan((before) => before.filter((check) => check.action !== action));
    const outcome = await runCheck(action);
    setRan((before) => [
      ...before.filter((check) => check.action !== action),
      { action, outcome, finishedAt: new Date() },
    ]);
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
      case 'turn-off-security-defaults':
        setSecurityDefaultsOff(true);
        return;
      case 'allow-printer-device-code':
        setDeviceCodeAllowed(true);
        return;
      case 'sign-in-again':
        hide();
        goTo('sign-in');
        return;
      case 'prepare-exchange':
        hide();
        goTo('prepare-exchange');
        return;
      case 'choose-sending-way':
        hide();
        goTo('keep-sending');
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
      {ran.map((check) => (
        <div key={check.action} className="remedy-ran" data-testid="remedy-ran">
          <p className="hint" data-testid="remedy-ran-at">
            {t('check.ranAt', {
              check: t(`check.name.${check.action}`),
              time: clockTime(check.finishedAt, i18n.language),
            })}
          </p>
          <OutcomeView outcome={check.outcome} withLinks={withLinks} />
        </div>
      ))}
      {browserSignIn && <BrowserSignIn />}
      {doItForMe && <TurnOnSmtpAuth />}
      {securityDefaultsOff && <TurnOffSecurityDefaults offerNext />}
      {deviceCodeAllowed && <AllowPrinterDeviceCode />}
    </div>
  );
}

function OutcomeView({ outcome, withLinks }: { outcome: Outcome; withLinks: boolean }) {
  return outcome.kind === 'mail' ? (
    <MailOutcome run={outcome.run} />
  ) : (
    <TenantOutcome run={outcome.run} withLinks={withLinks} />
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

function TenantOutcome({ run, withLinks }: { run: TenantChecksRun; withLinks: boolean }) {
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
          {withLinks && result.problem && <AdminFixLinks keys={problemLinks(result.problem.id)} />}
        </div>
      ))}
    </div>
  );
}
