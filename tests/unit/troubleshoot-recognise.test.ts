/**
 * The troubleshooter's recogniser against real-world strings: Exchange replies with their
 * bracketed server suffixes, AADSTS messages as Microsoft prints them, job error codes, the
 * guide's printer messages in every language it gives, Web Config states, and junk.
 */
import { describe, expect, test } from 'vitest';
import { supportedLanguages } from '../../shared/model';
import { printerMessages } from '../../shared/troubleshoot/printer-messages';
import {
  recogniseAadsts,
  recogniseJobCode,
  recogniseText,
} from '../../shared/troubleshoot/recognise';

const suffix =
  '[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.409Z 08DBB34A1B5F4C7E]';

describe('pasted SMTP replies (with Exchange suffixes and client prefixes)', () => {
  test.each([
    [
      `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${suffix}`,
      'smtp-auth-disabled-tenant',
    ],
    [
      `Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${suffix}`,
      'smtp-auth-disabled-mailbox',
    ],
    [
      `535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. ${suffix}`,
      'smtp-auth-security-defaults',
    ],
    [
      `535-5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. ${suffix}`,
      'smtp-auth-policy-criteria',
    ],
    [`535 5.7.3 Authentication unsuccessful ${suffix}`, 'smtp-auth-failed'],
    [
      `530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 ${suffix}`,
      'smtp-not-authenticated',
    ],
    [
      `554 5.2.252 SendAsDenied; printer@contoso.com not allowed to send as scanner@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied ${suffix}`,
      'smtp-send-as-denied',
    ],
    [`432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded ${suffix}`, 'smtp-concurrency'],
    [
      `554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception ${suffix}`,
      'smtp-submission-quota',
    ],
    [`550 5.1.8 Access denied, bad outbound sender ${suffix}`, 'smtp-restricted-sender'],
    [
      `421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. ${suffix}`,
      'smtp-legacy-tls',
    ],
    // Only the words, without the code: Exchange's wording still says which switch.
    ['SmtpClientAuthentication is disabled for the Tenant', 'smtp-auth-disabled-tenant'],
    // A reply the wizard does not explain is still named a reply, with its text.
    [
      `554 5.6.211 Invalid MIME Content: single text value size (32784) exceeded allowed maximum (32768) for the 'Subject' header. ${suffix}`,
      'smtp-unexpected-reply',
    ],
  ])('%s', (text, expected) => {
    const recognition = recogniseText(text);
    expect(recognition.problemId).toBe(expected);
    expect(recognition.as).toBe('smtp-reply');
  });

  test('the reply is kept for the words, without what came before it', () => {
    const recognition = recogniseText(`Error: 550 5.7.708 Access denied ${suffix}`);
    expect(recognition.data.reply).toMatch(/^550 5\.7\.708 Access denied \[MN2PR05CA0004/);
  });
});

describe('AADSTS codes', () => {
  test.each([
    [
      'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 0f1e… Correlation ID: 7c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8 Timestamp: 2025-05-01 10:00:00Z',
      'signin-conditional-access',
    ],
    // Told to the troubleshooter, an inactive refresh token is the printer's (the wizard's own is
    // handled in Sign in).
    ['AADSTS700082: The refresh token has expired due to inactivity.', 'printer-sign-in-lapsed'],
    ['AADSTS70008: The refresh token has expired due to inactivity.', 'printer-sign-in-lapsed'],
    ['AADSTS50173: The provided grant has expired due to it being revoked.', 'signin-revoked'],
    [
      'AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.',
      'signin-sign-in-frequency',
    ],
    [
      'AADSTS65001: The user or administrator has not consented to use the application',
      'signin-consent-missing',
    ],
    ['aadsts 50126 invalid username or password', 'signin-wrong-password'],
    ['AADSTS9002313: Invalid request.', 'aadsts-unknown'],
  ])('%s', (text, expected) => {
    expect(recogniseText(text).problemId).toBe(expected);
  });

  test('the correlation ID is kept for support', () => {
    const recognition = recogniseText(
      'AADSTS53003: blocked. Correlation ID: 7c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8',
    );
    expect(recognition.data).toEqual({
      code: 'AADSTS53003',
      correlationId: '7c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8',
    });
  });

  test('a bare number is taken as an AADSTS code when the user said it is one', () => {
    expect(recogniseAadsts('53003')?.problemId).toBe('signin-conditional-access');
    expect(recogniseAadsts('not a code')).toBeNull();
  });
});

describe('job error codes', () => {
  test.each([
    ['360', 'job-error-360'],
    [' 361 ', 'job-error-361'],
    ['#370', 'job-error-370'],
    ['0361', 'job-error-361'],
    ['123', 'job-error-other'],
    ['2050', 'job-error-other'],
  ])('typed %j', (code, expected) => {
    expect(recogniseJobCode(code).problemId).toBe(expected);
  });
  test('another code keeps its number for the words', () => {
    expect(recogniseJobCode('123').data).toEqual({ code: '123' });
  });
  test.each(['', 'abc', '36l', '3 6 1'])('%j is not a code', (input) => {
    expect(recogniseJobCode(input).problemId).toBe('troubleshoot-not-recognised');
  });
  test.each([
    ['Error code 361', 'job-error-361'],
    ['錯誤代碼 370', 'job-error-370'],
    ['Kod Ralat 360', 'job-error-360'],
    ['Код помилки 361', 'job-error-361'],
    ["Codi d'error 370", 'job-error-370'],
    ['361', 'job-error-361'],
  ])('pasted %j', (text, expected) => {
    expect(recogniseText(text).problemId).toBe(expected);
  });
});

describe("the guide's printer messages, in every language the guide gives", () => {
  test.each(supportedLanguages)('"must sign in to your email service" in %s', (language) => {
    const recognition = recogniseText(printerMessages['must-sign-in'][language]);
    expect(recognition).toMatchObject({ problemId: 'printer-must-sign-in', as: 'printer-message' });
  });
  test.each(supportedLanguages)('job status texts in %s', (language) => {
    expect(recogniseText(printerMessages['job-360'][language]).problemId).toBe('job-error-360');
    expect(recogniseText(printerMessages['job-361'][language]).problemId).toBe('job-error-361');
    expect(recogniseText(printerMessages['job-370'][language]).problemId).toBe('job-error-370');
  });
  test('line breaks and quotes read off a screen do not matter', () => {
    expect(
      recogniseText('“To use this feature, you must sign in to your\nemail service. Contact your')
        .problemId,
    ).toBe('printer-must-sign-in');
    expect(recogniseText('要使用此功能，您必须登录您的电子\n邮件服务。').problemId).toBe(
      'printer-must-sign-in',
    );
  });
  test("the Malay guide's typo for 370 is recognised too", () => {
    expect(
      recogniseText('Anda perlu mendaftar masuk ke perkhidmatan awal sekali lagi.').problemId,
    ).toBe('job-error-370');
  });
  test.each([
    'Your sign-in has expired.',
    '登入已過期',
    'Daftar masuk telah tamat tempoh',
    'Термін дії входу сплив',
    "L'inici de sessió ha caducat",
  ])('an expiry message: %s', (text) => {
    expect(recogniseText(text).problemId).toBe('printer-expiry-message');
  });
});

describe('Web Config', () => {
  test.each([
    'Current Status : Signed in',
    '目前狀態：已登入',
    '目前状态为已登录',
    'Поточний стан: Увійшли в систему',
  ])('%s', (text) => {
    expect(recogniseText(text)).toMatchObject({
      problemId: 'webconfig-signed-in-not-saved',
      as: 'web-config',
    });
  });
});

describe('junk is said plainly not to be recognised', () => {
  test.each([
    'hello',
    'printer broken',
    'asdf;lkj 12 34',
    '<script>alert(1)</script>',
    'Paper jam in tray 2',
    '1.2.3.4',
    'x'.repeat(100_000),
  ])('%s', (text) => {
    expect(recogniseText(text)).toEqual({
      problemId: 'troubleshoot-not-recognised',
      data: { reason: 'unknown' },
      as: 'nothing',
    });
  });
  test('empty input', () => {
    expect(recogniseText('   ').data).toEqual({ reason: 'empty' });
  });
});
