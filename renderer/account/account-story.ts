/**
 * The account story as every screen reads it: the way chosen on Sign in, the mailbox the
 * printer sends from, who consented for the organization, and where the wizard's own sign-in
 * stands. Main keeps the story in progress; this only reads the store.
 */
import { accountStage, sendingMailbox, type AccountStage } from '../../shared/account-story';
import type { PrinterAccountWay } from '../../shared/model';
import { useMainValue, useReadyState } from '../store/wizard-store';

export interface AccountStory {
  way: PrinterAccountWay | null;
  /** The mailbox the printer sends from (null: not known yet). */
  mailbox: string | null;
  /** The account signed in to the wizard now. */
  signedIn: string | null;
  consentedBy: string | null;
  stage: AccountStage;
  /** The sign-in status is still on its way. */
  loading: boolean;
}

export function useAccountStory(): AccountStory {
  const { progress } = useReadyState();
  const signIn = useMainValue('signIn');
  const account = progress.printerAccount;
  const signedIn = signIn.status === 'ready' ? (signIn.value.account?.username ?? null) : null;
  return {
    way: account.way,
    mailbox: sendingMailbox(account, signedIn),
    signedIn,
    consentedBy: account.consentedBy,
    stage: accountStage(account, signedIn),
    loading: signIn.status === 'loading',
  };
}
