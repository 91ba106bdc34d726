/**
 * What every "Do it for me" panel does around its reading of Microsoft 365: read once when the
 * panel opens; ask for a permission in the browser at the moment it is needed, and read again
 * as soon as the sign-in says signed in (no second click); offer "Read again" after a failure.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../shared/contract';
import type { Problem } from '../../shared/problem';
import { adminChangeLimitSeconds, smtpAuthProofMinutes } from '../../shared/contract/exchange';
import { AdminPageButton } from '../components/AdminPageButton';
import { ProblemNotice } from '../components/ProblemNotice';
import { useMainValue, useReadyState } from '../store/wizard-store';

/** Main's answer to "ask Microsoft for this permission": its page, opened by the system or here. */
type PermissionAsked = Reply<{ url: string; via: 'system' | 'page' }>;

export interface ReadFirst {
  /** Reads again ("reading" meanwhile), as the person asks. */
  read(): Promise<void>;
  /** Opens Microsoft's consent for a permission; once granted, the panel reads again. */
  allow(
    askPermission: () => Promise<PermissionAsked>,
    then: { asked(): void; failed(problem: Problem): void },
  ): Promise<void>;
  /** The sign-in's problem now (a declined consent shows here). */
  signInProblem: Problem | null;
}

export function useReadFirst<Value>(parts: {
  load(): Promise<Reply<Value>>;
  show(reply: Reply<Value>): void;
  reading(): void;
}): ReadFirst {
  const signIn = useMainValue('signIn');
  const read = async (): Promise<void> => {
    parts.reading();
    parts.show(await parts.load());
  };

  // Read once when the panel opens (it starts as "reading"); later reads are the person's.
  useEffect(() => {
    let open = true;
    void parts.load().then((reply) => open && parts.show(reply));
    return () => {
      open = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Allowed in the browser: the sign-in says signed in again; read at once.
  const signInPhase = signIn.status === 'ready' ? signIn.value.phase : null;
  const signInProblem = signIn.status === 'ready' ? signIn.value.problem : null;
  const waitingForGrant = useRef(false);
  useEffect(() => {
    if (!waitingForGrant.current || signInPhase !== 'signed-in' || signInProblem) return;
    waitingForGrant.current = false;
    void read();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signInPhase, signInProblem]);

  return {
    read,
    async allow(askPermission, then) {
      const reply = await askPermission();
      if (!reply.ok) return then.failed(reply.problem);
      then.asked();
      waitingForGrant.current = true;
      if (reply.value.via === 'page') window.open(reply.value.url, '_blank', 'noopener,noreferrer');
    },
    signInProblem: signInProblem ?? null,
  };
}

/** Seconds before a change's wait is called slow (Microsoft usually answers at once). */
const slowAfterSeconds = 2;

/**
 * While a change waits for Microsoft: after a moment, how long it has waited and how long the
 * wizard will wait at most (the one time main keeps for the whole change, tries included; for
 * SMTP AUTH also the minutes it then re-checks the login), so a slow answer is seen as waiting,
 * not as a hang.
 */
export function StillWaiting({ thenChecksLogin = false }: { thenChecksLogin?: boolean }) {
  const { t } = useTranslation('exchange');
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  if (seconds < slowAfterSeconds) return null;
  return (
    <p data-testid="still-waiting">
      {thenChecksLogin
        ? t('doItForMe.stillWaitingMailbox', {
            seconds,
            limit: adminChangeLimitSeconds,
            minutes: smtpAuthProofMinutes,
          })
        : t('doItForMe.stillWaiting', { seconds, limit: adminChangeLimitSeconds })}
    </p>
  );
}

/** In practice mode: the practice admin center's list of every change the wizard made. */
export function PracticeChangesLink() {
  const { t } = useTranslation('exchange');
  const changesUrl = useReadyState().appInfo.practiceWorld?.changesUrl;
  return changesUrl ? (
    <AdminPageButton url={changesUrl} label={t('doItForMe.practiceChanges')} />
  ) : null;
}

/** A reading or change that failed: what happened, and "Read again". */
export function ReadFailed({ problem, onReadAgain }: { problem: Problem; onReadAgain(): void }) {
  const { t } = useTranslation('exchange');
  return (
    <div>
      <ProblemNotice problem={problem} />
      <button type="button" onClick={onReadAgain}>
        {t('doItForMe.readAgain')}
      </button>
    </div>
  );
}
