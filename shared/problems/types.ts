/** Areas group problems; each area's words live in the locale namespace of the same name. */
export type ProblemArea = 'app' | 'discovery' | 'signin' | 'exchange' | 'printer' | 'troubleshoot';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface ProblemEntry {
  area: ProblemArea;
  severity: ProblemSeverity;
  /** Where the fix is done, for buttons and links; hosts come from cloud/vendor profiles. */
  links?: readonly string[];
}
