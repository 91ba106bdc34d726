/**
 * Removes anything that looks like a credential from text bound for a log or a transcript:
 * JWTs, bearer values, XOAUTH2 blobs and other long base64 runs.
 */
const patterns: RegExp[] = [
  /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g,
  /(bearer\s+)[^\s"',;]+/gi,
  /((?:access|refresh|id)_?token["'=:\s]+)[^\s"',;&]+/gi,
  /((?:device_code|code|client_secret|password)["'=:\s]+)[^\s"',;&]+/gi,
  /[A-Za-z0-9+/_-]{40,}={0,2}/g,
];

export function redact(text: string): string {
  return patterns.reduce(
    (result, pattern) =>
      result.replace(pattern, (match: string, prefix?: unknown) =>
        typeof prefix === 'string' && match.startsWith(prefix)
          ? `${prefix}[redacted]`
          : '[redacted]',
      ),
    text,
  );
}
