import type { CheckId, StepId } from '../model';

/** Areas group problems; each area's words live in the locale namespace of the same name. */
export type ProblemArea =
  'app' | 'discovery' | 'signin' | 'exchange' | 'printer' | 'troubleshoot' | 'delivery' | 'ways';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** What the troubleshooter offers to do about a problem (renderer/troubleshoot/RemedyButtons). */
export type RemedyAction =
  /** Go to the Sign in step and sign in again. */
  | 'sign-in-again'
  /** Sign in through the system browser (authorization code + PKCE) when device code is blocked. */
  | 'browser-sign-in'
  /** Run the SMTP AUTH login exactly as the printer does. */
  | 'run-exchange-check'
  /** Run the Conditional Access evaluation (tenant checks over Microsoft Graph). */
  | 'run-ca-check'
  /** Run the security defaults check. */
  | 'run-security-defaults-check'
  /** Go to Prepare Exchange Online, where the switches are explained. */
  | 'prepare-exchange'
  /** Go to Find the printer. */
  | 'find-printer'
  /** Send one test message from the signed-in mailbox to itself, as the printer would send. */
  | 'run-send-check'
  /** Start the journey that moves the printer from a password to OAuth 2.0. */
  | 'start-oauth-journey'
  /** Go to "Choose a way to keep sending" (a printer without OAuth 2.0). */
  | 'choose-sending-way'
  /** "Do it for me": turn SMTP AUTH on for the signed-in mailbox, with consent, then prove it. */
  | 'turn-on-smtp-auth'
  /** "Do it for me": turn security defaults off, with consent, then prove it with What If. */
  | 'turn-off-security-defaults'
  /** "Do it for me": one exclusion group in each policy blocking the printer's device code. */
  | 'allow-printer-device-code';

/**
 * Everything the wizard knows about one problem, in one place: its words live in the locale
 * namespace of its area (`problems.<id>`); the rest is here.
 */
export interface ProblemEntry {
  area: ProblemArea;
  severity: ProblemSeverity;
  /**
   * Where the fix is done, most useful first, for buttons and links; hosts come from
   * cloud/vendor profiles. ProblemLinkKey values (resolved by shared/problems/links.ts).
   */
  links?: readonly ProblemLinkKey[];
  /** What the troubleshooter offers: the wizard's own checks that confirm it, the steps that fix it. */
  remedies?: readonly RemedyAction[];
  /** The journey step where the fix is explained (Check Exchange Online offers to go there). */
  fixedOn?: StepId;
  /** The status board check this problem marks failed when the mail check meets it. */
  blames?: CheckId;
  /** The number in `data` the words count (i18next plural forms pick the words by it). */
  counts?: string;
}

/** Places a fix is done: a cloud profile's admin pages, or the chosen printer's Web Config. */
export const problemLinkKeys = [
  'exchangeSettings',
  'm365ActiveUsers',
  'entraProperties',
  'conditionalAccess',
  'webConfig',
] as const;
export type ProblemLinkKey = (typeof problemLinkKeys)[number];
