/**
 * The replies users paste once Basic authentication for SMTP AUTH is off (end of December 2026)
 * and the other Exchange Online and Entra answers the catalogue learned for it: each real text,
 * with Exchange's bracketed server suffix or Microsoft's trace lines, names its own entry, and
 * every entry offers the wizard's check or step that fixes or confirms it.
 */
import { describe, expect, test } from 'vitest';
import { classifySmtpFailure } from '../../shared/exchange/smtp-replies';
import type { ProblemId } from '../../shared/problem';
import { recogniseText } from '../../shared/troubleshoot/recognise';
import { remediesFor } from '../../shared/troubleshoot/remedies';

const suffix =
  '[BN8PR03CA0012.namprd03.prod.outlook.com 2026-12-04T10:00:00.000Z 08DD2F1C3B4A5E6F]';

const replies: [string, ProblemId][] = [
  // The retirement replies.
  [
    `550 5.7.30 Basic authentication is not supported for Client Submission. ${suffix}`,
    'smtp-basic-auth-retired',
  ],
  [
    `Error: Invalid login: 550 5.7.30 Basic authentication is not supported for Client Submission. ${suffix}`,
    'smtp-basic-auth-retired',
  ],
  [
    `535 5.7.139 Authentication unsuccessful, basic authentication is disabled. ${suffix}`,
    'smtp-basic-auth-disabled',
  ],
  // Every 5.7.139 variant keeps its own entry.
  [
    `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${suffix}`,
    'smtp-auth-disabled-tenant',
  ],
  [
    `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${suffix}`,
    'smtp-auth-disabled-mailbox',
  ],
  [
    `535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. ${suffix}`,
    'smtp-auth-security-defaults',
  ],
  [
    `535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. ${suffix}`,
    'smtp-auth-policy-criteria',
  ],
  // Outbound blocks and limits.
  [
    `Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold. For more information please go to http://go.microsoft.com/fwlink/?LinkId=524931 AS(831)' ${suffix}`,
    'smtp-tenant-threshold',
  ],
  [
    `550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit). ${suffix}`,
    'smtp-tenant-recipient-limit',
  ],
  [
    `550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains. ${suffix}`,
    'smtp-unregistered-domain',
  ],
  [
    `550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. ${suffix}`,
    'smtp-ip-blocked',
  ],
  [
    `550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555) ${suffix}`,
    'smtp-forwarding-blocked',
  ],
  [`550 5.7.501 Access denied, spam abuse detected. ${suffix}`, 'smtp-spam-abuse'],
  [
    `550 5.7.511 Access denied, banned sender[203.0.113.9]. To request removal from this list, forward this message to delist@microsoft.com. ${suffix}`,
    'smtp-banned-sender',
  ],
  [
    `451 4.7.500 Server busy. Please try again later from [203.0.113.9]. (S77) ${suffix}`,
    'smtp-server-busy',
  ],
  [`550 5.2.2 Submission quota exceeded ${suffix}`, 'smtp-submission-quota'],
  [
    `554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded ${suffix}`,
    'smtp-mailbox-full',
  ],
  // Relay and connector replies.
  [
    `550 5.7.64 TenantAttribution; Relay Access Denied [SN1PEPF000252A1.namprd05.prod.outlook.com]`,
    'smtp-relay-not-attributed',
  ],
  [
    `451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35 ${suffix}`,
    'smtp-relay-not-attributed',
  ],
  [`550 5.7.1 Unable to relay ${suffix}`, 'smtp-relay-denied'],
  [
    `550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain ${suffix}`,
    'smtp-relay-denied',
  ],
  [
    `550 5.4.1 Recipient address rejected: Access denied. AS(201806281) ${suffix}`,
    'smtp-recipient-rejected',
  ],
  [
    `550 5.7.1 Client does not have permissions to send as this sender ${suffix}`,
    'smtp-send-as-denied',
  ],
];

describe('pasted Exchange replies', () => {
  test.each(replies)('%s', (text, expected) => {
    const recognition = recogniseText(text);
    expect(recognition).toMatchObject({ problemId: expected, as: 'smtp-reply' });
  });

  test.each([
    // Admin pages and NDRs that quote only the enhanced code, or only Exchange's words.
    ['5.7.64 TenantAttribution; Relay Access Denied', 'smtp-relay-not-attributed'],
    ['Reason: 5.7.30 Basic authentication is not supported', 'smtp-basic-auth-retired'],
    ['Basic authentication is not supported for Client Submission.', 'smtp-basic-auth-retired'],
    ['Authentication unsuccessful, basic authentication is disabled.', 'smtp-basic-auth-disabled'],
    [
      '5.7.139 Authentication unsuccessful, basic authentication is disabled',
      'smtp-basic-auth-disabled',
    ],
    ['Access denied, traffic not accepted from this IP.', 'smtp-ip-blocked'],
  ] as [string, ProblemId][])('without the reply code: %s', (text, expected) => {
    expect(recogniseText(text).problemId).toBe(expected);
  });

  test('an IP address or a version number is not an enhanced code', () => {
    expect(recogniseText('printer at 10.4.5.6 is offline').problemId).toBe(
      'troubleshoot-not-recognised',
    );
  });

  test('the retirement replies lead into the OAuth 2.0 journey and the check that proves it', () => {
    for (const id of ['smtp-basic-auth-retired', 'smtp-basic-auth-disabled'] as const) {
      expect(remediesFor(id)).toEqual(['start-oauth-journey', 'run-exchange-check']);
    }
  });

  test('replies refused when sending are confirmed by sending a test message', () => {
    for (const [text, id] of replies.slice(7, 15)) {
      expect(remediesFor(id), text).toContain('run-send-check');
    }
  });

  test('the Exchange check classifies a retired password the same way', () => {
    const outcome = classifySmtpFailure({
      code: 'EAUTH',
      responseCode: 550,
      response: `550 5.7.30 Basic authentication is not supported for Client Submission. ${suffix}`,
    });
    expect(outcome.problemId).toBe('smtp-basic-auth-retired');
  });
});

describe('pasted Entra answers', () => {
  const trace =
    'Trace ID: 52f56d8e-6b25-4eab-b90c-c6e4bcacc100 Correlation ID: a292e891-5d20-49bb-b454-d7cf53013ea0 Timestamp: 2026-12-04 10:00:00Z';
  test.each([
    [
      `AADSTS500011: The resource principal named https://outlook.office.com was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant. ${trace}`,
      'signin-resource-not-found',
    ],
    [
      `AADSTS50158: External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges. ${trace}`,
      'signin-external-challenge',
    ],
    [`AADSTS50097: Device authentication is required. ${trace}`, 'signin-device-auth-required'],
    [
      `AADSTS50105: Your administrator has configured the application Printer ('0000') to block users unless they are specifically granted ('assigned') access to the application. ${trace}`,
      'signin-user-not-assigned',
    ],
    [`AADSTS50057: The user account is disabled. ${trace}`, 'signin-account-disabled'],
    [
      `AADSTS50053: You've tried to sign in too many times with an incorrect user ID or password. ${trace}`,
      'signin-account-locked',
    ],
    [`AADSTS50055: The password is expired. ${trace}`, 'signin-password-expired'],
    [`AADSTS7000112: Application is disabled. ${trace}`, 'signin-app-disabled'],
    [
      `AADSTS65002: Consent between first party application '00000000-0000-0000-0000-000000000001' and first party resource '00000002-0000-0ff1-ce00-000000000000' must be configured via preauthorization. ${trace}`,
      'signin-first-party-client',
    ],
    [
      `AADSTS90072: User account 'scanner@fabrikam.com' from identity provider 'https://sts.windows.net/x/' does not exist in tenant 'Contoso' and cannot access the application. ${trace}`,
      'signin-external-account',
    ],
  ] as [string, ProblemId][])('%s', (text, expected) => {
    const recognition = recogniseText(text);
    expect(recognition).toMatchObject({ problemId: expected, as: 'aadsts' });
    expect(recognition.data['correlationId']).toBe('a292e891-5d20-49bb-b454-d7cf53013ea0');
  });
});
