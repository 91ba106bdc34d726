/**
 * What a word the catalogue lacks looks like on screen: a marker that names the key, instead
 * of the bare key that reads like a word. Tests look for it (and for a raw `{{`) on every
 * screen, in the report and in the calendar file, in every language.
 */
export const missingKeyMarker = (key: string): string => `⟪missing: ${key}⟫`;

/** Finds a missing-key marker or a placeholder left unfilled in a text. */
export const unfilledWords = /⟪missing: [^⟫]*⟫|\{\{[^}]*\}\}/g;
