import { describe, expect, it } from 'vitest';
import { createLinkPolicy } from '../../electron/services/link-policy';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { oauthSupportTable } from '../../shared/printer-oauth';

describe('link allow-list', () => {
  const policy = createLinkPolicy();

  it.each([
    'https://microsoft.com/devicelogin',
    'https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode',
    'https://admin.exchange.microsoft.com/#/settings',
    // Every cloud's sign-in and code page comes from its profile.
    'https://login.microsoftonline.us/organizations/oauth2/v2.0/authorize?client_id=x',
    'https://login.partner.microsoftonline.cn/organizations/oauth2/v2.0/authorize',
    'https://microsoft.com/deviceloginchina',
    'https://learn.microsoft.com/entra/identity/conditional-access/managed-policies',
  ])('opens Microsoft page %s', (url) => {
    expect(policy.isAllowed(url)).toBe(true);
  });

  it.each([
    'http://microsoft.com/devicelogin',
    'https://microsoft.com.evil.example/',
    'https://evil.example/?u=https://microsoft.com',
    'https://user:pass@microsoft.com/',
    'https://microsoft.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://192.168.1.20/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(policy.isAllowed(url)).toBe(false);
  });

  it("opens every printer maker's page the OAuth 2.0 table cites, and nothing else of theirs", () => {
    const cited = oauthSupportTable.flatMap((row) => (row.source ? [row.source.url] : []));
    expect(cited.length).toBeGreaterThan(5);
    for (const url of cited) expect(policy.isAllowed(url)).toBe(true);
    // By origin only: another host of the same maker, or the same host on another port, is not.
    expect(policy.isAllowed('https://epson.com/')).toBe(false);
    expect(policy.isAllowed('https://support.lexmark.com:8443/')).toBe(false);
    expect(policy.isAllowed('https://support.lexmark.com.evil.example/')).toBe(false);
  });

  it('admits a printer by exact origin only once allowed', () => {
    const printers = createLinkPolicy();
    expect(printers.isAllowed('http://192.168.1.20/PRESENTATION/BONJOUR')).toBe(false);
    printers.allowOrigin('http://192.168.1.20');
    expect(printers.isAllowed('http://192.168.1.20/PRESENTATION/BONJOUR')).toBe(true);
    expect(printers.isAllowed('https://192.168.1.20/')).toBe(false);
    expect(printers.isAllowed('http://192.168.1.20:8080/')).toBe(false);
    expect(() => printers.allowOrigin('file:///etc')).toThrow();
  });

  it("admits a custom profile's sign-in and code pages exactly like Microsoft's own", () => {
    const custom = createLinkPolicy([
      ...Object.values(cloudProfiles),
      {
        authorityHost: 'https://login.private.example:8443',
        deviceLoginUrl: 'https://device.private.example/login',
      },
    ]);
    expect(custom.isAllowed('https://login.private.example:8443/t/oauth2/v2.0/authorize')).toBe(
      true,
    );
    expect(custom.isAllowed('https://device.private.example/login')).toBe(true);
    expect(custom.isAllowed('https://login.private.example/')).toBe(false);
    expect(custom.isAllowed('http://device.private.example/login')).toBe(false);
    expect(custom.isAllowed('https://login.microsoftonline.com/organizations')).toBe(true);
    // Without the profile, neither opens.
    expect(policy.isAllowed('https://login.private.example:8443/')).toBe(false);
  });
});
