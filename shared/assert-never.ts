/**
 * Marks a switch over a union as complete: a new member of the union becomes a compile error
 * here instead of falling through to a default the author never chose.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
