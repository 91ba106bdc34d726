import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openExternal } from '../api/open-external';
import { useWizard } from '../store/wizard-store';

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
