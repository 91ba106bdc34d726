import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientIdInfo } from '../../../shared/contract/signin';
import { useSignIn } from './signin-store';

/** Settings: the wizard's Microsoft app (client ID) and where the one in use comes from. */
export function ClientIdSettings({ clientId, cloud }: { clientId: ClientIdInfo; cloud: string }) {
  const { t } = useTranslation('signin');
  const save = useSignIn((store) => store.saveClientId);
  const busy = useSignIn((store) => store.busy);
  const [draft, setDraft] = useState(clientId.saved ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <details className="signin-settings" open={clientId.value === null}>
      <summary>{t('settings.title')}</summary>
      <p data-testid="client-id-in-use">
        {clientId.value
          ? t(`settings.source.${clientId.source ?? 'settings'}`, { id: clientId.value })
          : t('settings.none')}
      </p>
      <p>
        {t('settings.cloud', { cloud: t(`settings.clouds.${cloud}`, { defaultValue: cloud }) })}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(draft.trim() === '' ? null : draft.trim()).then(setSaved);
        }}
      >
        <label htmlFor="client-id-input">{t('settings.label')}</label>
        <input
          id="client-id-input"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-describedby="client-id-hint"
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(false);
          }}
        />
        <p id="client-id-hint" className="field-hint">
          {t('settings.hint')}
        </p>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('settings.save')}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {saved ? t('settings.saved') : ''}
        </p>
      </form>
    </details>
  );
}
