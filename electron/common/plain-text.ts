/**
 * Text from a network answer, made safe to show and keep: a string or nothing, control,
 * zero-width and bidi-override characters turned into spaces (so nothing can hide or reorder
 * what the person reads), trimmed and cut to a length.
 */
export function plainText(value: unknown, max = 120): string {
  return typeof value === 'string'
    ? value
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ')
        .trim()
        .slice(0, max)
    : '';
}
