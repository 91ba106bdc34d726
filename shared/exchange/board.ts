/**
 * What a mail check means for the status board. A login that Exchange accepted proves the
 * switches in front of it are right for this mailbox; a refused one points at one switch.
 */
import type { BoardUpdate } from '../contract/exchange';
import { problemCatalogue, type ProblemEntry, type ProblemId } from '../problems/index';

export interface MailCheckFacts {
  /** Exchange answered 235 to AUTH XOAUTH2. */
  authenticated: boolean;
  mailbox: string | null;
  /** The problem behind a failure, if any. */
  problemId: ProblemId | null;
  sendTest: boolean;
  testAddress: string | null;
}

export function boardForMailCheck(facts: MailCheckFacts): BoardUpdate[] {
  const updates: BoardUpdate[] = [];
  const summary = facts.mailbox ?? undefined;
  const problemId = facts.problemId ?? undefined;
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
        result: problemId
          ? { state: 'failed', problemId }
          : { state: 'passed', ...(to ? { summary: to } : {}) },
      });
    }
    return updates;
  }
  if (!problemId) return updates;
  const entry: ProblemEntry = problemCatalogue[problemId];
  const blamed = entry.blames;
  if (blamed) {
    updates.push({
      check: blamed,
      result: { state: blamed === 'conditional-access' ? 'attention' : 'failed', problemId },
    });
  }
  updates.push({ check: 'smtp-login', result: { state: 'failed', problemId } });
  return updates;
}
