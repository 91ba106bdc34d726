/**
 * Reads a DNS-SD TXT record (RFC 6763 section 6) from its raw strings, not from
 * bonjour-service's decoded `txt` (which loses empty values, lets the last duplicate win and
 * cuts at newlines). Keys are case-insensitive and lower-cased here; the first occurrence of a
 * key wins; values are decoded as UTF-8 (invalid bytes become U+FFFD) and cleaned to plain,
 * bounded text. Bounded work: at most `maxEntries` strings of at most 255 bytes each.
 */
import { cleanText } from './grouping';

export const txtLimits = { maxEntries: 64, maxStringBytes: 255, valueChars: 200 };

export function parseTxt(raw: unknown): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!Array.isArray(raw)) return { ...result };
  for (const item of raw.slice(0, txtLimits.maxEntries)) {
    const bytes = toBuffer(item);
    if (!bytes || bytes.length === 0) continue;
    const chunk = bytes.subarray(0, txtLimits.maxStringBytes);
    const equals = chunk.indexOf(0x3d);
    const keyBytes = equals === -1 ? chunk : chunk.subarray(0, equals);
    // Keys are printable US-ASCII other than '=' (RFC 6763 6.4); anything else is not a key.
    if (keyBytes.length === 0 || keyBytes.some((byte) => byte < 0x20 || byte > 0x7e)) continue;
    const key = keyBytes.toString('ascii').toLowerCase();
    if (key === '__proto__' || Object.hasOwn(result, key)) continue;
    const value = equals === -1 ? '' : chunk.subarray(equals + 1).toString('utf8');
    result[key] = cleanText(value, txtLimits.valueChars);
  }
  // A plain object again, so callers can spread and serialise it.
  return { ...result };
}

function toBuffer(item: unknown): Buffer | null {
  if (Buffer.isBuffer(item)) return item;
  if (item instanceof Uint8Array) return Buffer.from(item);
  if (typeof item === 'string') return Buffer.from(item, 'utf8');
  return null;
}
