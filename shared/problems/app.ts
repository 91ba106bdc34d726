import type { ProblemEntry } from './types';

/** Problems of the app itself and of the contract between UI and main process. */
export const appProblems = {
  'request-malformed': { area: 'app', severity: 'error' },
  'request-unknown-method': { area: 'app', severity: 'error' },
  'request-too-large': { area: 'app', severity: 'error' },
  'request-failed': { area: 'app', severity: 'error' },
  'main-unreachable': { area: 'app', severity: 'error' },
  'link-not-allowed': { area: 'app', severity: 'warning' },
  'practice-only': { area: 'app', severity: 'warning' },
  'progress-not-saved': { area: 'app', severity: 'warning' },
  'keychain-unavailable': { area: 'app', severity: 'warning' },
} as const satisfies Record<string, ProblemEntry>;
