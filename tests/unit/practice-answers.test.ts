/**
 * The practice tenant answers in Microsoft's words (docs/practice-answers.md), and the wizard's
 * classifiers are tested on exactly those words: each Entra failure's body as the token
 * endpoint sends it, through the sign-in classifier and, pasted, through the troubleshooter.
 */
import { describe, expect, test } from 'vitest';
import { classifySignInError } from '../../electron/services/signin/classify';
import {
  entraFailureScenarios,
  failureOf,
  oauthErrorBody,
} from '../../electron/simulator/practice-tenant/entra-failures';
import { problemByAadsts } from '../../shared/signin/aadsts';
import { recogniseText } from '../../shared/troubleshoot/recognise';

const correlationId = '824fc737-3721-428a-adb8-e51aec8c4cce';
const withCodes = entraFailureScenarios;

describe('Entra answers of the practice tenant', () => {
  test.each(withCodes)('%s: the body is shaped as captured', (scenario) => {
    const failure = failureOf(scenario);
    const body = oauthErrorBody(failure, correlationId);
    expect(Object.keys(body)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
      'error_uri',
    ]);
    expect(body.error_description).toMatch(
      new RegExp(
        `^AADSTS${failure.code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: ${correlationId} Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
      ),
    );
    expect(body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${failure.code}`);
    // Dates Entra writes into its texts are filled in (no placeholder reaches the wizard).
    expect(body.error_description).not.toMatch(/[{}]/);
  });

  test.each(withCodes)('%s: the sign-in classifier reads its exact words', (scenario) => {
    const failure = failureOf(scenario);
    const body = oauthErrorBody(failure, correlationId);
    const known = problemByAadsts[failure.code ?? 0];
    const problem = classifySignInError({
      error: new Error(body.error_description),
      oauth: {
        error: body.error,
        codes: body.error_codes,
        correlationId: body.correlation_id,
        description: body.error_description,
      },
      failure: null,
      flow: 'device-code',
    }).problem;
    const expected =
      failure.code === 53003 ? 'signin-device-code-blocked' : (known ?? 'signin-failed');
    expect(problem.id).toBe(expected);
    expect(problem.data?.['correlationId']).toBe(correlationId);
  });

  test.each(withCodes)('%s: pasted into the troubleshooter, the same words', (scenario) => {
    const failure = failureOf(scenario);
    const pasted = oauthErrorBody(failure, correlationId).error_description;
    const recognised = recogniseText(pasted);
    const code = failure.code ?? 0;
    const expected = [700082, 70008].includes(code)
      ? 'printer-sign-in-lapsed'
      : (problemByAadsts[code] ?? 'aadsts-unknown');
    expect(recognised.problemId).toBe(expected);
    // An unknown code is shown with its code only.
    if (expected !== 'aadsts-unknown') expect(recognised.data['correlationId']).toBe(correlationId);
  });
});
