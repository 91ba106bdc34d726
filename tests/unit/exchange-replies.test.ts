import { describe, expect, test } from 'vitest';
import { classifySmtpFailure } from '../../shared/exchange/smtp-replies';
import { powerShellLines } from '../../shared/exchange/powershell';
import { checkTestAddress } from '../../shared/exchange/test-address';

const suffix =
  ' [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]';

describe('real Exchange Online replies (reference A.3), with their suffix', () => {
  const cases: [string, string][] = [
    [
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
      'smtp-auth-disabled-tenant',
    ],
    [
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
      'smtp-auth-disabled-mailbox',
    ],
    [
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
      'smtp-auth-security-defaults',
    ],
    [
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
      'smtp-auth-policy-criteria',
    ],
    [
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      'smtp-basic-auth-disabled',
    ],
    ['535 5.7.3 Authentication unsuccessful', 'smtp-auth-failed'],
    [
      '530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139',
      'smtp-not-authenticated',
    ],
    [
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      'smtp-send-as-denied',
    ],
    [
      '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.',
      'smtp-send-as-denied',
    ],
    [
      '554 5.2.252 SendAsDenied; scanner@contoso.com not allowed to send as x@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException',
      'smtp-send-as-denied',
    ],
    ['550 5.2.252 Sender throttled due to continuous send as denied errors.', 'smtp-throttled'],
    ['550 5.2.251 Sender throttled due to continuous mailbox full errors.', 'smtp-throttled'],
    ['550 5.2.255 Sender throttled due to continuous invalid recipients errors.', 'smtp-throttled'],
    ['432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded', 'smtp-concurrency'],
    [
      '432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.',
      'smtp-concurrency',
    ],
    [
      '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message',
      'smtp-submission-quota',
    ],
    [
      '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
      'smtp-mailbox-full',
    ],
    ['550 5.1.8 Access denied, bad outbound sender', 'smtp-restricted-sender'],
    [
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls',
      'smtp-legacy-tls',
    ],
    ['550 5.7.708 Access denied, traffic not accepted from this IP', 'smtp-ip-blocked'],
    ['554 5.6.211 Invalid MIME Content: header too long', 'smtp-unexpected-reply'],
  ];
  for (const [reply, id] of cases) {
    test(`${reply.slice(0, 60)} → ${id}`, () => {
      const outcome = classifySmtpFailure({ code: 'EAUTH', response: reply + suffix });
      expect(outcome.problemId).toBe(id);
      expect(outcome.data.reply?.endsWith('08DBB276B7E699C4]')).toBe(true);
    });
  }
});

test('client-side failures', () => {
  expect(classifySmtpFailure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }).problemId).toBe(
    'smtp-port-blocked',
  );
  expect(classifySmtpFailure({ code: 'ETIMEDOUT', message: 'Connection timeout' }).problemId).toBe(
    'smtp-port-blocked',
  );
  expect(
    classifySmtpFailure({ code: 'ETIMEDOUT', message: 'Greeting never received' }).problemId,
  ).toBe('smtp-timeout');
  expect(classifySmtpFailure({ deadline: true, message: 'time limit reached' }).problemId).toBe(
    'smtp-timeout',
  );
  expect(classifySmtpFailure({ code: 'EDNS', originalCode: 'ENOTFOUND' }).problemId).toBe(
    'smtp-host-not-found',
  );
  expect(classifySmtpFailure({ code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' })).toEqual({
    problemId: 'smtp-certificate',
    data: { reason: 'CERT_HAS_EXPIRED' },
  });
  expect(
    classifySmtpFailure({ code: 'ETLS', response: '500 Error: command not recognized' }).problemId,
  ).toBe('smtp-no-starttls');
  expect(
    classifySmtpFailure({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' })
      .problemId,
  ).toBe('smtp-connection-dropped');
});

test('server replies are cleaned before they are shown', () => {
  const outcome = classifySmtpFailure({ response: `550 5.9.9 odd\r\n\u0007${'x'.repeat(1000)}` });
  expect(outcome.problemId).toBe('smtp-unexpected-reply');
  expect(outcome.data.reply).toMatch(/^550 5\.9\.9 odd x+$/);
  expect(outcome.data.reply?.length).toBe(300);
});

test('test address: one plain address only', () => {
  expect(checkTestAddress(' scanner@contoso.com ')).toEqual({
    ok: true,
    address: 'scanner@contoso.com',
  });
  expect(checkTestAddress("o'brien+scan@sub.contoso.co.uk").ok).toBe(true);
  expect(checkTestAddress('användare@exempel.se').ok).toBe(true);
  for (const bad of [
    '',
    'scanner',
    '@contoso.com',
    'scanner@',
    'scanner@contoso',
    'a..b@contoso.com',
    'a@-contoso.com',
    'a@contoso.123',
    `${'a'.repeat(65)}@contoso.com`,
    'a"b@contoso.com',
    '<a@contoso.com>',
  ]) {
    expect(checkTestAddress(bad), bad).toEqual({ ok: false, problemId: 'test-address-invalid' });
  }
  for (const many of [
    'a@x.com,b@x.com',
    'a@x.com; b@x.com',
    'a@x.com b@x.com',
    'a@b@x.com',
    'Name <a@x.com>',
  ]) {
    expect(checkTestAddress(many), many).toEqual({ ok: false, problemId: 'test-address-multiple' });
  }
});

test('PowerShell lines: the typed mailbox only when it is one valid address', () => {
  expect(powerShellLines('global', 'printer@fabrikam.example').mailbox).toEqual([
    "Get-CASMailbox -Identity 'printer@fabrikam.example' | Format-List SmtpClientAuthenticationDisabled",
    "Set-CASMailbox -Identity 'printer@fabrikam.example' -SmtpClientAuthenticationDisabled $false",
  ]);
  for (const hostile of [
    "x'; Remove-Mailbox boss; '",
    "o'brien@contoso.com",
    '$(Get-Secret)@x.com',
    '',
  ]) {
    expect(powerShellLines('global', hostile).mailbox[1]).toBe(
      "Set-CASMailbox -Identity 'scanner@contoso.com' -SmtpClientAuthenticationDisabled $false",
    );
  }
  expect(powerShellLines('global', '').organization).toEqual([
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
    'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
  ]);
  expect(powerShellLines('us-government', '').connect).toBe(
    'Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh',
  );
  expect(powerShellLines('china', '').connect).toBe(
    'Connect-ExchangeOnline -ExchangeEnvironmentName O365China',
  );
});
