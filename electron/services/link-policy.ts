/**
 * The allow-list for addresses opened outside the app (system browser). The pages of every
 * cloud profile (sign-in, code entry, admin pages) and Microsoft's help pages are allowed by
 * origin, from shared/cloud-profiles.ts; so are a custom profile's, exactly like Microsoft's own.
 * The printer makers' pages behind the OAuth 2.0 table (shared/printer-oauth.ts) are allowed by
 * origin, exactly the ones the table cites; so are the pages of the relays the ways name.
 * Printers and the practice world are allowed by origin once the wizard has found them.
 * Everything else is refused.
 */
import {
  cloudProfiles,
  microsoftHelpOrigins,
  pagesOf,
  type CloudProfile,
} from '../../shared/cloud-profiles';
import { oauthSourceOrigins } from '../../shared/printer-oauth';
import { sendingWayLinkOrigins } from '../../shared/sending-ways';

export interface LinkPolicy {
  isAllowed(url: string): boolean;
  /** Admits one exact origin (scheme, host and port), e.g. a chosen printer's Web Config. */
  allowOrigin(origin: string): void;
}

export function createLinkPolicy(
  profiles: readonly Partial<CloudProfile>[] = Object.values(cloudProfiles),
): LinkPolicy {
  const origins = new Set<string>([
    ...microsoftHelpOrigins,
    ...oauthSourceOrigins,
    // The relays named for "a relay on an always-on computer" (shared/sending-ways.ts).
    ...sendingWayLinkOrigins,
  ]);
  for (const page of profiles.flatMap(pagesOf)) {
    const origin = originOf(page);
    if (origin) origins.add(origin);
  }
  return {
    isAllowed(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.username || parsed.password) return false;
      return origins.has(parsed.origin);
    },
    allowOrigin(origin) {
      const parsed = new URL(origin);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new Error(`Only web origins can be allowed, not ${parsed.protocol}`);
      }
      origins.add(parsed.origin);
    },
  };
}

function originOf(page: string): string | null {
  try {
    return new URL(page).origin;
  } catch {
    // A profile is checked when it is read; an address that is no URL opens nothing.
    return null;
  }
}
