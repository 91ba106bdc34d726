import { describe, expect, test } from 'vitest';
import { classifySignInError } from '../../electron/services/signin/classify';
import { NetworkFailureError } from '../../electron/services/signin/network-client';
import { ProblemError } from '../../electron/common/problem-error';

const oauth = (error: string, codes: number[], description = '') => ({
  error,
  codes,
  correlationId: '11111111-2222-3333-4444-555555555555',
  description,
});

describe('classifySignInError', () => {
  test.each([
    [50076, 'signin-mfa-required'],
    [50079, 'signin-mfa-registration'],
    [53003, 'signin-conditional-access'],
    [530035, 'signin-security-defaults'],
    [65001, 'signin-consent-missing'],
    [65004, 'signin-consent-declined'],
    [90094, 'signin-admin-consent-required'],
    [90095, 'signin-admin-approval-requested'],
    [700016, 'signin-app-not-in-tenant'],
    [7000218, 'signin-not-public-client'],
    [50126, 'signin-wrong-password'],
    [50034, 'signin-account-not-found'],
    [50020, 'signin-external-account'],
    [700082, 'signin-refresh-expired'],
    [50173, 'signin-revoked'],
    [70043, 'signin-sign-in-frequency'],
  ])('AADSTS%i → %s, with code and correlation ID', (code, id) => {
    const result = classifySignInError({
      error: { errorCode: 'post_request_failed', errorMessage: 'invalid_grant' },
      oauth: oauth('invalid_grant', [code]),
      failure: null,
    });
    expect(result.problem).toEqual({
      id,
      data: { code: `AADSTS${code}`, correlationId: '11111111-2222-3333-4444-555555555555' },
    });
  });

  // Microsoft's words for every Conditional Access block (Entra error-code reference,
  // BlockedByConditionalAccess; seen on a device-code sign-in in Azure/azure-cli#32809).
  const blockedByConditionalAccess =
    'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 2f8ccb7a-459e-44fb-b615-232475945800 Correlation ID: 824fc737-3721-428a-adb8-e51aec8c4cce Timestamp: 2026-02-17 18:39:09Z';

  test.each([
    ['device-code', 'signin-device-code-blocked'],
    ['browser', 'signin-conditional-access'],
    ['silent', 'signin-conditional-access'],
  ] as const)(
    "Microsoft's 53003 on the %s sign-in is %s (the text never names the flow)",
    (flow, id) => {
      const result = classifySignInError({
        error: new Error('x'),
        oauth: oauth('invalid_grant', [53003], blockedByConditionalAccess),
        failure: null,
        flow,
      });
      expect(result.problem).toEqual({
        id,
        data: { code: 'AADSTS53003', correlationId: '11111111-2222-3333-4444-555555555555' },
      });
    },
  );

  test('AADSTS codes inside an MSAL message are found without the recorded body', () => {
    const result = classifySignInError({
      error: {
        errorCode: 'invalid_grant',
        errorMessage: 'AADSTS700082: The refresh token has expired',
      },
      oauth: null,
      failure: null,
    });
    expect(result.problem.id).toBe('signin-refresh-expired');
  });

  test.each([
    ['authorization_declined', 'signin-declined'],
    ['expired_token', 'signin-code-expired'],
    ['bad_verification_code', 'signin-bad-code'],
  ])('OAuth error %s → %s', (error, id) => {
    const result = classifySignInError({
      error: { errorCode: 'post_request_failed', errorMessage: error },
      oauth: null,
      failure: null,
    });
    expect(result.problem.id).toBe(id);
  });

  test('MSAL device_code_expired → code expired', () => {
    expect(
      classifySignInError({
        error: { errorCode: 'device_code_expired' },
        oauth: null,
        failure: null,
      }).problem.id,
    ).toBe('signin-code-expired');
  });

  test.each([
    ['ECONNREFUSED', 'network', 'signin-network'],
    ['ETIMEDOUT', 'timeout', 'signin-network-timeout'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'certificate', 'signin-certificate-untrusted'],
  ] as const)('network %s → %s', (code, kind, id) => {
    const failure = { kind, code, host: 'login.microsoftonline.com' };
    const result = classifySignInError({
      error: new NetworkFailureError(failure),
      oauth: null,
      failure: null,
    });
    expect(result.problem).toEqual({ id, data: { host: 'login.microsoftonline.com', code } });
  });

  test('anything else is the catch-all with the code and correlation ID', () => {
    const result = classifySignInError({
      error: { errorCode: 'post_request_failed', errorMessage: 'temporarily_unavailable' },
      oauth: oauth('temporarily_unavailable', []),
      failure: null,
    });
    expect(result.problem).toEqual({
      id: 'signin-failed',
      data: {
        code: 'temporarily_unavailable',
        correlationId: '11111111-2222-3333-4444-555555555555',
      },
    });
  });

  test('a ProblemError passes through', () => {
    const error = new ProblemError('signin-not-signed-in');
    expect(classifySignInError({ error, oauth: null, failure: null })).toBe(error);
  });
});
