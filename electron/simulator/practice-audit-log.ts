/**
 * What the wizard changed in the practice tenant through Microsoft Graph and the Exchange admin
 * endpoint, one line per accepted change, as the practice admin center lists it (standing in
 * for the Entra audit log and Exchange's admin audit log). Refused calls change nothing and are
 * not listed; an undo is a change of its own, listed when it is made.
 */
export interface PracticeAuditEntry {
  /** ISO time the practice endpoint accepted the change. */
  at: string;
  /** The signed-in account whose token made it. */
  by: string;
  through: 'Microsoft Graph' | 'Exchange admin API';
  /** The call, as sent (method and path, or the cmdlet). */
  call: string;
  /** What was changed: the tenant, a policy, a group, a mailbox. */
  object: string;
  /** Which of its settings. */
  setting: string;
  before: string;
  after: string;
}

export interface PracticeAuditLog {
  add(entry: Omit<PracticeAuditEntry, 'at'>): void;
  entries(): PracticeAuditEntry[];
}

export function createPracticeAuditLog(now: () => Date = () => new Date()): PracticeAuditLog {
  const entries: PracticeAuditEntry[] = [];
  return {
    add: (entry) => entries.push({ at: now().toISOString(), ...entry }),
    entries: () => [...entries],
  };
}
