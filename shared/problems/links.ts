/**
 * Where each problem's fix is done: the `links` of its catalogue entry. Keys resolve against
 * the cloud profile (admin pages) or the chosen printer (Web Config), so no address is written
 * twice and every one is opened through the link allow-list.
 */
import type { CloudProfile } from '../cloud-profiles';
import { problemCatalogue, type ProblemId } from './index';
import { problemLinkKeys, type ProblemEntry, type ProblemLinkKey } from './types';

export function isProblemLinkKey(value: string): value is ProblemLinkKey {
  return (problemLinkKeys as readonly string[]).includes(value);
}

/** The places where this problem's fix is done, most useful first, without repeats. */
export function problemLinks(id: ProblemId): ProblemLinkKey[] {
  const entry: ProblemEntry = problemCatalogue[id];
  return [...new Set(entry.links ?? [])];
}

/** The address of one place for this cloud and printer, or null where there is none. */
export function linkAddress(
  key: ProblemLinkKey,
  adminPages: CloudProfile['adminPages'],
  webConfigUrl: string | null,
): string | null {
  if (key === 'webConfig') return webConfigUrl;
  return adminPages[key] ?? null;
}
