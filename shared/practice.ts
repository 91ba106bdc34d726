/**
 * Scenario switches of the practice world (electron/simulator/). Each switch puts one simulated
 * part into one of the situations the wizard handles; the UI lists them in practice mode only.
 * Later capabilities add their switches here (tenant, Exchange, printers).
 */
export const practiceSwitches = {
  /** How the OS keychain behaves for the practice run. */
  keychain: ['as-is', 'missing', 'locked', 'hangs'],
  /** Which practice printers announce themselves on loopback. */
  printers: ['three', 'none', 'hostile'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type PracticeSwitchId = keyof typeof practiceSwitches;
export type PracticeSwitchValue<S extends PracticeSwitchId = PracticeSwitchId> =
  (typeof practiceSwitches)[S][number];

/** Current position of every switch; the first option of each is its default. */
export type PracticeSettings = { [S in PracticeSwitchId]: PracticeSwitchValue<S> };

export function defaultPracticeSettings(): PracticeSettings {
  const entries = Object.entries(practiceSwitches).map(([id, options]) => [id, options[0]]);
  return Object.fromEntries(entries) as PracticeSettings;
}
