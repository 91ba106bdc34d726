/**
 * "Do it for me": security defaults turned off by the wizard. It reads them first and says
 * what protection goes away, why the printer cannot work with them on, that Conditional Access
 * is the better replacement and that Microsoft may create managed policies; asks to confirm
 * naming the tenant; then main changes them, reads them back, records it, lists the policies
 * and runs the What If check of the printer's device-code sign-in. Undo turns them on again.
 * The permission (Policy.ReadWrite.SecurityDefaults) is asked for here, not at sign-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../shared/contract';
import type {
  ConditionalAccessPolicySeen,
  SecurityDefaultsFix,
  SecurityDefaultsState,
} from '../../shared/contract/exchange';
import type { Problem } from '../../shared/problem';
import { ProblemNotice } from '../components/ProblemNotice';
import { DeviceCodeOffer } from './AllowPrinterDeviceCode';
import { useWizard } from '../store/wizard-store';
import { PracticeChangesLink, ReadFailed, StillWaiting, useReadFirst } from './read-first';

const permission = 'Policy.ReadWrite.SecurityDefaults';

type Phase =
  | { kind: 'reading' }
  | { kind: 'needs-permission'; asked: boolean }
  | { kind: 'read'; current: SecurityDefaultsState }
  | { kind: 'changing'; current: SecurityDefaultsState }
  | { kind: 'changed'; fix: SecurityDefaultsFix }
  | { kind: 'undone'; tenant: string }
  | { kind: 'failed'; problem: Problem };

/**
 * The offer (a secondary button), opening the panel. `offerNext`: where no other offer is near,
 * the panel offers the next change when What If still finds a policy blocking the printer.
 */
export function SecurityDefaultsOffer({ offerNext = false }: { offerNext?: boolean }) {
  const { t } = useTranslation('exchange');
  const [shown, setShown] = useState(false);
  return (
    <div className="do-it-for-me-offer">
      {shown ? (
        <TurnOffSecurityDefaults offerNext={offerNext} />
      ) : (
        <button type="button" onClick={() => setShown(true)}>
          {t('securityDefaultsOff.offer')}
        </button>
      )}
    </div>
  );
}

export function TurnOffSecurityDefaults({ offerNext = false }: { offerNext?: boolean }) {
  const { t } = useTranslation('exchange');
  const ask = useWizard((store) => store.ask);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [undoing, setUndoing] = useState(false);

  const show = (reply: Reply<SecurityDefaultsState>): void => {
    if (reply.ok) setPhase({ kind: 'read', current: reply.value });
    else if (reply.problem.id === 'entra-admin-consent-missing') {
      setPhase({ kind: 'needs-permission', asked: false });
    } else setPhase({ kind: 'failed', problem: reply.problem });
  };
  const {
    read,
    allow: allowIn,
    signInProblem,
  } = useReadFirst({
    load: () => ask('readSecurityDefaults', {}),
    show,
    reading: () => setPhase({ kind: 'reading' }),
  });
  const allow = (): Promise<void> =>
    allowIn(() => ask('allowEntraChange', { permission }), {
      asked: () => setPhase({ kind: 'needs-permission', asked: true }),
      failed: (problem) => setPhase({ kind: 'failed', problem }),
    });

  const change = async (current: SecurityDefaultsState): Promise<void> => {
    setPhase({ kind: 'changing', current });
    const reply = await ask('turnOffSecurityDefaults', {});
    if (reply.ok) return setPhase({ kind: 'changed', fix: reply.value });
    if (reply.problem.id === 'entra-admin-consent-missing') {
      return setPhase({ kind: 'needs-permission', asked: false });
    }
    setPhase({ kind: 'failed', problem: reply.problem });
  };

  const undo = async (fix: SecurityDefaultsFix): Promise<void> => {
    if (!fix.change) return;
    setUndoing(true);
    const reply = await ask('undoAdminChange', { id: fix.change.id });
    setUndoing(false);
    if (!reply.ok) return setPhase({ kind: 'failed', problem: reply.problem });
    setPhase({ kind: 'undone', tenant: reply.value.target });
  };

  const declined =
    phase.kind === 'needs-permission' && signInProblem?.id === 'signin-consent-declined';

  return (
    <section className="do-it-for-me" aria-labelledby="security-defaults-off-title">
      <h4 id="security-defaults-off-title">{t('securityDefaultsOff.title')}</h4>
      <div role="status" aria-live="polite">
        {phase.kind === 'reading' && <p>{t('securityDefaultsOff.reading')}</p>}
        {phase.kind === 'changing' && (
          <p>{t('securityDefaultsOff.changing', { tenant: phase.current.tenant })}</p>
        )}
        {phase.kind === 'changed' && <Changed fix={phase.fix} offerNext={offerNext} />}
        {phase.kind === 'undone' && (
          <p>{t('securityDefaultsOff.undone', { tenant: phase.tenant })}</p>
        )}
      </div>
      {/* Outside the live region: a counter read out every second would drown the rest. */}
      {phase.kind === 'changing' && <StillWaiting />}
      {(phase.kind === 'changed' || phase.kind === 'undone') && <PracticeChangesLink />}
      {phase.kind === 'needs-permission' && (
        <div>
          <p>{t('securityDefaultsOff.permission', { permission })}</p>
          {declined && <ProblemNotice problem={{ id: 'signin-consent-declined' }} />}
          <button type="button" className="primary" onClick={() => void allow()}>
            {phase.asked ? t('doItForMe.allowAgain') : t('doItForMe.allow')}
          </button>
        </div>
      )}
      {phase.kind === 'read' && (
        <div>
          <p>
            {t('securityDefaultsOff.now', {
              tenant: phase.current.tenant,
              state: t(`securityDefaultsOff.state.${phase.current.enabled ? 'on' : 'off'}`),
            })}
          </p>
          {phase.current.enabled ? (
            <>
              <p>{t('securityDefaultsOff.why')}</p>
              <div className="notice notice-warning">
                <p className="notice-title">{t('securityDefaultsOff.costTitle')}</p>
                <p>{t('securityDefaultsOff.cost')}</p>
                <p>{t('securityDefaultsOff.better')}</p>
              </div>
              <p>{t('securityDefaultsOff.managed')}</p>
              <p>{t('securityDefaultsOff.undoNote')}</p>
            </>
          ) : (
            <p>{t('securityDefaultsOff.alreadyOff')}</p>
          )}
          <button type="button" className="primary" onClick={() => void change(phase.current)}>
            {phase.current.enabled
              ? t('securityDefaultsOff.confirm', { tenant: phase.current.tenant })
              : t('securityDefaultsOff.checkAgain')}
          </button>
        </div>
      )}
      {phase.kind === 'changed' && phase.fix.change && (
        <button type="button" disabled={undoing} onClick={() => void undo(phase.fix)}>
          {t('securityDefaultsOff.undo')}
        </button>
      )}
      {phase.kind === 'failed' && (
        <ReadFailed problem={phase.problem} onReadAgain={() => void read()} />
      )}
    </section>
  );
}

const names = (policies: ConditionalAccessPolicySeen[]): string =>
  policies.map((policy) => policy.name).join(', ');

function Changed({ fix, offerNext }: { fix: SecurityDefaultsFix; offerNext: boolean }) {
  const { t } = useTranslation('exchange');
  const blocking = fix.conditionalAccess?.problem;
  return (
    <>
      <p>
        {fix.change
          ? t('securityDefaultsOff.changed', { tenant: fix.tenant, by: fix.change.by })
          : t('securityDefaultsOff.alreadyOff', { tenant: fix.tenant })}
      </p>
      <p data-testid="policies-appeared">
        {fix.appeared.length > 0
          ? t('securityDefaultsOff.appeared', { names: names(fix.appeared) })
          : t('securityDefaultsOff.noneAppeared')}
      </p>
      {fix.conditionalAccess?.state === 'passed' ? (
        <p className="notice notice-success">{t('securityDefaultsOff.proven')}</p>
      ) : (
        <>
          <p>{t('securityDefaultsOff.notProven')}</p>
          {blocking && <ProblemNotice problem={blocking} />}
          {offerNext && blocking?.id === 'ca-blocks-device-code' && <DeviceCodeOffer />}
        </>
      )}
    </>
  );
}
