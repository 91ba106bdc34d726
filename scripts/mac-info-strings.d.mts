// Types of scripts/mac-info-strings.mjs for the TypeScript tests that import it.
export const macStringsDir: string;
export const lprojNames: Record<string, string>;
export function infoPlistStrings(language: string): string;
