import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterEntry } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';
import { probeChosen, setChosen } from './choose-printers';
import { ManualEntry } from './ManualEntry';
import { NoPrinterHelp } from './NoPrinterHelp';
import { PrinterCard } from './PrinterCard';
import { useDiscovery } from './use-discovery';
import { openExternal } from '../../api/open-external';

/** How long the list may stay empty before the help takes the stage. */
const helpAfterMs = 5000;

/**
 * "Find the printer": the live list of printers on this network (one row per printer), a
 * manual address, help when nothing answers, and the choice of one or several printers.
 */
export function FindPrinterStep() {
  const { t } = useTranslation('discovery');
  const { progress } = useReadyState();
  const client = useWizard((store) => store.client);
  const { snapshot, problem, generation, searchAgain, addByAddress } = useDiscovery();
  const [waitedFor, setWaitedFor] = useState(-1);
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [problems, setProblems] = useState<Record<string, Problem | null>>({});
  const [linkProblem, setLinkProblem] = useState<Problem | null>(null);
  // What the user just ticked, shown at once while the main process records it.
  const [pending, setPending] = useState<Record<string, boolean>>({});

  useEffect(() => {
    const timer = setTimeout(() => setWaitedFor(generation), helpAfterMs);
    return () => clearTimeout(timer);
  }, [generation]);

  const printers = snapshot?.printers ?? [];
  const chosenIds = progress.printers.map((printer) => printer.id);
  const listedIds = new Set(printers.map((printer) => printer.id));
  const chosenNotListed = progress.printers.filter((printer) => !listedIds.has(printer.id));
  const nothingFound = waitedFor === generation && printers.length === 0;

  const probe = async (id: string): Promise<void> => {
    setBusy((current) => ({ ...current, [id]: true }));
    const failure = await probeChosen(id);
    setBusy((current) => ({ ...current, [id]: false }));
    setProblems((current) => ({ ...current, [id]: failure }));
  };

  const toggle = async (id: string, checked: boolean): Promise<void> => {
    setPending((current) => ({ ...current, [id]: checked }));
    const failure = await setChosen(id, checked);
    setPending((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => key !== id)),
    );
    setProblems((current) => ({ ...current, [id]: failure }));
    if (checked && !failure && listedIds.has(id)) await probe(id);
  };

  const open = async (url: string): Promise<void> => {
    if (!client) return;
    const reply = await openExternal(client, url);
    setLinkProblem(reply.ok ? null : reply.problem);
  };

  const added = (entry: PrinterEntry): void => {
    if (!chosenIds.includes(entry.id)) void toggle(entry.id, true);
  };

  const card = (printer: PrinterEntry | null, id: string) => (
    <PrinterCard
      key={id}
      printer={printer}
      chosen={progress.printers.find((item) => item.id === id) ?? null}
      ticked={pending[id]}
      busy={busy[id] ?? false}
      problem={problems[id] ?? null}
      onToggle={(checked) => void toggle(id, checked)}
      onOpen={(url) => void open(url)}
      onProbe={() => void probe(id)}
    />
  );

  return (
    <StepFrame
      step="find-printer"
      nextBlocked={progress.printers.length === 0 ? t('nextBlocked') : null}
    >
      <div className="discovery-bar">
        <p className="discovery-status" role="status">
          {snapshot === null
            ? t('status.starting')
            : printers.length === 0
              ? t('status.searching')
              : t('status.found', { count: printers.length })}
        </p>
        <button type="button" onClick={() => void searchAgain()}>
          {t('searchAgain')}
        </button>
      </div>
      {problem && <ProblemNotice problem={problem} />}
      {linkProblem && <ProblemNotice problem={linkProblem} />}
      {progress.printers.length > 0 && (
        <p className="chosen-summary">
          {t('chosen', {
            count: progress.printers.length,
            names: progress.printers
              .map((printer) => printer.model ?? printer.name)
              .join(t('card.separator')),
          })}
        </p>
      )}
      {printers.length > 0 && (
        <ul className="printer-list" aria-label={t('listLabel')}>
          {printers.map((printer) => card(printer, printer.id))}
        </ul>
      )}
      {chosenNotListed.length > 0 && (
        <>
          <h3>{t('chosenNotListed')}</h3>
          <ul className="printer-list">
            {chosenNotListed.map((printer) => card(null, printer.id))}
          </ul>
        </>
      )}
      <NoPrinterHelp nothingFound={nothingFound} />
      <ManualEntry onAdd={addByAddress} onAdded={added} />
    </StepFrame>
  );
}
