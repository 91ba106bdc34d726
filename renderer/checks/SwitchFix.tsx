import { useTranslation } from 'react-i18next';
import { powerShellLines } from '../../shared/exchange/powershell';
import type { CheckId } from '../../shared/model';
import { problemCatalogue, type ProblemId } from '../../shared/problems/index';
import type { ProblemEntry } from '../../shared/problems/types';
import { useAccountStory } from '../account/account-story';
import { PowerShellLines } from '../components/PowerShellLines';
import { AdminFixLinks } from '../troubleshoot/AdminFixLinks';
import { scrollOnArrival } from '../components/scroll-target';
import { useMainValue, useWizard } from '../store/wizard-store';

/** The Exchange Online switches Prepare Exchange Online explains, by the board check they decide. */
const switchOfCheck: Partial<Record<CheckId, 'organization' | 'mailbox' | 'securityDefaults'>> = {
  'smtp-auth-organization': 'organization',
  'smtp-auth-mailbox': 'mailbox',
  'security-defaults': 'securityDefaults',
};

/** Each switch's section on Prepare Exchange Online (its heading's id). */
const prepareSection = {
  organization: 'switch-organization',
  mailbox: 'switch-mailbox',
  securityDefaults: 'switch-security-defaults',
} as const;

/** The switch a problem blames, if it is one of Prepare Exchange Online's. */
export function switchOf(problemId: ProblemId) {
  const entry: ProblemEntry = problemCatalogue[problemId];
  return entry.blames ? switchOfCheck[entry.blames] : undefined;
}

/**
 * Check first: a switch the check found off is explained where it was found (what it is, why
 * the printer needs it, the admin page that changes it), with "Check again" beside it; the
 * admin-center clicks and the PowerShell stay folded for IT. The problem entry says which switch.
 */
export function SwitchFix({
  problemId,
  checking,
  onCheckAgain,
}: {
  problemId: ProblemId;
  checking: boolean;
  onCheckAgain(): void;
}) {
  const { t } = useTranslation(['exchange', 'common']);
  const setup = useMainValue('exchangeSetup');
  const story = useAccountStory();
  const goTo = useWizard((store) => store.goTo);
  const entry: ProblemEntry = problemCatalogue[problemId];
  const which = switchOf(problemId);
  if (!which || setup.status !== 'ready') return null;
  const lines = powerShellLines(setup.value.profileId, story.mailbox ?? '');
  const commands =
    which === 'securityDefaults'
      ? []
      : [lines.connect, ...(which === 'organization' ? lines.organization : lines.mailbox)];
  return (
    <div className="switch-fix" data-testid="switch-fix" data-switch={which}>
      <h4>
        {t('verify.switchFix.title', { name: t(`common:board.checks.${entry.blames ?? ''}`) })}
      </h4>
      <dl>
        <dt>{t('prepare.what')}</dt>
        <dd>{t(`prepare.${which}.what`)}</dd>
        <dt>{t('prepare.why')}</dt>
        <dd>{t(`prepare.${which}.why`)}</dd>
      </dl>
      {which === 'securityDefaults' && (
        <p className="notice notice-warning">{t('prepare.securityDefaults.cost')}</p>
      )}
      <div className="actions">
        <AdminFixLinks keys={entry.links ?? []} />
        <button type="button" disabled={checking} onClick={onCheckAgain}>
          {checking ? t('verify.checking') : t('verify.switchFix.checkAgain')}
        </button>
      </div>
      <p>
        <button
          type="button"
          onClick={() => {
            // Lands on this switch's own section, not at the top of the step.
            scrollOnArrival(prepareSection[which]);
            goTo('prepare-exchange');
          }}
        >
          {t('verify.prepareLink')}
        </button>
      </p>
      <details className="for-it">
        <summary>{t('verify.switchFix.forIt')}</summary>
        <p>{t(`prepare.${which}.clicks`)}</p>
        {commands.length > 0 && (
          <>
            <p className="hint">{t('prepare.powershellIntro')}</p>
            <PowerShellLines commands={commands} />
          </>
        )}
      </details>
    </div>
  );
}
