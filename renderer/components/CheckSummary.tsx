import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckId } from '../../shared/model';
import { nameWaysInSummary } from '../../shared/sending-ways';

/** A way summary with each way's name in the page's language instead of its id. */
function WaySummary({ summary }: { summary: string }) {
  const { t } = useTranslation('ways');
  return (
    <span className="board-summary">
      {nameWaysInSummary(summary, (way) => t(`ways.${way}.name`))}
    </span>
  );
}

/** A check's one-line summary on the board and on Done. */
export function CheckSummary({ check, summary }: { check: CheckId; summary: string }) {
  const plain = <span className="board-summary">{summary}</span>;
  if (check !== 'sending-way') return plain;
  // The ways' words come with their own chunk; until then the summary shows as main wrote it.
  return (
    <Suspense fallback={plain}>
      <WaySummary summary={summary} />
    </Suspense>
  );
}
