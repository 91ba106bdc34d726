/**
 * Buttons that open the admin pages where a problem is fixed (the cloud profile's addresses,
 * through main's allow-list): the diagnosis and a check's finding both show them.
 */
import { useTranslation } from 'react-i18next';
import { linkAddress } from '../../shared/problems/links';
import type { ProblemLinkKey } from '../../shared/problems/types';
import { AdminPageButton } from '../components/AdminPageButton';
import { useMainValue } from '../store/wizard-store';

export function AdminFixLinks({ keys }: { keys: readonly ProblemLinkKey[] }) {
  const { t } = useTranslation('troubleshoot');
  const setup = useMainValue('exchangeSetup');
  return keys
    .filter((key) => key !== 'webConfig')
    .map((key) => (
      <AdminPageButton
        key={key}
        url={
          setup.status === 'ready'
            ? (linkAddress(key, setup.value.adminPages, null) ?? undefined)
            : undefined
        }
        label={t(`link.${key}`)}
      />
    ));
}
