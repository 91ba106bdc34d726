/**
 * Text from a network answer, made safe to show and keep: a string or nothing, control
 * characters turned into spaces, trimmed and cut to a length.
 */
export function plainText(value: unknown, max = 120): string {
  return typeof value === 'string'
    ? value
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, max)
    : '';
}
