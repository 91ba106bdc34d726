/**
 * The one Exchange reply table (shared/exchange/replies.ts): every row's exact wording, as the
 * practice Exchange sends it, is classified to the row's problem by the mail check and by the
 * troubleshooter, and docs/practice-answers.md lists every row with its source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  exchangeReplies,
  exchangeReplySwitches,
  replyText,
  type ExchangeReply,
} from '../../shared/exchange/replies';
import { classifySmtpFailure } from '../../shared/exchange/smtp-replies';
import { practiceSwitches } from '../../shared/practice';
import { recogniseSmtpReply, recogniseText } from '../../shared/troubleshoot/recognise';

const suffix =
  ' [PR3P195MB0001.EURP195.PROD.OUTLOOK.COM 2026-12-07T12:59:57.214Z 08DBB276B7E699C4]';
const rows: readonly ExchangeReply[] = exchangeReplies;
const filled = (row: ExchangeReply): string =>
  replyText(row, { user: 'scanner@contoso.com', from: 'other@contoso.com' });

describe('every reply row', () => {
  for (const row of rows) {
    test(`${row.name}: the mail check and the troubleshooter read it as ${row.problemId}`, () => {
      const reply = filled(row) + suffix;
      expect(classifySmtpFailure({ code: 'EAUTH', response: reply }).problemId).toBe(row.problemId);
      expect(recogniseSmtpReply(`Error: ${reply}`)?.problemId).toBe(row.problemId);
      expect(recogniseText(reply).problemId).toBe(row.problemId);
    });
    if (row.telltale) {
      test(`${row.name}: its telltale words alone are recognised`, () => {
        const words = row.telltale?.exec(filled(row))?.[0];
        expect(words, 'the telltale words are in the reply itself').toBeTruthy();
        expect(recogniseText(`The printer said: ${words ?? ''}`).problemId).toBe(row.problemId);
      });
    }
    test(`${row.name}: its wording has a source, or says why it is a best guess`, () => {
      expect(row.text).toMatch(
        new RegExp(`^${row.code} ${row.enhanced[0]?.replace(/x/g, '\\d')} `),
      );
      expect(row.source.length).toBeGreaterThan(20);
      if (row.source.startsWith('best guess')) expect(row.source).toMatch(/^best guess: \S/);
    });
  }
});

test('the practice switch sends every row marked for it, and nothing else', () => {
  const switched = rows.filter((row) => row.practice?.switch).map((row) => row.name);
  expect(exchangeReplySwitches).toEqual(switched);
  expect(practiceSwitches.exchangeReply).toEqual(['as-configured', ...switched, 'port-blocked']);
});

test('row names are unique', () => {
  const names = rows.map((row) => row.name);
  expect(new Set(names).size).toBe(names.length);
});

test('docs/practice-answers.md lists every reply with its problem and source', () => {
  const doc = readFileSync('docs/practice-answers.md', 'utf8');
  const section = doc.split('## Exchange Online SMTP replies')[1] ?? '';
  for (const row of rows) {
    const line = section.split('\n').find((each) => each.startsWith(`| \`${row.name}\``));
    expect(line, row.name).toBeDefined();
    expect(line).toContain(`\`${row.problemId}\``);
    expect(line).toContain(row.source);
  }
});
