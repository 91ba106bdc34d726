import { describe, expect, it } from 'vitest';
import { createLinkPolicy } from '../../electron/services/link-policy';

describe('link allow-list', () => {
  const policy = createLinkPolicy();

  it.each([
    'https://microsoft.com/devicelogin',
    'https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode',
    'https://admin.exchange.microsoft.com/#/settings',
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

  it('admits a printer by exact origin only once allowed', () => {
    const printers = createLinkPolicy();
    expect(printers.isAllowed('http://192.168.1.20/PRESENTATION/BONJOUR')).toBe(false);
    printers.allowOrigin('http://192.168.1.20');
    expect(printers.isAllowed('http://192.168.1.20/PRESENTATION/BONJOUR')).toBe(true);
    expect(printers.isAllowed('https://192.168.1.20/')).toBe(false);
    expect(printers.isAllowed('http://192.168.1.20:8080/')).toBe(false);
    expect(() => printers.allowOrigin('file:///etc')).toThrow();
  });
});
