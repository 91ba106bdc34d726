/**
 * Pieces both Exchange steps use: the setup of the chosen cloud, a copy button, a button
 * that opens an admin page through the allow-list.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeSetup } from '../../../shared/contract/exchange';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { openExternal } from '../../api/open-external';

/** Where the Exchange steps talk to, refreshed when the user changes cloud or account kind. */
export function useExchangeSetup(): ExchangeSetup | null {
  const client = useWizard((store) => store.client);
  const { progress } = useReadyState();
  const [setup, setSetup] = useState<ExchangeSetup | null>(null);
  useEffect(() => {
    let current = true;
    void client?.invoke('getExchangeSetup', {}).then((reply) => {
      if (current && reply.ok) setSetup(reply.value);
    });
    return () => {
      current = false;
    };
  }, [client, progress.cloud, progress.accountKind]);
  return setup;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('exchange');
  const [state, setState] = useState<CopyState>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-state" role="status">
        {state === 'copied'
          ? t('prepare.copied')
          : state === 'failed'
            ? t('prepare.copyFailed')
            : ''}
      </span>
    </span>
  );
}

/** Opens an admin page: the desktop app asks the system browser, the browser shell a new tab. */
export function AdminPageButton({ url, label }: { url: string | undefined; label: string }) {
  const { t } = useTranslation('exchange');
  const client = useWizard((store) => store.client);
  const [failed, setFailed] = useState(false);
  if (!url) return <p className="hint">{t('prepare.noAdminPage')}</p>;
  const open = async (): Promise<void> => {
    if (!client) return;
    setFailed(!(await openExternal(client, url)).ok);
  };
  return (
    <p>
      <button type="button" className="admin-link" onClick={() => void open()}>
        {label}
      </button>
      {failed && <span className="hint">{t('prepare.openFailed', { url })}</span>}
    </p>
  );
}
