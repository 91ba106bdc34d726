/**
 * "Do it for me": the printer's device-code sign-in let through Conditional Access. Main asks
 * What If which policies block the signed-in mailbox's device-code sign-in; the person picks
 * one exclusion group (an existing one, or a new one with a name they confirm) and confirms
 * naming the account and the group; main then puts the account in the group and the group in
 * each blocking policy's exclusions, one change at a time, and asks What If again. A failure
 * halfway lists what was and was not changed; Undo puts back each change made, last first.
 * Each permission is asked for only when main says it is missing.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../shared/contract';
import type {
  DeviceCodeExclusionFix,
  DeviceCodeExclusionPlan,
  EntraChangePermission,
  ExclusionGroupChoice,
  PlannedChange,
} from '../../shared/contract/exchange';
import type { Problem } from '../../shared/problem';
import { ProblemNotice } from '../components/ProblemNotice';
import { useWizard } from '../store/wizard-store';
import { PracticeChangesLink, ReadFailed, StillWaiting, useReadFirst } from './read-first';

type Phase =
  | { kind: 'reading' }
  | { kind: 'needs-permission'; permission: EntraChangePermission; asked: boolean }
  | { kind: 'read'; plan: DeviceCodeExclusionPlan }
  | { kind: 'changing'; plan: DeviceCodeExclusionPlan }
  | { kind: 'changed'; fix: DeviceCodeExclusionFix }
  | { kind: 'undone' }
  | { kind: 'failed'; problem: Problem };

/** The offer (a secondary button), opening the panel. */
export function DeviceCodeOffer() {
  const { t } = useTranslation('exchange');
  const [shown, setShown] = useState(false);
  return (
    <div className="do-it-for-me-offer">
      {shown ? (
        <AllowPrinterDeviceCode />
      ) : (
        <button type="button" onClick={() => setShown(true)}>
          {t('deviceCodeAllow.offer')}
        </button>
      )}
    </div>
  );
}

const permissionOf = (problem: Problem): EntraChangePermission | null => {
  const wanted = problem.data?.['permission'];
  return problem.id === 'entra-admin-consent-missing' && typeof wanted === 'string'
    ? (wanted as EntraChangePermission)
    : null;
};

export function AllowPrinterDeviceCode() {
  const { t } = useTranslation('exchange');
  const ask = useWizard((store) => store.ask);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [choice, setChoice] = useState<'new' | 'existing'>('new');
  const [newName, setNewName] = useState<string | null>(null);
  const [existingId, setExistingId] = useState('');
  const [undoing, setUndoing] = useState(false);
  const nameId = useId();
  const existingFieldId = useId();

  const failedWith = (problem: Problem): void => {
    const permission = permissionOf(problem);
    if (permission) setPhase({ kind: 'needs-permission', permission, asked: false });
    else setPhase({ kind: 'failed', problem });
  };
  const show = (reply: Reply<DeviceCodeExclusionPlan>): void => {
    if (!reply.ok) return failedWith(reply.problem);
    setPhase({ kind: 'read', plan: reply.value });
    setNewName((current) => current ?? reply.value.suggestedName);
    setExistingId((current) => current || (reply.value.groups[0]?.id ?? ''));
  };
  const {
    read,
    allow: allowIn,
    signInProblem,
  } = useReadFirst({
    load: () => ask('planDeviceCodeExclusion', {}),
    show,
    reading: () => setPhase({ kind: 'reading' }),
  });

  const group = (): ExclusionGroupChoice =>
    choice === 'new'
      ? { kind: 'new', name: (newName ?? '').trim() }
      : { kind: 'existing', id: existingId };

  const change = async (plan: DeviceCodeExclusionPlan): Promise<void> => {
    setPhase({ kind: 'changing', plan });
    const reply = await ask('excludeFromDeviceCodeBlocks', { group: group() });
    if (reply.ok) setPhase({ kind: 'changed', fix: reply.value });
    else failedWith(reply.problem);
  };

  const allow = (permission: EntraChangePermission): Promise<void> =>
    allowIn(() => ask('allowEntraChange', { permission }), {
      asked: () => setPhase({ kind: 'needs-permission', permission, asked: true }),
      failed: (problem) => setPhase({ kind: 'failed', problem }),
    });

  const undo = async (fix: DeviceCodeExclusionFix): Promise<void> => {
    setUndoing(true);
    // Last change first: the policies before the membership, the membership before the group.
    for (const made of [...fix.changes].reverse()) {
      const reply = await ask('undoAdminChange', { id: made.id });
      if (!reply.ok) {
        setUndoing(false);
        return setPhase({ kind: 'failed', problem: reply.problem });
      }
    }
    setUndoing(false);
    setPhase({ kind: 'undone' });
  };

  const plan = phase.kind === 'read' ? phase.plan : null;
  const ready = choice === 'new' ? (newName ?? '').trim().length > 0 : existingId.length > 0;
  const groupName =
    choice === 'new'
      ? (newName ?? '').trim()
      : (plan?.groups.find((item) => item.id === existingId)?.name ?? '');

  return (
    <section className="do-it-for-me" aria-labelledby="device-code-allow-title">
      <h4 id="device-code-allow-title">{t('deviceCodeAllow.title')}</h4>
      <div role="status" aria-live="polite">
        {phase.kind === 'reading' && <p>{t('deviceCodeAllow.reading')}</p>}
        {phase.kind === 'changing' && <p>{t('deviceCodeAllow.changing')}</p>}
        {phase.kind === 'changed' && <Changed fix={phase.fix} />}
        {phase.kind === 'undone' && <p>{t('deviceCodeAllow.undone')}</p>}
      </div>
      {/* Outside the live region: a counter read out every second would drown the rest. */}
      {phase.kind === 'changing' && <StillWaiting />}
      {phase.kind === 'needs-permission' && (
        <div>
          <p>{t('deviceCodeAllow.permission', { permission: phase.permission })}</p>
          {signInProblem?.id === 'signin-consent-declined' && (
            <ProblemNotice problem={{ id: 'signin-consent-declined' }} />
          )}
          <button type="button" className="primary" onClick={() => void allow(phase.permission)}>
            {phase.asked ? t('doItForMe.allowAgain') : t('doItForMe.allow')}
          </button>
        </div>
      )}
      {plan && plan.blocking.length === 0 && (
        <p>{t('deviceCodeAllow.none', { account: plan.account })}</p>
      )}
      {plan && plan.blocking.length > 0 && (
        <div>
          <p>
            {t('deviceCodeAllow.blocking', {
              account: plan.account,
              names: plan.blocking.map((policy) => policy.name).join(', '),
            })}
          </p>
          {plan.blocking.some((policy) => policy.managed) && (
            <p>{t('deviceCodeAllow.managedNote')}</p>
          )}
          <p>{t('deviceCodeAllow.plan', { account: plan.account })}</p>
          <p>{t('deviceCodeAllow.cost')}</p>
          <fieldset className="plain">
            <legend>{t('deviceCodeAllow.groupLegend')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="exclusion-group"
                checked={choice === 'new'}
                onChange={() => setChoice('new')}
              />
              <span>{t('deviceCodeAllow.useNew')}</span>
            </label>
            {choice === 'new' && (
              <p>
                <label htmlFor={nameId}>{t('deviceCodeAllow.newName')}</label>{' '}
                <input
                  id={nameId}
                  type="text"
                  maxLength={120}
                  value={newName ?? ''}
                  onChange={(event) => setNewName(event.target.value)}
                />
              </p>
            )}
            {plan.groups.length > 0 && (
              <label className="choice">
                <input
                  type="radio"
                  name="exclusion-group"
                  checked={choice === 'existing'}
                  onChange={() => setChoice('existing')}
                />
                <span>{t('deviceCodeAllow.useExisting')}</span>
              </label>
            )}
            {choice === 'existing' && (
              <p>
                <label htmlFor={existingFieldId}>{t('deviceCodeAllow.existingLabel')}</label>{' '}
                <select
                  id={existingFieldId}
                  value={existingId}
                  onChange={(event) => setExistingId(event.target.value)}
                >
                  {plan.groups.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </p>
            )}
          </fieldset>
          <button
            type="button"
            className="primary"
            disabled={!ready}
            onClick={() => void change(plan)}
          >
            {t('deviceCodeAllow.confirm', { account: plan.account, group: groupName })}
          </button>
        </div>
      )}
      {phase.kind === 'changed' && phase.fix.changes.length > 0 && (
        <button type="button" disabled={undoing} onClick={() => void undo(phase.fix)}>
          {t('deviceCodeAllow.undo')}
        </button>
      )}
      {(phase.kind === 'changed' || phase.kind === 'undone') && <PracticeChangesLink />}
      {phase.kind === 'failed' && (
        <ReadFailed problem={phase.problem} onReadAgain={() => void read()} />
      )}
    </section>
  );
}

function ChangeLine({ change }: { change: PlannedChange }) {
  const { t } = useTranslation('exchange');
  if (
    change.kind !== 'group-created' &&
    change.kind !== 'group-member' &&
    change.kind !== 'policy-exclusion'
  ) {
    return null;
  }
  return (
    <li>
      {t(`deviceCodeAllow.item.${change.kind}`, {
        target: change.target,
        member: change.member ?? '',
      })}
    </li>
  );
}

function Changed({ fix }: { fix: DeviceCodeExclusionFix }) {
  const { t } = useTranslation('exchange');
  const blocking = fix.conditionalAccess?.problem;
  return (
    <>
      {fix.changes.length > 0 && (
        <>
          <p>{t('deviceCodeAllow.changed')}</p>
          <ul data-testid="changes-made">
            {fix.changes.map((change) => (
              <ChangeLine key={change.id} change={change} />
            ))}
          </ul>
        </>
      )}
      {fix.notDone.length > 0 && (
        <>
          <p>{t('deviceCodeAllow.notDone')}</p>
          <ul data-testid="changes-not-made">
            {fix.notDone.map((change, index) => (
              <ChangeLine key={index} change={change} />
            ))}
          </ul>
        </>
      )}
      {fix.problem && (
        <>
          <ProblemNotice problem={fix.problem} />
          <p>{t('deviceCodeAllow.halfway')}</p>
        </>
      )}
      {fix.conditionalAccess?.state === 'passed' ? (
        <p className="notice notice-success">{t('deviceCodeAllow.proven')}</p>
      ) : (
        <>
          <p>{t('deviceCodeAllow.notProven')}</p>
          {blocking && <ProblemNotice problem={blocking} />}
        </>
      )}
    </>
  );
}
