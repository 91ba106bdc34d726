/**
 * Where each problem's fix is done. The problem files of other areas keep their one-line
 * entries; their places are listed here, and an entry's own `links` are added to them.
 * Keys resolve against the cloud profile (admin pages) or the chosen printer (Web Config),
 * so no address is written twice and every one is opened through the link allow-list.
 */
import type { CloudProfile } from '../cloud-profiles';
import { problemCatalogue, type ProblemId } from './index';
import { problemLinkKeys, type ProblemEntry, type ProblemLinkKey } from './types';

const placesOf: Partial<Record<ProblemId, readonly ProblemLinkKey[]>> = {
  'printer-firmware-update': ['webConfig'],
  'printer-firmware-unknown': ['webConfig'],
  'signin-conditional-access': ['conditionalAccess'],
  'signin-device-code-blocked': ['conditionalAccess'],
  'signin-security-defaults': ['entraProperties'],
  'signin-sign-in-frequency': ['conditionalAccess'],
  'smtp-auth-disabled-tenant': ['exchangeSettings'],
  'smtp-auth-disabled-mailbox': ['m365ActiveUsers'],
  'smtp-auth-security-defaults': ['entraProperties'],
  'smtp-auth-policy-criteria': ['conditionalAccess'],
  'smtp-send-as-denied': ['m365ActiveUsers'],
  'smtp-mailbox-full': ['m365ActiveUsers'],
  'security-defaults-on': ['entraProperties'],
  'smtp-basic-auth-retired': ['exchangeSettings'],
  'smtp-basic-auth-disabled': ['exchangeSettings'],
  'signin-device-auth-required': ['conditionalAccess'],
  'signin-external-challenge': ['conditionalAccess'],
  'signin-user-not-assigned': ['m365ActiveUsers'],
  'signin-account-disabled': ['m365ActiveUsers'],
  'signin-account-locked': ['m365ActiveUsers'],
  'signin-password-expired': ['m365ActiveUsers'],
  'ca-blocks-device-code': ['conditionalAccess'],
  'ca-device-code-report-only': ['conditionalAccess'],
  'ca-device-code-may-apply': ['conditionalAccess'],
};

export function isProblemLinkKey(value: string): value is ProblemLinkKey {
  return (problemLinkKeys as readonly string[]).includes(value);
}

/** The places where this problem's fix is done, most useful first, without repeats. */
export function problemLinks(id: ProblemId): ProblemLinkKey[] {
  const entry: ProblemEntry = problemCatalogue[id];
  const own = (entry.links ?? []).filter(isProblemLinkKey);
  return [...new Set([...own, ...(placesOf[id] ?? [])])];
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
