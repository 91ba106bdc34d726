/**
 * The account story (DESIGN.md §2, issue 24): which mailbox the printer sends from and who
 * consents for the organization, asked once on Sign in and read by every step, the board, Done
 * and the report. Pure functions, so every screen and the report say the same.
 */
import { checkTestAddress } from './exchange/test-address';
import type { PrinterAccount, PrinterAccountWay } from './model';

/** Two addresses name the same mailbox (Exchange compares them without case). */
export function sameMailbox(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The mailbox the printer sends from: the printer's own in the recommended way; otherwise the
 * account signed in to the wizard (the guide's way: the administrator's own mailbox).
 */
export function sendingMailbox(
  account: PrinterAccount,
  signedIn: string | null | undefined,
): string | null {
  if (account.way === 'own-mailbox') return account.mailbox;
  return signedIn ?? null;
}

/** A mailbox address the person typed, checked as one plain address (or why not). */
export function checkMailbox(input: string) {
  return checkTestAddress(input);
}

/**
 * Where the wizard's own sign-in stands in the story:
 * - 'choose': no way chosen yet;
 * - 'consent-first': the own-mailbox way and nobody who can consent for the organization has
 *   signed in yet (an administrator signs in first);
 * - 'sign-in-as-mailbox': the administrator has consented; the wizard should now sign in as the
 *   printer's mailbox to check it exactly as the printer will;
 * - 'ready': the wizard is signed in as the mailbox the printer sends from.
 * - 'other-account': signed in, but not as the sending mailbox nor as the consenting administrator.
 */
export type AccountStage =
  'choose' | 'consent-first' | 'sign-in-as-mailbox' | 'ready' | 'other-account';

export function accountStage(
  account: PrinterAccount,
  signedIn: string | null | undefined,
): AccountStage {
  if (!account.way) return 'choose';
  if (account.way === 'administrator') return signedIn ? 'ready' : 'consent-first';
  if (signedIn && sameMailbox(signedIn, account.mailbox)) return 'ready';
  if (!account.consentedBy) return signedIn ? 'other-account' : 'consent-first';
  return 'sign-in-as-mailbox';
}

/** The way chosen, with the mailbox only where it belongs (the administrator's way has none). */
export function chosenAccount(
  way: PrinterAccountWay,
  mailbox: string | null,
): Pick<PrinterAccount, 'way' | 'mailbox'> {
  return way === 'own-mailbox' ? { way, mailbox: mailbox?.trim() || null } : { way, mailbox: null };
}
