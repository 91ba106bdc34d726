import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceCodePrompt } from '../../../shared/contract/signin';
import { useAnnounce } from '../../components/Announcer';
import { useWizard } from '../../store/wizard-store';
import { AccountToChoose } from '../../account/StoryNotice';
import { AskedNext } from './SignInStep';
import { useSignIn } from './signin-store';
import { openExternal } from '../../api/open-external';

function secondsLeft(expiresAt: string): number {
  return Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
}

/** The code (large, selectable, copyable), the page to open, the countdown and Cancel. */
export function DeviceCodePanel({
  prompt,
  slowDowns,
}: {
  prompt: DeviceCodePrompt;
  slowDowns: number;
}) {
  const { t } = useTranslation('signin');
  const client = useWizard((store) => store.client);
  const cancel = useSignIn((store) => store.cancel);
  const [left, setLeft] = useState(() => secondsLeft(prompt.expiresAt));
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [linkRefused, setLinkRefused] = useState(false);
  // Spelled out character by character, so a screen reader reads the code, not a word.
  useAnnounce(t('code.announce', { code: prompt.userCode.split('').join(' ') }));

  // The parent gives each code its own panel (key), so the countdown starts fresh per code.
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(prompt.expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [prompt.expiresAt]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(prompt.userCode);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const open = async (): Promise<void> => {
    if (!client) return;
    setLinkRefused(!(await openExternal(client, prompt.verificationUri)).ok);
  };
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return (
    <section aria-labelledby="signin-code-title" className="signin-section signin-waiting">
      {prompt.renewed && (
        <p className="notice notice-info" role="status">
          {t('code.renewed')}
        </p>
      )}
      <h3 id="signin-code-title">{t('code.title')}</h3>
      <p className="user-code" data-testid="user-code" aria-describedby="signin-code-title">
        {prompt.userCode}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('code.copy')}
        </button>
        <button type="button" className="primary" onClick={() => void open()}>
          {t('code.open')}
        </button>
        <button type="button" onClick={() => void cancel()}>
          {t('code.cancel')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="signin-copied">
        {copied === 'yes' ? t('code.copied') : copied === 'failed' ? t('code.copyFailed') : ''}
      </p>
      <p>
        {t('code.address')} <span className="verification-uri">{prompt.verificationUri}</span>
      </p>
      {linkRefused && <p className="notice notice-warning">{t('code.linkRefused')}</p>}
      <p className="signin-countdown" data-testid="signin-countdown">
        {left > 0
          ? t('code.expiresIn', { minutes, seconds: String(seconds).padStart(2, '0') })
          : t('code.expiredNow')}
      </p>
      <p className="signin-waiting-note" aria-live="polite">
        {slowDowns > 0
          ? t('code.slowDown', { count: prompt.intervalSeconds })
          : t('code.waiting', { count: prompt.intervalSeconds })}
      </p>
      <AccountToChoose />
      <AskedNext />
    </section>
  );
}
