import { describe, expect, it } from 'vitest';
import { redact } from '../../electron/common/redact';

describe('redact', () => {
  it('removes JWTs, bearer values, token fields and XOAUTH2 blobs', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyQGNvbnRvc28uY29tIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const text = [
      `Authorization: Bearer ${jwt}`,
      `refresh_token=0.AAAA-very-secret-refresh&x=1`,
      `AUTH XOAUTH2 ${Buffer.from(`user=a@b.c\u0001auth=Bearer ${jwt}\u0001\u0001`).toString('base64')}`,
      `{"access_token":"abc.def.ghi"}`,
    ].join('\n');
    const clean = redact(text);
    expect(clean).not.toContain('secret');
    expect(clean).not.toContain(jwt);
    expect(clean).not.toContain('abc.def.ghi');
    expect(clean).toContain('AUTH XOAUTH2');
    expect(clean).toContain('[redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.';
    expect(redact(text)).toBe(text);
  });
});
