/**
 * What a mail check means for the status board. A login that Exchange accepted proves the
 * switches in front of it are right for this mailbox; a refused one points at one switch.
 */
import { problemFields } from '../board/results';
import type { BoardUpdate } from '../contract/exchange';
import type { Problem } from '../problem';
import { problemCatalogue, type ProblemEntry } from '../problems/index';

export interface MailCheckFacts {
  /** Exchange answered 235 to AUTH XOAUTH2. */
  authenticated: boolean;
  mailbox: string | null;
  /** The problem behind a failure, if any (with the values its words name). */
  problem: Problem | null;
  sendTest: boolean;
  testAddress: string | null;
}

export function boardForMailCheck(facts: MailCheckFacts): BoardUpdate[] {
  const updates: BoardUpdate[] = [];
  const summary = facts.mailbox ?? undefined;
  const problem = facts.problem;
  if (facts.authenticated) {
    updates.push(
      { check: 'smtp-login', result: { state: 'passed', ...(summary ? { summary } : {}) } },
      { check: 'smtp-auth-organization', result: { state: 'passed' } },
      { check: 'smtp-auth-mailbox', result: { state: 'passed' } },
      { check: 'security-defaults', result: { state: 'passed' } },
    );
    if (facts.sendTest) {
      const to = facts.testAddress ?? undefined;
      updates.push({
        check: 'test-message',
        result: problem
          ? { state: 'failed', ...problemFields(problem) }
          : { state: 'passed', ...(to ? { summary: to } : {}) },
      });
    }
    return updates;
  }
  if (!problem) return updates;
  const entry: ProblemEntry = problemCatalogue[problem.id];
  const blamed = entry.blames;
  if (blamed) {
    updates.push({
      check: blamed,
      result: {
        state: blamed === 'conditional-access' ? 'attention' : 'failed',
        ...problemFields(problem),
      },
    });
  }
  updates.push({ check: 'smtp-login', result: { state: 'failed', ...problemFields(problem) } });
  return updates;
}
