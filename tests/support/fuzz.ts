/**
 * Shared pieces of the network fuzz suites (tests/integration/fuzz-*.test.ts): hostile value
 * generators, the "safe text" check, bounded run counts and the per-surface count report
 * (artifacts/fuzz-<suite>.json). FUZZ_SCALE multiplies every run count (default 1; CI keeps 1
 * so the suites stay inside the 8-minute budget).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const scale = Number(process.env['FUZZ_SCALE'] ?? '1') || 1;

/** Run count for a surface, scaled. */
export const runs = (base: number): number => Math.max(1, Math.round(base * scale));

/** Fixed seed unless FUZZ_SEED is given: a CI failure replays exactly; a local run may explore. */
export const seed = Number(process.env['FUZZ_SEED'] ?? '20261204');
// The suites run fc.assert with endOnFailure: a failing input is reported as found (the seed
// replays it) rather than shrunk, since shrinking against live servers outlasts the test's limit.

export const markup = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'-alert(1)-'",
  '<a href="javascript:alert(1)">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!--',
  ']]>',
  '&lt;b&gt;',
  '\u202eevil\u202c',
  '\u0000\u0007\u001b[31m',
  '\ufeff\u200b',
  '%00%0d%0aSet-Cookie: x=1',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
];

/** Oversized, binary, markup-laden, unicode and plain strings, mixed. */
export const hostileString = (maxLength = 300): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 80) }),
    fc.constantFrom(...markup),
    fc
      .array(fc.oneof(fc.constantFrom(...markup), fc.string({ maxLength: 20 })), { maxLength: 8 })
      .map((parts) => parts.join('')),
    fc.integer({ min: 1_000, max: 60_000 }).map((length) => 'A<'.repeat(length / 2)),
  );

export const ipv4 = fc.ipV4();
export const ipv6 = fc.ipV6();

// C0/C1 controls, DEL, bidirectional overrides and isolates, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Plain text safe to show: no control or direction-changing characters, bounded length. */
export function isSafeText(value: string | null | undefined, limit: number): boolean {
  if (value === null || value === undefined) return true;
  return !unsafe.test(value) && Array.from(value).length <= limit;
}

/** Counts inputs per surface for the closing report. */
export class FuzzCounter {
  private readonly counts: Record<string, number> = {};
  private readonly started = Date.now();
  constructor(private readonly suite: string) {}
  hit(surface: string): void {
    this.counts[surface] = (this.counts[surface] ?? 0) + 1;
  }
  write(): void {
    const dir = path.resolve('artifacts');
    mkdirSync(dir, { recursive: true });
    const report = {
      suite: this.suite,
      seed,
      scale,
      wallMs: Date.now() - this.started,
      inputs: this.counts,
    };
    writeFileSync(
      path.join(dir, `fuzz-${this.suite}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  }
}

/**
 * Room for a busy two-core machine (CI runs two Vitest workers, and lint and typecheck at a
 * lower priority, beside the servers under test): a call that outlasts its own limits by this
 * much is still a hang, as a hang has no end.
 */
export const schedulingSlackMs = 3_000;

/**
 * Resolves with how long `work` took; rejects if it outlasts `boundMs` (the limits of the code
 * under test) plus the scheduling slack: a hang.
 */
export async function withinBound<T>(
  boundMs: number,
  work: () => Promise<T>,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const limitMs = boundMs + schedulingSlackMs;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${boundMs} ms + ${schedulingSlackMs} ms (a hang)`)),
      limitMs,
    );
  });
  try {
    const value = await Promise.race([work(), hang]);
    return { value, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
