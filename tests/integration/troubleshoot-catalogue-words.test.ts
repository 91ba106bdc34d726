/**
 * One test per catalogue entry the troubleshooter produces, with the words and fix the user
 * sees in every language: typed input goes straight into the recogniser; network replies come
 * from the practice world (Exchange's SMTP replies with their server suffix, the practice
 * tenant's AADSTS answers), and pasting what the wizard received gives the same entry.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { supportedLanguages } from '../../shared/model';
import type { Problem } from '../../shared/problem';
import { problemCatalogue, type ProblemId } from '../../shared/problems/index';
import type { PracticeSettings, PracticeSwitchValue } from '../../shared/practice';
import { printerMessages } from '../../shared/troubleshoot/printer-messages';
import {
  recogniseChoice,
  recogniseJobCode,
  recogniseText,
} from '../../shared/troubleshoot/recognise';
import { remediesFor } from '../../shared/troubleshoot/remedies';
import { mailbox, startExchangeHarness, type ExchangeHarness } from '../support/exchange-harness';
import { approveOnPage, startSignInRig } from '../support/practice-signin';
import { repoRoot } from '../support/wizard-process';

const translators = new Map<string, TFunction>();

beforeAll(async () => {
  const areas = [...new Set(Object.values(problemCatalogue).map((entry) => entry.area))];
  for (const language of supportedLanguages) {
    const resources: Record<string, unknown> = {};
    for (const area of areas) {
      resources[area] = JSON.parse(
        readFileSync(path.join(repoRoot, 'renderer', 'locales', language, `${area}.json`), 'utf8'),
      );
    }
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      resources: { [language]: resources as never },
      ns: areas,
      interpolation: { escapeValue: false },
    });
    translators.set(language, instance.t);
  }
});

/** Title, cause and fix as the troubleshooter shows them, in one language, all filled in. */
function shown(problem: Problem, language: string): { title: string; cause: string; fix: string } {
  const t = translators.get(language);
  if (!t) throw new Error(`no ${language}`);
  const ns = problemCatalogue[problem.id].area;
  const words = {
    title: t(`problems.${problem.id}.title`, { ns, ...(problem.data ?? {}) }),
    cause: t(`problems.${problem.id}.cause`, { ns, ...(problem.data ?? {}) }),
    fix: t(`problems.${problem.id}.fix`, { ns, ...(problem.data ?? {}) }),
  };
  for (const [part, text] of Object.entries(words)) {
    expect(text, `${language} ${problem.id} ${part}`).not.toMatch(/^problems\.|\{\{/);
    expect(text.trim(), `${language} ${problem.id} ${part}`).not.toBe('');
  }
  return words;
}

function inEveryLanguage(problem: Problem): { title: string; cause: string; fix: string } {
  for (const language of supportedLanguages) shown(problem, language);
  return shown(problem, 'en');
}

const asProblem = (recognition: { problemId: ProblemId; data: Problem['data'] }): Problem => ({
  id: recognition.problemId,
  ...(recognition.data ? { data: recognition.data } : {}),
});

describe('typed: what the user sees on the printer', () => {
  const typed: [string, () => ReturnType<typeof recogniseText>, ProblemId, RegExp][] = [
    [
      'job code 360',
      () => recogniseJobCode('360'),
      'job-error-360',
      /Authentication Method OAuth2.*OK/s,
    ],
    [
      'job code 361',
      () => recogniseJobCode('361'),
      'job-error-361',
      /signs in again in Web Config/,
    ],
    [
      'job code 370',
      () => recogniseJobCode('370'),
      'job-error-370',
      /Sign in to the cloud service/,
    ],
    ['another job code', () => recogniseJobCode('206'), 'job-error-other', /user's guide/],
    [
      'the printer message, pasted in Catalan',
      () => recogniseText(printerMessages['must-sign-in'].ca),
      'printer-must-sign-in',
      /If it shows Signed in, click OK.*Sign In button/s,
    ],
    [
      'the expiry message (chosen)',
      () => recogniseChoice('printer-message', 'expiry'),
      'printer-expiry-message',
      /signs in again/,
    ],
    [
      'the printer sent nothing for 90 days: AADSTS700082 pasted',
      () => recogniseText('AADSTS700082: The refresh token has expired due to inactivity.'),
      'printer-sign-in-lapsed',
      /signs in again in Web Config.*calendar reminder/s,
    ],
    [
      'the printer sent nothing for 90 days (chosen)',
      () => recogniseChoice('printer-message', 'lapsed'),
      'printer-sign-in-lapsed',
      /Current Status shows Signed in/,
    ],
    [
      'Web Config: Current Status Signed in (pasted in Traditional Chinese)',
      () => recogniseText('目前狀態：已登入'),
      'webconfig-signed-in-not-saved',
      /Click OK/,
    ],
    [
      'Web Config: no Current Status, Sign In button (chosen)',
      () => recogniseChoice('web-config', 'sign-in-button'),
      'webconfig-not-signed-in',
      /Consent on behalf of organization/,
    ],
    [
      'nobody can sign in (chosen)',
      () => recogniseChoice('cannot-sign-in', 'cannot-sign-in'),
      'cannot-sign-in',
      /Conditional Access policies in Entra ID/,
    ],
    [
      'an unknown AADSTS code',
      () => recogniseText('AADSTS1234567'),
      'aadsts-unknown',
      /AADSTS1234567/,
    ],
    [
      'junk',
      () => recogniseText('the toner is low'),
      'troubleshoot-not-recognised',
      /whole message/,
    ],
  ];
  test.each(typed)('%s', (_, recognise, id, fixWords) => {
    const recognition = recognise();
    expect(recognition.problemId).toBe(id);
    expect(inEveryLanguage(asProblem(recognition)).fix).toMatch(fixWords);
  });

  test('every troubleshoot entry is covered above', () => {
    const covered = new Set(typed.map((row) => row[2]));
    const own = Object.entries(problemCatalogue)
      .filter(([, entry]) => entry.area === 'troubleshoot')
      .map(([id]) => id);
    expect(own.filter((id) => !covered.has(id as ProblemId))).toEqual([]);
  });
});

describe('network: Exchange replies from the practice world, pasted back', () => {
  let harness: ExchangeHarness;
  const working: Partial<PracticeSettings> = {
    smtpAuthOrganization: 'on',
    smtpAuthMailbox: 'organization-setting',
    securityDefaults: 'off',
    exchangeReply: 'as-configured',
  };
  beforeAll(async () => {
    harness = await startExchangeHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  const replies: [string, Partial<PracticeSettings>, boolean, ProblemId][] = [
    ['tenant SMTP AUTH off', { smtpAuthOrganization: 'off' }, false, 'smtp-auth-disabled-tenant'],
    ['mailbox SMTP AUTH off', { smtpAuthMailbox: 'off' }, false, 'smtp-auth-disabled-mailbox'],
    ['security defaults', { securityDefaults: 'on' }, false, 'smtp-auth-security-defaults'],
    ['policy criteria', { exchangeReply: 'policy-criteria' }, false, 'smtp-auth-policy-criteria'],
    ['5.7.3', { exchangeReply: 'auth-failed' }, false, 'smtp-auth-failed'],
    ['5.7.57', { exchangeReply: 'not-authenticated' }, true, 'smtp-not-authenticated'],
    ['send as denied', { exchangeReply: 'send-as-denied' }, true, 'smtp-send-as-denied'],
    ['concurrency', { exchangeReply: 'concurrency' }, false, 'smtp-concurrency'],
    ['throttled', { exchangeReply: 'throttled' }, true, 'smtp-throttled'],
    ['submission quota', { exchangeReply: 'submission-quota' }, true, 'smtp-submission-quota'],
    ['mailbox full', { exchangeReply: 'mailbox-full' }, true, 'smtp-mailbox-full'],
    ['restricted sender', { exchangeReply: 'restricted-sender' }, true, 'smtp-restricted-sender'],
    ['legacy TLS', { exchangeReply: 'legacy-tls' }, false, 'smtp-legacy-tls'],
    ['tenant threshold', { exchangeReply: 'tenant-threshold' }, true, 'smtp-tenant-threshold'],
    ['IP blocked', { exchangeReply: 'ip-blocked' }, true, 'smtp-ip-blocked'],
    [
      'unregistered domain',
      { exchangeReply: 'unregistered-domain' },
      true,
      'smtp-unregistered-domain',
    ],
    ['spam abuse', { exchangeReply: 'spam-abuse' }, true, 'smtp-spam-abuse'],
    ['server busy', { exchangeReply: 'server-busy' }, true, 'smtp-server-busy'],
    ['unknown reply', { exchangeReply: 'other-reply' }, true, 'smtp-unexpected-reply'],
  ];
  test.each(replies)('%s', async (_, settings, sendTest, id) => {
    for (const [switchId, value] of Object.entries({ ...working, ...settings })) {
      harness.world.set(switchId as never, value as never);
    }
    const result = await harness.mailCheck().run({ sendTest });
    expect(result.problem?.id).toBe(id);
    const reply = String(result.problem?.data?.['reply'] ?? '');
    expect(reply).toMatch(/^\d{3}[ -]\d\.\d+\.\d+/);
    // What the user pastes (here: the reply as the wizard got it, with the client's prefix).
    const pasted = recogniseText(`Error: Message failed: ${reply}`);
    expect(pasted.problemId).toBe(id);
    expect(pasted.as).toBe('smtp-reply');
    const words = inEveryLanguage(asProblem(pasted));
    expect(words.fix.length).toBeGreaterThan(20);
  });

  // A printer that still logs in with a password, as Exchange answers it after the end of
  // December 2026 (passwordLogin switch); what it shows is pasted into the troubleshooter.
  const passwordReplies: [PracticeSwitchValue<'passwordLogin'>, ProblemId, RegExp][] = [
    ['retired', 'smtp-basic-auth-retired', /^550 5\.7\.30 Basic authentication is not supported/],
    ['turned-off', 'smtp-basic-auth-disabled', /^535 5\.7\.139 .*basic authentication is disabled/],
  ];
  test.each(passwordReplies)('a password login, %s', async (position, id, replyText) => {
    harness.world.set('passwordLogin', position);
    const printer = nodemailer.createTransport({
      host: '127.0.0.1',
      port: harness.exchange.smtpPort,
      requireTLS: true,
      tls: { ca: harness.world.certificate.cert, servername: 'localhost' },
      auth: { user: mailbox, pass: 'the printer password' },
    });
    const refused = await printer.verify().then(
      () => null,
      (error: { response?: string }) => error,
    );
    printer.close();
    const reply = String(refused?.response ?? '');
    expect(reply).toMatch(replyText);
    expect(reply).toMatch(/\[PR3P195MB0001\.EURP195\.PROD\.OUTLOOK\.COM \d{4}-\d\d-\d\dT/);
    const pasted = recogniseText(`Send failed: ${reply}`);
    expect(pasted.problemId).toBe(id);
    expect(remediesFor(id)[0]).toBe('start-oauth-journey');
    expect(inEveryLanguage(asProblem(pasted)).fix).toMatch(/OAuth 2\.0/);
  });
});

describe('network: sign-in answers from the practice tenant, pasted back', () => {
  // [scenario, what the Sign in step says, what the pasted line is recognised as when they differ]
  const scenarios: [PracticeSwitchValue<'tenant'>, ProblemId, ProblemId?][] = [
    ['mfa-required', 'signin-mfa-required'],
    ['mfa-registration', 'signin-mfa-registration'],
    // Microsoft's 53003 text never names the flow: the Sign in step knows its code sign-in was
    // refused; pasted, the same line is any Conditional Access block.
    ['conditional-access', 'signin-device-code-blocked', 'signin-conditional-access'],
    ['device-code-blocked', 'signin-device-code-blocked', 'signin-conditional-access'],
    ['security-defaults', 'signin-security-defaults'],
    ['consent-declined', 'signin-consent-declined'],
    ['admin-approval-requested', 'signin-admin-approval-requested'],
    ['wrong-password', 'signin-wrong-password'],
    ['account-not-found', 'signin-account-not-found'],
    ['external-account', 'signin-external-account'],
    ['resource-not-found', 'signin-resource-not-found'],
    ['device-auth-required', 'signin-device-auth-required'],
    ['user-not-assigned', 'signin-user-not-assigned'],
    ['account-disabled', 'signin-account-disabled'],
    ['account-locked', 'signin-account-locked'],
    ['password-expired', 'signin-password-expired'],
  ];
  test.each(scenarios)('%s', async (scenario, id, pastedId = id) => {
    const rig = await startSignInRig({
      configDir: mkdtempSync(path.join(os.tmpdir(), 'troubleshoot-words-')),
      initial: { tenant: scenario },
    });
    try {
      const started = await rig.service.start();
      const page = await approveOnPage(rig.tenant.pageOrigin, started.prompt?.userCode ?? '');
      const status = await rig.waitFor((current) => current.phase === 'signed-out');
      expect(status.problem?.id).toBe(id);
      // The practice page shows Microsoft's error line; pasting it gives the same entry.
      const line = /AADSTS\d+: [^<]+/.exec(page)?.[0] ?? '';
      expect(line).not.toBe('');
      const pasted = recogniseText(line);
      expect(pasted.problemId).toBe(pastedId);
      inEveryLanguage(asProblem(pasted));
      inEveryLanguage(status.problem as Problem);
    } finally {
      await rig.stop();
    }
  });
});
