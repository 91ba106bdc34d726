/**
 * One person's way through the practice sign-in pages, for a device code and for a browser
 * sign-in alike: code → "are you trying to sign in?" → account → password → (the scenario's
 * failure, or admin approval needed, or the permissions screen with "Consent on behalf of your
 * organization") → approved. A browser sign-in returns to the app instead of ending on a page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '../../../shared/model';
import { escapeHtml, readBody } from '../practice-http';
import {
  adminOnlyPermissions,
  canConsentForAdmins,
  expandScopes,
  isGlobalAdmin,
  oidcScopes,
  practiceAccounts,
  practicePassword,
  splitScope,
  type PracticeAccount,
} from './accounts';
import {
  authorizeError,
  issueAuthorizationCode,
  returnToApp,
  startAuthorize,
} from './authorize-flow';
import { brandNewTenantRefusal, policyLetsThrough } from './conditional-access';
import { afterSignInScenarios, failureOf, type OAuthFailure } from './entra-failures';
import { accountForm, codeForm, hidden, page, passwordForm } from './sign-in-pages';
import { practiceLabel, practiceLabelHtml } from '../practice-labels';

/** The wizard's language, for the labels of the practice Microsoft pages. */
const languageOf = (state: TenantState): Language => state.context?.language() ?? 'en';
import {
  consentOf,
  consentedScopes,
  normaliseCode,
  scenarioOf,
  startPageFlow,
  type DeviceGrant,
  type PageFlow,
  type TenantState,
} from './state';

function failOnPage(response: ServerResponse, grant: DeviceGrant, failure: OAuthFailure): void {
  grant.state = 'failed';
  grant.failure = failure;
  if (grant.authorize) {
    returnToApp(response, grant.authorize, authorizeError(failure));
    return;
  }
  page(
    response,
    'Sign-in failed',
    `<p class="error" role="alert">AADSTS${failure.code ?? ''}: ${escapeHtml(failure.description)}</p><p>You can close this window and go back to your app.</p>`,
  );
}

function finishApproval(
  state: TenantState,
  response: ServerResponse,
  grant: DeviceGrant,
  account: PracticeAccount,
): void {
  grant.state = 'approved';
  grant.account = account;
  grant.approvedAt = Date.now();
  if (grant.authorize) {
    returnToApp(response, grant.authorize, issueAuthorizationCode(state, grant, account));
    return;
  }
  page(
    response,
    grant.app.name,
    `<p>You have signed in to the ${escapeHtml(grant.app.name)} application on your device. You may now close this window.</p>`,
  );
}

function afterPassword(
  state: TenantState,
  response: ServerResponse,
  flowId: string,
  flow: PageFlow,
  account: PracticeAccount,
): void {
  const { grant } = flow;
  const current = scenarioOf(state);
  // A policy that blocks the device code flow does not block the authorization code flow, nor
  // an account the administrator excluded from the policy (Users > Exclude).
  const blocks =
    !(grant.authorize && current === 'device-code-blocked') && !policyLetsThrough(state, account);
  if (afterSignInScenarios.has(current) && blocks) {
    failOnPage(response, grant, failureOf(current));
    return;
  }
  // Only the device code flow: a browser sign-in (authorization code) is not refused by it.
  const refusal = grant.authorize ? null : brandNewTenantRefusal(state, account);
  if (refusal) {
    failOnPage(response, grant, failureOf(refusal));
    return;
  }
  const wanted = expandScopes(
    grant.app,
    grant.scopes.filter((scope) => !oidcScopes.has(scope)),
  );
  const consented = consentedScopes(state, grant.app, account);
  const missing = wanted.filter((scope) => !consented.has(scope));
  if (missing.length === 0) {
    finishApproval(state, response, grant, account);
    return;
  }
  const needsAdmin = missing.some((scope) => adminOnlyPermissions.has(splitScope(scope).name));
  if (needsAdmin && !canConsentForAdmins(account)) {
    grant.state = 'failed';
    grant.failure = failureOf('admin-consent-required');
    page(
      response,
      'Need admin approval',
      `<p>${escapeHtml(grant.app.name)} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<p class="error" role="alert">AADSTS90094: Administrator consent is required.</p><p>You can close this window.</p>`,
    );
    return;
  }
  const list = missing
    .map(
      (scope) =>
        `<li>${escapeHtml(splitScope(scope).name)} <small>(${escapeHtml(splitScope(scope).resource)})</small></li>`,
    )
    .join('');
  const language = languageOf(state);
  const say = (english: string): string => practiceLabelHtml(english, language);
  const organizationBox = isGlobalAdmin(account)
    ? `<label class="org"><input type="checkbox" name="organization" value="on"><span>${say('Consent on behalf of your organization')}</span></label>`
    : '';
  page(
    response,
    practiceLabel('Permissions requested', language),
    `<p>${escapeHtml(grant.app.name)}</p><p>This app would like to:</p><ul class="perms">${list}</ul>
<form method="post" action="/consent">${hidden(flowId)}${organizationBox}
<p><small>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</small></p>
<button type="submit" name="action" value="cancel" class="secondary">${say('Cancel')}</button><button type="submit" name="action" value="accept">${say('Accept')}</button></form>`,
  );
}

/** The page server: the device login page, /authorize, and the steps both go through. */
export async function handlePage(
  state: TenantState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', state.pageOrigin);
  if (request.method === 'GET') {
    request.resume();
    if (url.pathname === '/' || url.pathname === '/devicelogin')
      codeForm(response, languageOf(state));
    else if (/^\/[\w.-]{1,64}\/oauth2\/v2\.0\/authorize$/.test(url.pathname)) {
      startAuthorize(state, response, url);
    } else page(response, 'Not found', '<p>This page does not exist.</p>', 404);
    return;
  }
  if (request.method !== 'POST') {
    request.resume();
    page(response, 'Not allowed', '<p>Not allowed.</p>', 405);
    return;
  }
  const form = new URLSearchParams((await readBody(request, 8 * 1024)) ?? '');
  if (url.pathname === '/devicelogin') {
    const grant = state.byUserCode.get(normaliseCode(form.get('otc') ?? ''));
    if (!grant || grant.state !== 'pending' || Date.now() > grant.expiresAt) {
      codeForm(response, languageOf(state), "That code didn't work. Check the code and try again.");
      return;
    }
    const flowId = startPageFlow(state, grant);
    page(
      response,
      `Are you trying to sign in to ${grant.app.name}?`,
      `<p>Only continue if you downloaded the app from a store or website that you trust.</p>
<form method="post" action="/continue">${hidden(flowId)}<button type="submit" name="action" value="cancel" class="secondary">Cancel</button><button type="submit" name="action" value="continue">Continue</button></form>`,
    );
    return;
  }
  const flowId = form.get('flow') ?? '';
  const flow = state.pageFlows.get(flowId);
  if (!flow || flow.grant.state !== 'pending' || Date.now() > flow.grant.expiresAt) {
    codeForm(
      response,
      languageOf(state),
      'This sign-in has ended. Enter the code your app shows now.',
    );
    return;
  }
  const { grant } = flow;
  switch (url.pathname) {
    case '/continue':
      if (form.get('action') === 'cancel') {
        grant.state = 'declined';
        page(
          response,
          'Sign-in cancelled',
          '<p>You have declined to sign in to the application on your device. You may now close this window.</p>',
        );
      } else {
        accountForm(response, flowId, languageOf(state));
      }
      return;
    case '/account': {
      const typed = (form.get('upn') ?? '').trim().toLowerCase();
      const account = practiceAccounts.find((candidate) => candidate.upn === typed);
      if (!account) {
        accountForm(
          response,
          flowId,
          languageOf(state),
          "We couldn't find an account with that username. Try another, or pick one of the practice accounts.",
        );
        return;
      }
      flow.account = account;
      passwordForm(response, flowId, account, languageOf(state));
      return;
    }
    case '/password': {
      if (!flow.account) {
        accountForm(response, flowId, languageOf(state));
        return;
      }
      if ((form.get('password') ?? '') !== practicePassword) {
        passwordForm(
          response,
          flowId,
          flow.account,
          languageOf(state),
          "Your account or password is incorrect. If you don't remember your password, reset it now.",
        );
        return;
      }
      afterPassword(state, response, flowId, flow, flow.account);
      return;
    }
    case '/consent': {
      const account = flow.account;
      if (!account) {
        accountForm(response, flowId, languageOf(state));
        return;
      }
      if (form.get('action') !== 'accept') {
        grant.state = 'declined';
        if (grant.authorize) {
          returnToApp(response, grant.authorize, authorizeError(failureOf('consent-declined')));
          return;
        }
        page(
          response,
          'Permissions not granted',
          '<p>You did not accept the permissions. You may now close this window.</p>',
        );
        return;
      }
      const wanted = expandScopes(
        grant.app,
        grant.scopes.filter((scope) => !oidcScopes.has(scope)),
      );
      const entry = consentOf(state, grant.app.clientId);
      if (form.get('organization') === 'on' && isGlobalAdmin(account)) {
        for (const scope of wanted) entry.tenantWide.add(scope);
      } else {
        const own = entry.perUser.get(account.oid) ?? new Set<string>();
        for (const scope of wanted) own.add(scope);
        entry.perUser.set(account.oid, own);
      }
      finishApproval(state, response, grant, account);
      return;
    }
    default:
      page(response, 'Not found', '<p>This page does not exist.</p>', 404);
  }
}
