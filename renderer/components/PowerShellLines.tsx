import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

/** PowerShell lines for IT, each with its own Copy, and (with `copyAll`) one Copy for them all. */
export function PowerShellLines({
  commands,
  copyAll = false,
}: {
  commands: readonly string[];
  copyAll?: boolean;
}) {
  const { t } = useTranslation('exchange');
  return (
    <>
      <ol className="ps-lines">
        {commands.map((line) => (
          <li key={line}>
            <code>{line}</code>
            <CopyButton text={line} label={t('prepare.copy')} />
          </li>
        ))}
      </ol>
      {copyAll && <CopyButton text={commands.join('\n')} label={t('prepare.copyAll')} />}
    </>
  );
}
