/**
 * Recognises what the user sees: a job error code, a printer or Web Config message, an SMTP
 * reply (with Exchange's bracketed server suffix), an AADSTS code, or any of these pasted as
 * text. Pure functions; the answer is always a catalogue problem, and text nothing matches is
 * said plainly to be unrecognised ('troubleshoot-not-recognised'), never guessed.
 */
import { replyCodeOf, replyRowByWords } from '../exchange/replies';
import { classifySmtpFailure, cleanReply } from '../exchange/smtp-replies';
import type { ProblemData, ProblemId } from '../problem';
import { problemByAadsts } from '../signin/aadsts';
import { expiryWords, printerMessageFragments, type PrinterMessageId } from './printer-messages';

/** What the user says they see. */
export type SymptomKind =
  | 'job-code'
  | 'printer-message'
  | 'web-config'
  | 'smtp-reply'
  | 'aadsts'
  | 'cannot-sign-in'
  | 'paste';

/** What the recogniser read in the input (for the screen: "recognised as an SMTP reply"). */
export type RecognisedAs =
  'job-code' | 'printer-message' | 'web-config' | 'smtp-reply' | 'aadsts' | 'choice' | 'nothing';

export interface Recognition {
  problemId: ProblemId;
  data: ProblemData;
  as: RecognisedAs;
}

/** The longest input looked at; anything longer is cut (pasted logs can be huge). */
export const maxSymptomLength = 4000;

const notRecognised = (reason: 'empty' | 'unknown'): Recognition => ({
  problemId: 'troubleshoot-not-recognised',
  data: { reason },
  as: 'nothing',
});

const jobCodeProblems: Record<string, ProblemId> = {
  '360': 'job-error-360',
  '361': 'job-error-361',
  '370': 'job-error-370',
};

/** A job error code as typed: 360, 361 and 370 are the guide's; any other code is named as such. */
export function recogniseJobCode(input: string): Recognition {
  const code = /^\s*(?:#|no\.?\s*)?(\d{1,6})\s*$/i.exec(input)?.[1];
  if (!code) return notRecognised(input.trim() === '' ? 'empty' : 'unknown');
  const normal = String(Number(code));
  const known = jobCodeProblems[normal];
  if (known) return { problemId: known, data: { code: normal }, as: 'job-code' };
  return { problemId: 'job-error-other', data: { code: normal }, as: 'job-code' };
}

/** "The refresh token has expired due to inactivity" (AADSTS700082, and the older 70008). */
const inactivityCodes: ReadonlySet<number> = new Set([700082, 70008]);

/** An AADSTS code, with or without its prefix and Microsoft's text after it. */
export function recogniseAadsts(input: string): Recognition | null {
  const text = input.slice(0, maxSymptomLength);
  const found = /\bAADSTS\s*(\d{5,7})\b/i.exec(text) ?? /^\s*(\d{5,7})\s*$/.exec(text);
  if (!found?.[1]) return null;
  const code = Number(found[1]);
  const data = { code: `AADSTS${code}`, correlationId: correlationIdIn(text) };
  // Told to the troubleshooter, a refresh token that died unused is the printer's: the wizard
  // handles its own sign-in's expiry in Sign in (electron/services/signin/session.ts).
  if (inactivityCodes.has(code)) return { problemId: 'printer-sign-in-lapsed', data, as: 'aadsts' };
  const known = problemByAadsts[code];
  if (known) return { problemId: known, data, as: 'aadsts' };
  return { problemId: 'aadsts-unknown', data: { code: `AADSTS${code}` }, as: 'aadsts' };
}

function correlationIdIn(text: string): string {
  const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  return new RegExp(`correlation\\s*id:?\\s*(${guid})`, 'i').exec(text)?.[1] ?? '-';
}

/**
 * An SMTP reply anywhere in the text ("Error: 535 5.7.139 Authentication unsuccessful, … [server
 * suffix]"), classified by the Exchange check's own rules (shared/exchange/smtp-replies.ts).
 * NDRs and admin pages often quote only the enhanced code ("5.7.64 TenantAttribution; …") or
 * only Exchange's words; both are read as the reply they come from.
 */
export function recogniseSmtpReply(input: string): Recognition | null {
  const text = cleanReply(input.slice(0, maxSymptomLength));
  const start = /(?:^|[^\d.])([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b.*)$/.exec(text)?.[1];
  const found = start ? { reply: start, shown: start } : (codeOnly(text) ?? wordsOnly(text));
  if (!found) return null;
  const outcome = classifySmtpFailure({ code: 'EAUTH', response: found.reply });
  const data: ProblemData = {};
  for (const [key, value] of Object.entries(outcome.data)) if (value) data[key] = value;
  data['reply'] = found.shown;
  return { problemId: outcome.problemId, data, as: 'smtp-reply' };
}

/** "5.7.705 Access denied, …" without the three-digit reply code in front. */
function codeOnly(text: string): { reply: string; shown: string } | null {
  const match = /(?<![\d.])([45])\.(\d{1,3})\.(\d{1,3})(?![.\d])(.*)$/.exec(text);
  if (!match) return null;
  const [whole, kind, subject, detail, rest] = match;
  const enhanced = `${kind}.${subject}.${detail}`;
  const replyCode = replyCodeOf(enhanced) ?? (kind === '5' ? 550 : 451);
  return { reply: `${replyCode} ${enhanced}${rest ?? ''}`, shown: whole.trim() };
}

/** Exchange's own words, when a client shows them without any code (the table's telltales). */
function wordsOnly(text: string): { reply: string; shown: string } | null {
  const found = replyRowByWords(text);
  if (!found) return null;
  const { row, words } = found;
  const enhanced = (row.enhanced[0] ?? '').replace(/x/g, '0');
  return { reply: `${row.code} ${enhanced} ${words}`, shown: text };
}

/** Compared without case, spaces or punctuation, so line breaks and quotes do not matter. */
function squeeze(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const printerMessageProblems: Record<PrinterMessageId, ProblemId> = {
  'must-sign-in': 'printer-must-sign-in',
  'job-360': 'job-error-360',
  'job-361': 'job-error-361',
  'job-370': 'job-error-370',
};

/** One of the guide's printer messages, in any of the guide's languages. */
export function recognisePrinterMessage(input: string): Recognition | null {
  const text = squeeze(input.slice(0, maxSymptomLength));
  if (text === '') return null;
  for (const [id, fragments] of Object.entries(printerMessageFragments)) {
    if (fragments.some((fragment) => text.includes(squeeze(fragment)))) {
      const problemId = printerMessageProblems[id as PrinterMessageId];
      const code = /^job-(\d+)$/.exec(id)?.[1];
      return { problemId, data: code ? { code } : {}, as: 'printer-message' };
    }
  }
  return null;
}

/** Web Config's Email Server > Basic page: "Current Status: Signed in" in the guide's languages. */
export function recogniseWebConfig(input: string): Recognition | null {
  const text = squeeze(input.slice(0, maxSymptomLength));
  const status = ['currentstatus', '目前狀態', '目前状态', 'поточнийстан'].some((label) =>
    text.includes(label),
  );
  const signedIn = ['signedin', '已登入', '已登录', 'увійшливсистему'].some((word) =>
    text.includes(word),
  );
  if (status && signedIn) {
    return { problemId: 'webconfig-signed-in-not-saved', data: {}, as: 'web-config' };
  }
  return null;
}

/** Whatever was pasted: tries each kind in turn, most specific first. */
export function recogniseText(input: string): Recognition {
  const text = input.slice(0, maxSymptomLength);
  if (text.trim() === '') return notRecognised('empty');
  if (/^\s*(?:#|no\.?\s*)?\d{1,4}\s*$/i.test(text)) return recogniseJobCode(text);
  const found =
    recogniseAadsts(text) ??
    recogniseSmtpReply(text) ??
    recognisePrinterMessage(text) ??
    recogniseWebConfig(text) ??
    jobCodeInText(text);
  if (found) return found;
  if (expiryWords.some((word) => word.test(text))) {
    return { problemId: 'printer-expiry-message', data: {}, as: 'printer-message' };
  }
  return notRecognised('unknown');
}

/** "Error code 361" in a sentence, in the guide's languages. */
function jobCodeInText(text: string): Recognition | null {
  const label =
    /(?:error\s*code|code|錯誤代碼|错误代码|kod\s*ralat|код\s*помилки|codi\s*d.error)\D{0,4}(\d{3})\b/i;
  const code = label.exec(text)?.[1];
  return code ? recogniseJobCode(code) : null;
}

/** The choices the troubleshooter lists, each a known catalogue entry. */
export const symptomChoices = {
  'printer-message': {
    'must-sign-in': 'printer-must-sign-in',
    expiry: 'printer-expiry-message',
    lapsed: 'printer-sign-in-lapsed',
  },
  'web-config': {
    'signed-in': 'webconfig-signed-in-not-saved',
    'sign-in-button': 'webconfig-not-signed-in',
  },
  'cannot-sign-in': { 'cannot-sign-in': 'cannot-sign-in' },
} as const satisfies Record<string, Record<string, ProblemId>>;

/** Recognises a picked choice: always a catalogue entry. */
export function recogniseChoice<K extends keyof typeof symptomChoices>(
  kind: K,
  choice: keyof (typeof symptomChoices)[K],
): Recognition {
  const problemId = symptomChoices[kind][choice] as ProblemId;
  return { problemId, data: {}, as: 'choice' };
}
