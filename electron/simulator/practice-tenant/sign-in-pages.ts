/**
 * The practice sign-in pages (plain HTTP on loopback, so no browser warning): the frame with its
 * "this is practice" banner, and the code, account and password forms. Every value is escaped.
 */
import type { ServerResponse } from 'node:http';
import type { Language } from '../../../shared/model';
import { escapeHtml, sendPracticePage } from '../practice-http';
import { practiceLabel, practiceLabelHtml } from '../practice-labels';
import { practiceAccounts, practicePassword, type PracticeAccount } from './accounts';

export function page(response: ServerResponse, title: string, body: string, status = 200): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – practice sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem 2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#5e5e5e}.practice{background:#5b2d8c;color:#fff;padding:.4rem .8rem;font-size:.9rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.4rem;border:0;border-bottom:1px solid #666;margin:.5rem 0 1rem}
button{font:inherit;padding:.4rem 1.5rem;border:1px solid #0067b8;background:#0067b8;color:#fff;margin:.3rem .3rem 0 0;cursor:pointer}
button.secondary{background:#ccc;border-color:#ccc;color:#000}.error{color:#c00}
.account{display:block;width:100%;text-align:left;background:#fff;color:#000;border:1px solid #ccc;margin:.3rem 0;padding:.6rem}
ul.perms{padding-left:1.2rem}label.org{display:flex;gap:.5rem;align-items:flex-start;margin:1rem 0}</style></head>
<body><p class="practice" role="note">Practice sign-in page: this is the wizard's practice tenant on your computer, not Microsoft.</p>
<main><p class="brand">Microsoft (practice)</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  sendPracticePage(response, status, html);
}

export const hidden = (flowId: string): string =>
  `<input type="hidden" name="flow" value="${escapeHtml(flowId)}">`;

export function codeForm(response: ServerResponse, language: Language, error?: string): void {
  const say = (english: string): string => practiceLabelHtml(english, language);
  page(
    response,
    practiceLabel('Enter code', language),
    `<p>Enter the code displayed on your app or device.</p>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/devicelogin"><label for="otc">${say('Code')}</label><input type="text" id="otc" name="otc" autocomplete="off" autofocus><button type="submit">${say('Next')}</button></form>`,
    error ? 400 : 200,
  );
}

export function accountForm(
  response: ServerResponse,
  flowId: string,
  language: Language,
  error?: string,
): void {
  const buttons = practiceAccounts
    .map(
      (account) =>
        `<button class="account" type="submit" name="upn" value="${escapeHtml(account.upn)}">${escapeHtml(account.name)}<br><small>${escapeHtml(account.upn)}</small></button>`,
    )
    .join('');
  page(
    response,
    'Pick an account',
    `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}<form method="post" action="/account">${hidden(flowId)}${buttons}</form>
<form method="post" action="/account">${hidden(flowId)}<label for="upn">Or type an account (email)</label><input type="text" id="upn" name="upn" autocomplete="off"><button type="submit">${practiceLabelHtml('Next', language)}</button></form>`,
    error ? 400 : 200,
  );
}

export function passwordForm(
  response: ServerResponse,
  flowId: string,
  account: PracticeAccount,
  language: Language,
  error?: string,
): void {
  const say = (english: string): string => practiceLabelHtml(english, language);
  page(
    response,
    'Enter password',
    `<p>${escapeHtml(account.upn)}</p>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/password">${hidden(flowId)}<label for="password">${say('Password')}</label><input type="password" id="password" name="password" autofocus>
<p><small>Practice password: <strong>${practicePassword}</strong></small></p><button type="submit">${say('Sign in')}</button></form>`,
    error ? 400 : 200,
  );
}
