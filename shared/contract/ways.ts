/**
 * Proving a way to keep sending from this computer (shared/sending-ways.ts): main asks DNS for
 * the sending domain's MX and SPF, tries the port, reads the address Exchange sees and sends one
 * real test message as the printer will. Only when the person starts it, only to the hosts of
 * the cloud profile. The High Volume Email (or mailbox) password crosses once, in the request,
 * and is never kept, logged or sent back.
 */
import type { Problem } from '../problem';
import type { ProvableWayId } from '../sending-ways';

export interface WayProofRequest {
  printerId: string;
  way: ProvableWayId;
  /** The printer's sending address (for HVE, the HVE account). */
  sender: string;
  /** An internal mailbox that receives the test message (empty: the sender itself). */
  recipient: string;
  /** HVE and password-for-now only: the account's password, used once for this proof. */
  password?: string;
}

/** The request as main keeps and shows it: never the password. */
export type WayProofAsked = Omit<WayProofRequest, 'password'>;

/** One line of the proof, in the order it ran. */
export type WayProofStepId = 'mx' | 'port' | 'address' | 'spf' | 'message';

export interface WayProofStep {
  id: WayProofStepId;
  state: 'passed' | 'attention' | 'failed' | 'skipped';
  /** A plain value worth showing: the MX host, "host:port", the public address, the recipient. */
  value?: string;
  problem?: Problem;
}

export interface WayProofResult {
  way: ProvableWayId;
  domain: string;
  /** The host and port the test message went to. */
  server: string | null;
  mxHost: string | null;
  publicAddress: string | null;
  steps: WayProofStep[];
  /** Every step needed passed (an SPF warning does not stop a way). */
  passed: boolean;
  /** The first step that failed, for the board and the troubleshooter. */
  problem: Problem | null;
  /** The test message, when one was accepted. */
  testMessage: { to: string; subject: string } | null;
  at: string;
  durationMs: number;
}

export interface WaysApi {
  proveSendingWay: { params: WayProofRequest; result: WayProofResult };
}
