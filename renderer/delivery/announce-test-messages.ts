/**
 * Reads out a printer's test-message result in full when its watch settles (the status board,
 * whose "Printer's test message" line main records, does not repeat it). Mounted with the
 * board once the renderer knows main's watches (a printer step asks for them, a change pushes
 * them): before that there is nothing to read out, and the first screen does not fetch the
 * delivery words for it.
 */
import { useEffect, useRef } from 'react';
import { announce } from '../components/Announcer';
import { useMainValue } from '../store/wizard-store';
import { useOutcomeWordsOnceLoaded } from './outcome-words';

/** Renders nothing: reads out the watches' results as they settle. */
export function TestMessageAnnouncements(): null {
  useAnnounceTestMessages();
  return null;
}

function useAnnounceTestMessages(): void {
  const watches = useMainValue('testWatches');
  // The first words heard are the baseline: until the delivery words load, nothing is heard.
  const outcomeWords = useOutcomeWordsOnceLoaded();
  const said = JSON.stringify(
    watches.status === 'ready' && outcomeWords
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
}
