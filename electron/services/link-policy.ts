/**
 * The allow-list for addresses opened outside the app (system browser). Microsoft's sign-in and
 * admin pages are allowed; printers and the practice world are allowed by origin once the
 * wizard has found them. Everything else is refused.
 */
export interface LinkPolicy {
  isAllowed(url: string): boolean;
  /** Admits one exact origin (scheme, host and port), e.g. a chosen printer's Web Config. */
  allowOrigin(origin: string): void;
}

/** Hosts of Microsoft's own sign-in and admin pages (all clouds); https only. */
const microsoftHosts = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.live.com',
  'microsoft.com',
  'www.microsoft.com',
  'aka.ms',
  'admin.microsoft.com',
  'admin.exchange.microsoft.com',
  'entra.microsoft.com',
  'portal.azure.com',
  'security.microsoft.com',
  'learn.microsoft.com',
  'support.microsoft.com',
  'myprofile.microsoft.com',
];

export function createLinkPolicy(extraHttpsHosts: readonly string[] = []): LinkPolicy {
  const httpsHosts = new Set([...microsoftHosts, ...extraHttpsHosts]);
  const origins = new Set<string>();
  return {
    isAllowed(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.username || parsed.password) return false;
      if (origins.has(parsed.origin)) return true;
      return parsed.protocol === 'https:' && parsed.port === '' && httpsHosts.has(parsed.hostname);
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
