/**
 * After the printer's own sign-in: which apps hold "Consent on behalf of organization" for
 * SMTP.Send on Office 365 Exchange Online, read from Microsoft Entra (oauth2PermissionGrants of
 * consentType AllPrincipals on Exchange Online's service principal), so the consent is proven,
 * not assumed. Read only when the person asks; Outlook.com accounts have no organization.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpConsentProof as Proof } from '../../shared/contract/exchange';
import type { Problem } from '../../shared/problem';
import { ProblemNotice } from '../components/ProblemNotice';
import { useReadyState, useWizard } from '../store/wizard-store';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'read'; proof: Proof }
  | { kind: 'failed'; problem: Problem };

export function SmtpConsentProof() {
  const { t } = useTranslation('exchange');
  const ask = useWizard((store) => store.ask);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const { progress } = useReadyState();
  if (progress.accountKind === 'personal') return null;
  const read = async (): Promise<void> => {
    setPhase({ kind: 'reading' });
    const reply = await ask('readSmtpConsent', {});
    setPhase(
      reply.ok ? { kind: 'read', proof: reply.value } : { kind: 'failed', problem: reply.problem },
    );
  };
  return (
    <section className="do-it-for-me" aria-labelledby="consent-proof-title">
      <h4 id="consent-proof-title">{t('consentProof.title')}</h4>
      <p>
        <button type="button" disabled={phase.kind === 'reading'} onClick={() => void read()}>
          {t('consentProof.check')}
        </button>
      </p>
      <div role="status" aria-live="polite" data-testid="consent-proof">
        {phase.kind === 'reading' && <p>{t('consentProof.reading')}</p>}
        {phase.kind === 'read' &&
          (phase.proof.smtpSend.length > 0 ? (
            <ul>
              {phase.proof.smtpSend.map((grant) => (
                <li key={grant.appId || grant.app}>
                  {t('consentProof.holds', { app: grant.app, appId: grant.appId })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('consentProof.none')}</p>
          ))}
        {phase.kind === 'read' && <p className="hint">{t('consentProof.since')}</p>}
      </div>
      {phase.kind === 'failed' && <ProblemNotice problem={phase.problem} />}
    </section>
  );
}
