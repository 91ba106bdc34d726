/**
 * The catalogue is the single source: every problem any classifier can give (the sign-in
 * classifier, the Exchange reply classifier, the troubleshooter's recogniser) is an entry, and
 * every link and remedy it names resolves.
 */
import { describe, expect, it } from 'vitest';
import { classifySignInError } from '../../electron/services/signin/classify';
import { NetworkFailureError } from '../../electron/services/signin/network-client';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { classifySmtpFailure, type SmtpFailure } from '../../shared/exchange/smtp-replies';
import { isProblemId } from '../../shared/problem';
import { problemCatalogue, type ProblemId } from '../../shared/problems/index';
import { linkAddress, problemLinks } from '../../shared/problems/links';
import { problemLinkKeys } from '../../shared/problems/types';
import { problemByAadsts, problemByOAuthError } from '../../shared/signin/aadsts';
import {
  recogniseChoice,
  recogniseJobCode,
  recogniseText,
  symptomChoices,
} from '../../shared/troubleshoot/recognise';
import { expiryProblems, remedies } from '../../shared/troubleshoot/remedies';

const ids = Object.keys(problemCatalogue) as ProblemId[];

describe('sign-in classifier outputs', () => {
  it.each(Object.entries(problemByAadsts))('AADSTS%s maps to a catalogue entry', (code) => {
    const id = classifySignInError({
      error: null,
      oauth: { error: 'invalid_grant', codes: [Number(code)], correlationId: '', description: '' },
      failure: null,
    }).problem.id;
    expect(isProblemId(id)).toBe(true);
  });
  it.each(Object.keys(problemByOAuthError))('OAuth error %s maps to a catalogue entry', (error) => {
    const id = classifySignInError({
      error: null,
      oauth: { error, codes: [], correlationId: '', description: '' },
      failure: null,
    }).problem.id;
    expect(isProblemId(id)).toBe(true);
  });
  it('network failures, MSAL codes and unknown answers map to catalogue entries', () => {
    const outputs = [
      classifySignInError({
        error: new NetworkFailureError({ kind: 'timeout', host: 'h', code: 'ETIMEDOUT' }),
        oauth: null,
        failure: null,
      }),
      classifySignInError({
        error: new NetworkFailureError({ kind: 'certificate', host: 'h', code: 'X' }),
        oauth: null,
        failure: null,
      }),
      classifySignInError({
        error: new NetworkFailureError({ kind: 'network', host: 'h', code: 'ECONNREFUSED' }),
        oauth: null,
        failure: null,
      }),
      classifySignInError({
        error: { errorCode: 'device_code_expired' },
        oauth: null,
        failure: null,
      }),
      classifySignInError({ error: new Error('?'), oauth: null, failure: null }),
      classifySignInError({
        error: null,
        oauth: {
          error: 'invalid_grant',
          codes: [53003],
          correlationId: '',
          description: 'blocked by device code flow policy',
        },
        failure: null,
      }),
    ];
    for (const output of outputs) expect(isProblemId(output.problem.id)).toBe(true);
  });
});

describe('Exchange reply classifier outputs', () => {
  const failures: SmtpFailure[] = [
    ...[
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.",
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
      '535 5.7.3 Authentication unsuccessful',
      '530 5.7.57 Client not authenticated to send mail.',
      '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
      '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded',
      '554 5.2.252 SendAsDenied',
      '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException',
      '552 5.2.2 mailbox full',
      '550 5.1.8 Access denied, bad outbound sender',
      '421 4.7.66 TLS 1.0 and 1.1 are not supported.',
      '500 5.0.0 something new',
    ].map((response) => ({ code: 'EAUTH', response })),
    { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    { code: 'ETLS' },
    { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
    { code: 'EDNS', originalCode: 'ENOTFOUND' },
    { code: 'ETIMEDOUT', message: 'Connection timeout' },
    { code: 'EPROTOCOL', message: 'Invalid greeting' },
    { deadline: true },
    { code: 'ECONNECTION', message: 'Connection closed' },
    {},
  ];
  it.each(failures.map((failure) => [JSON.stringify(failure), failure]))(
    '%s maps to a catalogue entry',
    (_, failure) => {
      expect(isProblemId(classifySmtpFailure(failure).problemId)).toBe(true);
    },
  );
});

describe('recogniser outputs', () => {
  it('every job code from 0 to 999 maps to a catalogue entry', () => {
    for (let code = 0; code < 1000; code += 1) {
      expect(isProblemId(recogniseJobCode(String(code)).problemId)).toBe(true);
    }
  });
  it('every listed choice maps to a catalogue entry', () => {
    for (const [kind, choices] of Object.entries(symptomChoices)) {
      for (const choice of Object.keys(choices)) {
        const recognition = recogniseChoice(kind as keyof typeof symptomChoices, choice as never);
        expect(isProblemId(recognition.problemId), `${kind}/${choice}`).toBe(true);
      }
    }
  });
  it('text of any shape maps to a catalogue entry', () => {
    for (const text of [
      '',
      ' ',
      'x',
      'AADSTS1',
      'AADSTS9999999',
      '999 9.9.9',
      '\u0000',
      'ошибка',
    ]) {
      expect(isProblemId(recogniseText(text).problemId)).toBe(true);
    }
  });
});

describe('links and remedies', () => {
  it.each(ids)('%s links only to places a profile or printer provides', (id) => {
    for (const key of problemLinks(id)) {
      expect(problemLinkKeys).toContain(key);
      const address = linkAddress(key, cloudProfiles.global.adminPages, 'http://192.0.2.1/');
      expect(address, key).toMatch(/^https?:\/\//);
    }
  });
  it('remedies and expiry explanations name catalogue entries only', () => {
    for (const id of [...Object.keys(remedies), ...expiryProblems]) {
      expect(isProblemId(id), id).toBe(true);
    }
  });
});
