import { startTransition, useEffect, useState } from 'react';

/**
 * False in a component's first render, true from the next: for content nobody sees at first
 * (a folded list), so the first screen draws without it. The second render is a transition,
 * which React does in short slices after the first screen is painted, letting a click or a
 * key through meanwhile.
 */
export function useDrawnLater(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    startTransition(() => setDrawn(true));
  }, []);
  return drawn;
}
