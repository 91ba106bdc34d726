/**
 * Where the next step shown should bring the person: a screen that sends them to another step
 * for one thing (a switch on Prepare Exchange Online) names that thing's element, and the step
 * scrolls to it once it is drawn, instead of landing at its top.
 */
let pending: string | null = null;

export function scrollOnArrival(elementId: string): void {
  pending = elementId;
}

/**
 * Called by a step once drawn: brings its named element into view (once) and focuses it.
 * Returns the element arrived at, if any, so the step can unfold what belongs to it.
 */
export function arriveAtTarget(): HTMLElement | null {
  const id = pending;
  pending = null;
  if (!id) return null;
  const element = document.getElementById(id);
  if (!element) return null;
  element.scrollIntoView({ block: 'start' });
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  return element;
}
