import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailCheckResult, TenantCheckResult } from '../../shared/contract/exchange';
import type { Problem } from '../../shared/problem';
import type { RemedyAction } from '../../shared/troubleshoot/remedies';
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
]);

type Outcome =
  | { kind: 'mail'; result: MailCheckResult; sendTest: boolean }
  | { kind: 'tenant'; results: TenantCheckResult[] }
  | { kind: 'failed'; problem: Problem };

/**
 * The buttons that act on a diagnosis: the wizard's own checks run here and show their answer
 * in place (and on the status board); the others take the user to the step that fixes it.
 */
export function RemedyButtons({ actions }: { actions: readonly RemedyAction[] }) {
  const { t } = useTranslation('troubleshoot');
  const { progress } = useReadyState();
  const client = useWizard((store) => store.client);
  const goTo = useWizard((store) => store.goTo);
  const recordCheck = useWizard((store) => store.recordCheck);
  const hide = useTroubleshoot((store) => store.hide);
  const [running, setRunning] = useState<RemedyAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [browserSignIn, setBrowserSignIn] = useState(false);
  const personal = progress.accountKind === 'personal';
  const shown = actions.filter((action) => !personal || !organizationOnly.has(action));
  if (shown.length === 0) return null;

  const runChecks = async (action: RemedyAction): Promise<void> => {
    if (!client) return;
    setRunning(action);
    setOutcome(null);
    if (action === 'run-exchange-check' || action === 'run-send-check') {
      // The send check mails the signed-in mailbox itself: refusals at MAIL FROM or DATA show.
      const sendTest = action === 'run-send-check';
      const reply = await client.invoke('runMailCheck', { sendTest });
      setRunning(null);
      if (!reply.ok) return setOutcome({ kind: 'failed', problem: reply.problem });
      for (const update of reply.value.board) recordCheck(update.check, update.result);
      return setOutcome({ kind: 'mail', result: reply.value, sendTest });
    }
    const checks =
      action === 'run-ca-check' ? ['conditional-access' as const] : ['security-defaults' as const];
    const reply = await client.invoke('runTenantChecks', { checks });
    setRunning(null);
    if (!reply.ok) return setOutcome({ kind: 'failed', problem: reply.problem });
    for (const result of reply.value) {
      for (const update of result.board) recordCheck(update.check, update.result);
    }
    setOutcome({ kind: 'tenant', results: reply.value });
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
            disabled={running !== null}
            aria-busy={running === action}
            onClick={() => act(action)}
          >
            {t(`action.${action}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {running && <p>{t('check.running')}</p>}
      </div>
      {outcome && <OutcomeView outcome={outcome} />}
      {browserSignIn && <BrowserSignIn />}
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('troubleshoot');
  if (outcome.kind === 'failed') return <ProblemNotice problem={outcome.problem} />;
  if (outcome.kind === 'mail') {
    const { result } = outcome;
    if (result.passed) {
      const words = outcome.sendTest ? 'check.sendPassed' : 'check.mailPassed';
      return (
        <div className="notice notice-success" data-testid="remedy-outcome">
          <p>{t(words, { mailbox: result.mailbox ?? '' })}</p>
        </div>
      );
    }
    return result.problem ? <ProblemNotice problem={result.problem} /> : null;
  }
  const troubled = outcome.results.filter((result) => result.state !== 'passed');
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
