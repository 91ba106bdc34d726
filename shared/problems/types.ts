/** Areas group problems; each area's words live in the locale namespace of the same name. */
export type ProblemArea =
  'app' | 'discovery' | 'signin' | 'exchange' | 'printer' | 'troubleshoot' | 'delivery';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface ProblemEntry {
  area: ProblemArea;
  severity: ProblemSeverity;
  /**
   * Where the fix is done, for buttons and links; hosts come from cloud/vendor profiles.
   * Use ProblemLinkKey values (resolved by shared/problems/links.ts), not literal addresses.
   */
  links?: readonly string[];
  /** The number in `data` the words count (i18next plural forms pick the words by it). */
  counts?: string;
}

/** Places a fix is done: a cloud profile's admin pages, or the chosen printer's Web Config. */
export const problemLinkKeys = [
  'exchangeSettings',
  'm365ActiveUsers',
  'entraProperties',
  'conditionalAccess',
  'webConfig',
] as const;
export type ProblemLinkKey = (typeof problemLinkKeys)[number];
