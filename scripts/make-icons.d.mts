// Types of scripts/make-icons.mjs for the TypeScript tests that import it.
export const iconSource: string;
export const iconDir: string;
export const linuxSizes: number[];
export function iconFiles(): Map<string, Uint8Array>;
