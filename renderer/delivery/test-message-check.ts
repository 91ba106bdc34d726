/**
 * The status board's line "Printer's test message", summed over the chosen printers from the
 * watches main keeps (the one store): passed when every printer's message arrived, running
 * while one is watched, failed when one did not arrive or came from another address.
 */
import { useEffect, useRef } from 'react';
import { announce } from '../components/Announcer';
import type { TestWatch, TestWatches } from '../../shared/contract/delivery';
import type { CheckResult } from '../../shared/model';
import { assertNever } from '../../shared/assert-never';
import { useMainValue, useWizard } from '../store/wizard-store';
import { useOutcomeWords } from './TestMessagePart';

type Judged = Omit<CheckResult, 'at'>;

function judgeOne(watch: TestWatch): Judged['state'] {
  const outcome = watch.outcome;
  switch (outcome.state) {
    case 'arrived':
      return 'passed';
    case 'seen-by-person':
      return outcome.arrived ? 'passed' : 'failed';
    case 'watching':
      return 'running';
    case 'wrong-sender':
    case 'nothing-arrived':
    case 'failed':
      return 'failed';
    // Not proven either way, and the person has something to do: allow reading the mailbox
    // (or say what they saw) ...
    case 'needs-permission':
      return 'attention';
    // ... or watch again: stopped by the person, or replaced by the next printer's watch.
    case 'stopped':
      return 'attention';
    default:
      return assertNever(outcome);
  }
}

/** The board line for these printers, or null while no watch has started. */
export function testMessageCheck(printerIds: string[], watches: TestWatches): Judged | null {
  const watched = printerIds.map((id) => watches[id]).filter((watch) => watch !== undefined);
  if (watched.length === 0) return null;
  const states = watched.map(judgeOne);
  const passed = states.filter((state) => state === 'passed').length;
  const summary = `${passed}/${printerIds.length}`;
  const failedWatch = watched.find((watch) => judgeOne(watch) === 'failed');
  if (failedWatch) {
    const outcome = failedWatch.outcome;
    const problemId =
      outcome.state === 'failed'
        ? outcome.problemId
        : outcome.state === 'wrong-sender'
          ? 'test-message-wrong-sender'
          : 'test-message-not-arrived';
    return { state: 'failed', summary, problemId };
  }
  if (states.includes('running')) return { state: 'running', summary };
  if (passed === printerIds.length) return { state: 'passed', summary };
  return { state: 'attention', summary };
}

/** Keeps the board line in step with the watches (mounted once, with the board). */
export function useTestMessageCheck(): void {
  const watches = useMainValue('testWatches');
  const state = useWizard((store) => store.state);
  const recordCheck = useWizard((store) => store.recordCheck);
  const progress = state.phase === 'ready' ? state.progress : null;
  const judged =
    progress && watches.status === 'ready'
      ? testMessageCheck(
          progress.printers.map((printer) => printer.id),
          watches.value,
        )
      : null;
  const current = progress?.checks['printer-test-message'];
  const changed =
    judged !== null &&
    (current?.state !== judged.state ||
      current?.summary !== judged.summary ||
      current?.problemId !== judged.problemId);
  // Reads out a watch's result in full when it settles (the board does not repeat it).
  const outcomeWords = useOutcomeWords();
  const said = JSON.stringify(
    watches.status === 'ready'
      ? Object.fromEntries(
          Object.entries(watches.value).map(([id, watch]) => [id, outcomeWords(watch)]),
        )
      : null,
  );
  const heard = useRef<Record<string, string | null> | null>(null);
  useEffect(() => {
    const now = JSON.parse(said) as Record<string, string | null> | null;
    if (!now) return;
    const before = heard.current;
    heard.current = now;
    if (!before) return;
    const news = Object.entries(now)
      .filter(([id, words]) => words && words !== before[id])
      .map(([, words]) => words);
    if (news.length > 0) announce(news.join(' '));
  }, [said]);
  useEffect(() => {
    if (changed && judged) recordCheck('printer-test-message', judged);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed, judged?.state, judged?.summary, judged?.problemId]);
}
