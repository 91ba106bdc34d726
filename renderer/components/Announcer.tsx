/**
 * One polite live region, present from the start, for news that appears somewhere on the page
 * (a sign-in code, a check's result): a region that is itself inserted with its text is often
 * not read out, one whose text changes is.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

const useAnnouncement = create<{ text: string; serial: number }>(() => ({ text: '', serial: 0 }));

export function announce(text: string): void {
  useAnnouncement.setState((state) => ({ text, serial: state.serial + 1 }));
}

/** Announces `text` whenever it changes to something non-empty. */
export function useAnnounce(text: string | null | undefined): void {
  useEffect(() => {
    if (text) announce(text);
  }, [text]);
}

export function Announcer() {
  const text = useAnnouncement((state) => state.text);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
