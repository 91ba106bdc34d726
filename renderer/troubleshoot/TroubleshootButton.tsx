import { useTranslation } from 'react-i18next';
import { useTroubleshoot } from './troubleshoot-store';

/** Opens the troubleshooter from the top bar (every screen) or from the Welcome step. */
export function TroubleshootButton({ className }: { className?: string }) {
  const { t } = useTranslation('troubleshoot');
  const show = useTroubleshoot((store) => store.show);
  const view = useTroubleshoot((store) => store.view);
  const open = useTroubleshoot((store) => store.open);
  return (
    <button
      type="button"
      className={className}
      onClick={() => show()}
      aria-pressed={open && view === 'troubleshoot'}
    >
      {t('open')}
    </button>
  );
}
