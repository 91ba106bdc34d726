/**
 * The SMTP AUTH check against the practice Exchange: every Exchange reply the wizard tells
 * apart, produced by the practice server, checked for its problem id and the English words
 * and fix the user sees; success with a delivered test message; the trainee's path from
 * "disabled for the Tenant" to a passing check through the practice admin center page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ProblemError } from '../../electron/common/problem-error';
import { createPracticeTokenAuthority } from '../../electron/simulator/practice-tokens';
import { defaultPracticeSettings, type PracticeSettings } from '../../shared/practice';
import {
  mailbox,
  startExchangeHarness,
  wordsFor,
  type ExchangeHarness,
} from '../support/exchange-harness';
import { createPracticeTokenSource } from '../support/practice-token-source';

let harness: ExchangeHarness;

beforeAll(async () => {
  harness = await startExchangeHarness();
});
afterAll(async () => {
  await harness.stop();
});

const working: Partial<PracticeSettings> = {
  smtpAuthOrganization: 'on',
  smtpAuthMailbox: 'organization-setting',
  securityDefaults: 'off',
  exchangeReply: 'as-configured',
};

function configure(settings: Partial<PracticeSettings>): void {
  const all = { ...defaultPracticeSettings(), ...settings };
  for (const [id, value] of Object.entries(all)) harness.world.set(id as never, value as never);
}

beforeEach(() => configure(working));

interface Case {
  name: string;
  settings: Partial<PracticeSettings>;
  sendTest: boolean;
  problemId: string;
  reply: RegExp | null;
  words: RegExp;
  /** Exchange accepted the login before refusing the message. */
  authenticated: boolean;
}

const cases: Case[] = [
  {
    name: 'SMTP AUTH off for the organization',
    settings: { smtpAuthOrganization: 'off' },
    sendTest: false,
    problemId: 'smtp-auth-disabled-tenant',
    reply: /^535 5\.7\.139 .*disabled for the Tenant\. .*\[PR3P195MB0001\S* \S+Z [0-9A-F]{16}\]$/,
    words: /turned off for your organization.*Turn off SMTP AUTH protocol for your organization/s,
    authenticated: false,
  },
  {
    name: 'SMTP AUTH off for the mailbox (even with the organization on)',
    settings: { smtpAuthMailbox: 'off' },
    sendTest: false,
    problemId: 'smtp-auth-disabled-mailbox',
    reply: /^535 5\.7\.139 .*disabled for the Mailbox/,
    words: /turned off for the printer's mailbox.*Authenticated SMTP/s,
    authenticated: false,
  },
  {
    name: 'security defaults on',
    settings: { securityDefaults: 'on' },
    sendTest: false,
    problemId: 'smtp-auth-security-defaults',
    reply: /^535 5\.7\.139 .*security defaults policy/,
    words: /Security defaults block SMTP AUTH.*Conditional Access/s,
    authenticated: false,
  },
  {
    name: 'a policy refused the login ("did not meet the criteria")',
    settings: { exchangeReply: 'policy-criteria' },
    sendTest: false,
    problemId: 'smtp-auth-policy-criteria',
    reply: /^535 5\.7\.139 .*did not meet the criteria/,
    words: /sign-in policy refused.*sign-in logs/s,
    authenticated: false,
  },
  {
    name: '535 5.7.3',
    settings: { exchangeReply: 'auth-failed' },
    sendTest: false,
    problemId: 'smtp-auth-failed',
    reply: /^535 5\.7\.3 Authentication unsuccessful/,
    words: /did not accept the sign-in.*Sign in again/s,
    authenticated: false,
  },
  {
    name: '432 4.3.2 concurrency',
    settings: { exchangeReply: 'concurrency' },
    sendTest: false,
    problemId: 'smtp-concurrency',
    reply: /^432 4\.3\.2 /,
    words: /Too many connections.*3 connections/s,
    authenticated: false,
  },
  {
    name: '421 4.7.66 old TLS',
    settings: { exchangeReply: 'legacy-tls' },
    sendTest: false,
    problemId: 'smtp-legacy-tls',
    reply: /^421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported/,
    words: /old TLS version.*TLS 1\.2/s,
    authenticated: false,
  },
  {
    name: '530 5.7.57 not authenticated',
    settings: { exchangeReply: 'not-authenticated' },
    sendTest: true,
    problemId: 'smtp-not-authenticated',
    reply: /^530 5\.7\.57 /,
    words: /not signed in.*530 5\.7\.57/s,
    authenticated: true,
  },
  {
    name: '5.7.60 send as denied',
    settings: { exchangeReply: 'send-as-denied' },
    sendTest: true,
    problemId: 'smtp-send-as-denied',
    reply: /^550 5\.7\.60 SMTP; Client does not have permissions/,
    words: /may not send as this sender.*exactly the mailbox it signs in with/s,
    authenticated: true,
  },
  {
    name: 'SendAsDenied from the store driver',
    settings: { exchangeReply: 'send-as-denied-storedrv' },
    sendTest: true,
    problemId: 'smtp-send-as-denied',
    reply: /^554 5\.2\.252 SendAsDenied;/,
    words: /may not send as this sender/,
    authenticated: true,
  },
  {
    name: '5.2.252 throttled',
    settings: { exchangeReply: 'throttled' },
    sendTest: true,
    problemId: 'smtp-throttled',
    reply: /^550 5\.2\.252 Sender throttled/,
    words: /paused sending.*cannot lift it/s,
    authenticated: true,
  },
  {
    name: 'submission quota',
    settings: { exchangeReply: 'submission-quota' },
    sendTest: true,
    problemId: 'smtp-submission-quota',
    reply: /^554 5\.2\.0 STOREDRV\.Submission\.Exception:SubmissionQuotaExceededException/,
    words: /sent too much today.*10,000 recipients/s,
    authenticated: true,
  },
  {
    name: 'mailbox full',
    settings: { exchangeReply: 'mailbox-full' },
    sendTest: true,
    problemId: 'smtp-mailbox-full',
    reply: /^554 5\.2\.2 mailbox full/,
    words: /mailbox is full.*Sent Items/s,
    authenticated: true,
  },
  {
    name: '5.1.8 restricted sender',
    settings: { exchangeReply: 'restricted-sender' },
    sendTest: true,
    problemId: 'smtp-restricted-sender',
    reply: /^550 5\.1\.8 Access denied, bad outbound sender/,
    words: /blocked from sending.*Restricted entities/s,
    authenticated: true,
  },
  {
    name: 'a reply the wizard does not know',
    settings: { exchangeReply: 'other-reply' },
    sendTest: true,
    problemId: 'smtp-unexpected-reply',
    reply: /^554 5\.6\.211 Invalid MIME Content/,
    words: /does not know: 554 5\.6\.211 Invalid MIME Content.*Copy the SMTP conversation/s,
    authenticated: true,
  },
  {
    name: 'port 587 blocked (connection refused)',
    settings: { exchangeReply: 'port-blocked' },
    sendTest: false,
    problemId: 'smtp-port-blocked',
    reply: null,
    words: /Could not reach the mail server at 127\.0\.0\.1:\d+.*port 587/s,
    authenticated: false,
  },
];

describe('each Exchange reply becomes its own problem with words and a fix', () => {
  for (const item of cases) {
    test(item.name, async () => {
      configure({ ...working, ...item.settings });
      const result = await harness.mailCheck().run({ sendTest: item.sendTest });
      expect(result.passed).toBe(false);
      expect(result.problem?.id).toBe(item.problemId);
      if (item.reply) expect(String(result.problem?.data?.['reply'])).toMatch(item.reply);
      const words = await wordsFor(result.problem);
      expect(`${words.title} ${words.fix}`).toMatch(item.words);
      const login = result.board.find((entry) => entry.check === 'smtp-login');
      expect(login?.result.state).toBe(item.authenticated ? 'passed' : 'failed');
      if (item.sendTest) {
        const test = result.board.find((entry) => entry.check === 'test-message');
        // The board keeps the problem's values, so its words are whole wherever it is shown.
        expect(test?.result).toEqual(
          item.authenticated
            ? {
                state: 'failed',
                problemId: item.problemId,
                problemData: expect.objectContaining({ server: result.problem?.data?.['server'] }),
              }
            : undefined,
        );
      }
    });
  }
});

test('the board blames the switch Exchange named', async () => {
  configure({ ...working, smtpAuthOrganization: 'off' });
  const tenant = await harness.mailCheck().run({ sendTest: false });
  expect(tenant.board).toContainEqual({
    check: 'smtp-auth-organization',
    result: {
      state: 'failed',
      problemId: 'smtp-auth-disabled-tenant',
      problemData: expect.objectContaining({ server: tenant.problem?.data?.['server'] }),
    },
  });
  configure({ ...working, securityDefaults: 'on' });
  const defaults = await harness.mailCheck().run({ sendTest: false });
  expect(defaults.board).toContainEqual({
    check: 'security-defaults',
    result: {
      state: 'failed',
      problemId: 'smtp-auth-security-defaults',
      problemData: expect.objectContaining({ server: defaults.problem?.data?.['server'] }),
    },
  });
});

test('a mailbox turned on overrides the organization turned off', async () => {
  configure({ ...working, smtpAuthOrganization: 'off', smtpAuthMailbox: 'on' });
  const result = await harness.mailCheck().run({ sendTest: false });
  expect(result.problem).toBeNull();
  expect(result.passed).toBe(true);
});

test('success: login, test message to the mailbox itself, delivered and visible', async () => {
  const before = harness.exchange.messages().length;
  const result = await harness.mailCheck().run({ sendTest: true });
  expect(result.problem).toBeNull();
  expect(result.passed).toBe(true);
  expect(result.mailbox).toBe(mailbox);
  expect(result.testMessage).toMatchObject({ to: mailbox, accepted: true });
  expect(result.testMessage?.subject).toMatch(
    /^Test message from Printer Mail Setup Wizard, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
  );
  const delivered = harness.exchange.messages();
  expect(delivered).toHaveLength(before + 1);
  expect(delivered.at(-1)).toMatchObject({
    from: mailbox,
    to: [mailbox],
    subject: result.testMessage?.subject,
  });
  expect(result.board.map((entry) => [entry.check, entry.result.state])).toEqual([
    ['smtp-login', 'passed'],
    ['smtp-auth-organization', 'passed'],
    ['smtp-auth-mailbox', 'passed'],
    ['security-defaults', 'passed'],
    ['test-message', 'passed'],
  ]);
});

test('login only sends nothing', async () => {
  const before = harness.exchange.messages().length;
  const result = await harness.mailCheck().run({ sendTest: false });
  expect(result.passed).toBe(true);
  expect(result.testMessage).toBeNull();
  expect(harness.exchange.messages()).toHaveLength(before);
  expect(result.board.some((entry) => entry.check === 'test-message')).toBe(false);
});

test('the test message goes to the one address the user typed', async () => {
  const result = await harness.mailCheck().run({
    sendTest: true,
    testAddress: '  helpdesk@fabrikam.example ',
  });
  expect(result.passed).toBe(true);
  expect(harness.exchange.messages().at(-1)?.to).toEqual(['helpdesk@fabrikam.example']);
});

test('bad or several test addresses are refused before anything is sent', async () => {
  const before = harness.exchange.messages().length;
  const service = harness.mailCheck();
  for (const [address, id] of [
    ['not an address', 'test-address-multiple'],
    ['a@b.example, c@d.example', 'test-address-multiple'],
    ['a@b.example;c@d.example', 'test-address-multiple'],
    ['a@b.example c@d.example', 'test-address-multiple'],
    ['nobody', 'test-address-invalid'],
    ['x@localhost', 'test-address-invalid'],
    ['Boss <boss@contoso.example>', 'test-address-multiple'],
    ['boss@contoso.example\r\nBcc: x@y.example', 'test-address-multiple'],
  ] as const) {
    const attempt = service.run({ sendTest: true, testAddress: address });
    await expect(attempt, address).rejects.toBeInstanceOf(ProblemError);
    await expect(attempt.catch((error: ProblemError) => error.problem.id)).resolves.toBe(id);
  }
  expect(harness.exchange.messages()).toHaveLength(before);
  expect(harness.tokens.requests.length).toBeGreaterThan(0);
});

test('the transcript shows the conversation without the token', async () => {
  const tokenBefore = harness.tokens.requests.length;
  const result = await harness.mailCheck().run({ sendTest: true });
  expect(harness.tokens.requests.slice(tokenBefore)).toEqual([
    ['https://outlook.office.com/SMTP.Send'],
  ]);
  const token = (await harness.tokens.getAccessToken(['https://outlook.office.com/SMTP.Send']))
    .token;
  expect(result.transcript).toMatch(/^C: STARTTLS$/m);
  expect(result.transcript).toMatch(/^C: AUTH XOAUTH2 \S*\[redacted\]|^C: AUTH XOAUTH2 \S+$/m);
  expect(result.transcript).toMatch(/^S: 235 /m);
  expect(result.transcript).not.toContain(token.split('.')[1] ?? 'missing');
  expect(result.transcript).not.toMatch(/eyJ[\w-]{8,}\./);
  // STARTTLS comes before AUTH: never a login in plain text.
  expect(result.transcript.indexOf('C: STARTTLS')).toBeLessThan(
    result.transcript.indexOf('C: AUTH'),
  );
});

test('tokens of another tenant or without SMTP.Send are refused with 5.7.3', async () => {
  const stranger = createPracticeTokenSource(createPracticeTokenAuthority(), mailbox);
  const foreign = await harness.mailCheck(stranger).run({ sendTest: false });
  expect(foreign.problem?.id).toBe('smtp-auth-failed');
  const noScope = createPracticeTokenSource(harness.world.tokens, mailbox, {
    dropScopes: ['SMTP.Send'],
  });
  const scopeless = await harness.mailCheck(noScope).run({ sendTest: false });
  expect(scopeless.problem?.id).toBe('smtp-auth-failed');
});

test('not signed in: the check says so and does not connect', async () => {
  const notSignedIn = {
    getAccessToken: () => Promise.reject(new ProblemError('signin-not-signed-in')),
  };
  const attempt = harness.mailCheck(notSignedIn).run({ sendTest: false });
  await expect(attempt.catch((error: ProblemError) => error.problem.id)).resolves.toBe(
    'signin-not-signed-in',
  );
  const words = await wordsFor({ id: 'signin-not-signed-in' });
  expect(words.fix).toMatch(/sign in first/);
});

test('a trainee goes from "disabled for the Tenant" to a passing check and a delivered message', async () => {
  configure({ ...working, smtpAuthOrganization: 'off' });
  const service = harness.mailCheck();
  const failed = await service.run({ sendTest: true });
  expect(failed.problem?.id).toBe('smtp-auth-disabled-tenant');

  // The fix, done where an administrator does it: the (practice) Exchange admin center.
  const page = harness.profile().adminPages.exchangeSettings ?? '';
  const html = await (await fetch(page)).text();
  expect(html).toContain('Turn off SMTP AUTH protocol for your organization');
  const token = /name="token" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
  const refused = await fetch(new URL('/set', page), {
    method: 'POST',
    body: new URLSearchParams({ token: 'forged', setting: 'organization' }),
    redirect: 'manual',
  });
  expect(refused.status).toBe(403);
  const saved = await fetch(new URL('/set', page), {
    method: 'POST',
    body: new URLSearchParams({ token, setting: 'organization', back: '/exchange/settings' }),
    redirect: 'manual',
  });
  expect(saved.status).toBe(303);
  expect(harness.world.settings().smtpAuthOrganization).toBe('on');

  const passed = await service.run({ sendTest: true });
  expect(passed.passed).toBe(true);
  const inbox = await (await fetch(page)).text();
  expect(inbox).toContain(passed.testMessage?.subject ?? 'missing');
});
