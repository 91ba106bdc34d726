/**
 * The practice "admin center": one plain page on http://127.0.0.1 (no certificate warning)
 * where a trainee flips the same switches an administrator flips in the Exchange admin
 * center, the Microsoft 365 admin center and the Entra admin center, and sees the test
 * messages the practice Exchange delivered. Forms carry a per-run token so another web page
 * cannot flip the switches.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeliveredMessage } from './practice-exchange';
import { escapeHtml, sendPracticePage } from './practice-http';
import { practiceLabelHtml } from './practice-labels';
import {
  globalAdministrator,
  practiceAccounts,
  practiceGroups,
  practiceTenantPartName,
  type PracticeTenant,
} from './practice-tenant';
import type { PracticeContext } from './practice-world';

/** The practice groups by object id, for the names the admin center shows. */
const groupNames = new Map<string, string>(
  Object.entries(practiceGroups).map(([name, id]) => [id, name]),
);

/** How the Entra admin center's policy list words a policy's state ("Enable policy"). */
const policyStateWords: Record<string, string> = {
  enabled: 'On',
  enabledForReportingButNotEnforced: 'Report-only',
  disabled: 'Off',
};

export function createPracticeAdminCenter(
  context: PracticeContext,
  messages: () => DeliveredMessage[],
) {
  const formToken = randomBytes(16).toString('hex');

  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/set') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        if (body.length < 4096) body += chunk.toString('utf8');
      });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        if (form.get('token') !== formToken) {
          response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Forbidden');
          return;
        }
        applyForm(form);
        const back = form.get('back') ?? '/';
        response.writeHead(303, { Location: back.startsWith('/') ? back : '/' });
        response.end();
      });
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    sendPracticePage(response, 200, page(url.pathname));
  };

  function applyForm(form: URLSearchParams): void {
    const setting = form.get('setting');
    if (setting === 'organization') {
      // The Exchange admin center's checkbox says "Turn off SMTP AUTH protocol…".
      context.set('smtpAuthOrganization', form.get('turnOff') === 'on' ? 'off' : 'on');
    } else if (setting === 'mailbox') {
      const value = form.get('value');
      if (value === 'organization-setting') context.set('smtpAuthMailbox', 'organization-setting');
      else context.set('smtpAuthMailbox', form.get('authenticatedSmtp') === 'on' ? 'on' : 'off');
    } else if (setting === 'mail-flow') {
      // The other ways of sending (practice-mx.ts): direct send, the connector, the HVE account.
      context.set('directSend', form.get('rejectDirectSend') === 'on' ? 'rejected' : 'allowed');
      context.set('connector', form.get('connector') === 'on' ? 'this-address' : 'no-connector');
      context.set('hveAccount', form.get('hveAccount') === 'on' ? 'works' : 'missing');
    } else if (setting === 'security-defaults') {
      context.set('securityDefaults', form.get('enabled') === 'yes' ? 'on' : 'off');
    } else if (setting === 'ca-exclude') {
      // Users > Exclude > Users and groups: one account or group, left out or included again.
      const tenant = context.part<PracticeTenant>(practiceTenantPartName);
      const policy = tenant?.deviceCodePolicy();
      const [kind, id] = (form.get('member') ?? '').split(':');
      if (!tenant || !policy || policy.id !== form.get('policy') || !id) return;
      if (kind !== 'user' && kind !== 'group') return;
      const known =
        kind === 'user'
          ? practiceAccounts.some((account) => account.oid === id)
          : groupNames.has(id);
      if (known)
        tenant.setPolicyExclusion(policy.id, { kind, id }, form.get('action') !== 'include');
    }
  }

  /** The policy list and the one policy's users, with its Exclude control, by name. */
  function conditionalAccess(
    form: (setting: string, back: string, inner: string) => string,
  ): string {
    const policy = context.part<PracticeTenant>(practiceTenantPartName)?.deviceCodePolicy();
    if (!policy) return '<p>No policies.</p>';
    const back = '/entra/conditional-access';
    const name = escapeHtml(policy.displayName);
    const users = policy.conditions.users;
    const userName = (oid: string): string => {
      const account = practiceAccounts.find((candidate) => candidate.oid === oid);
      return account ? `${account.name} (${account.upn})` : oid;
    };
    const excluded = [
      ...users.excludeUsers.map((oid) => ({ member: `user:${oid}`, label: userName(oid) })),
      ...users.excludeGroups.map((id) => ({
        member: `group:${id}`,
        label: `${groupNames.get(id) ?? id} (group)`,
      })),
    ];
    const roles = users.excludeRoles.map((id) =>
      id === globalAdministrator.roleTemplateId ? globalAdministrator.displayName : id,
    );
    const hidden = `<input type="hidden" name="policy" value="${escapeHtml(policy.id)}">`;
    const excludedList =
      excluded.length + roles.length === 0
        ? '<p>Excluded: none</p>'
        : `<ul aria-label="Excluded">${excluded
            .map(
              ({ member, label }) =>
                `<li>${escapeHtml(label)} ${form(
                  'ca-exclude',
                  back,
                  `${hidden}<input type="hidden" name="member" value="${escapeHtml(member)}"><input type="hidden" name="action" value="include"><button type="submit" aria-label="Remove ${escapeHtml(label)}">Remove</button>`,
                )}</li>`,
            )
            .join('')}${roles
            .map((role) => `<li>Directory roles: ${escapeHtml(role)}</li>`)
            .join('')}</ul>`;
    const options = [
      ...practiceAccounts.map(
        (account) =>
          `<option value="user:${escapeHtml(account.oid)}">${escapeHtml(`${account.name} (${account.upn})`)}</option>`,
      ),
      ...[...groupNames].map(
        ([id, group]) =>
          `<option value="group:${escapeHtml(id)}">${escapeHtml(`${group} (group)`)}</option>`,
      ),
    ].join('');
    return `<table><thead><tr><th scope="col">Policy name</th><th scope="col">State</th></tr></thead>
<tbody><tr><td>${name}</td><td>${policyStateWords[policy.state] ?? escapeHtml(policy.state)}</td></tr></tbody></table>
<h3>${name}</h3>
<p>Users: Include: All users</p>
<h4>Exclude</h4>${excludedList}
${form(
  'ca-exclude',
  back,
  `${hidden}<label>Users and groups <select name="member">${options}</select></label> <button type="submit">Exclude</button>`,
)}
<p>Target resources: All resources. Conditions: Authentication flows: Device code flow. Grant: Block access.</p>`;
  }

  function page(path: string): string {
    const settings = context.settings();
    // Each admin center's name and the guide's switch in the wizard's language, English beside.
    const say = (english: string): string => practiceLabelHtml(english, context.language());
    const mailboxChecked =
      settings.smtpAuthMailbox === 'on' ||
      (settings.smtpAuthMailbox === 'organization-setting' &&
        settings.smtpAuthOrganization === 'on');
    const form = (setting: string, back: string, inner: string): string =>
      `<form method="post" action="/set"><input type="hidden" name="token" value="${formToken}">` +
      `<input type="hidden" name="setting" value="${setting}"><input type="hidden" name="back" value="${back}">${inner}</form>`;
    const current = (section: string): string =>
      path.startsWith(section) ? ' class="current"' : '';
    const inbox = messages()
      .slice()
      .reverse()
      .map(
        (message) =>
          `<li><strong>${escapeHtml(message.subject || '(no subject)')}</strong><br>` +
          `From ${escapeHtml(message.from)} to ${escapeHtml(message.to.join(', '))}, received ${escapeHtml(message.receivedAt)}` +
          `<details><summary>Message source</summary><pre>${escapeHtml(message.raw.slice(0, 4000))}</pre></details></li>`,
      )
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Practice admin center</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;color:#1b1f24}
header{background:#5b2d8c;color:#fff;padding:.6rem 1rem;border-radius:8px}header h1{font-size:1.3rem;margin:0}header p{margin:.2rem 0 0}section{border:1px solid #d5dbe3;border-radius:8px;padding:.6rem 1rem;margin:1rem 0}
section.current{border:3px solid #0b5cad}.path{color:#4a5361}.state{font-weight:600}button{font:inherit;padding:.3rem .8rem;margin-top:.4rem}pre{white-space:pre-wrap;background:#f3f5f8;padding:.5rem}</style></head><body>
<header><h1>Practice admin center</h1><p>This page stands in for Microsoft's admin centers in practice mode. Nothing here reaches Microsoft.</p></header><main>
<section id="organization"${current('/exchange')}><h2>${say('Exchange admin center')}</h2><p class="path">Settings &gt; Mail flow</p>
${form(
  'organization',
  '/exchange/settings',
  `<label><input type="checkbox" name="turnOff"${settings.smtpAuthOrganization === 'off' ? ' checked' : ''}> Turn off SMTP AUTH protocol for your organization</label><br><button type="submit">Save</button>`,
)}
<p class="state">SMTP AUTH for the organization: ${settings.smtpAuthOrganization === 'on' ? 'on' : 'off'}</p></section>
<section id="mail-flow"${current('/exchange/mail-flow')}><h2>${say('Exchange admin center')}: direct send, connectors, High Volume Email</h2><p class="path">Mail flow &gt; Connectors; Set-OrganizationConfig -RejectDirectSend; Mail flow &gt; High Volume Email</p>
${form(
  'mail-flow',
  '/exchange/mail-flow',
  `<label><input type="checkbox" name="rejectDirectSend"${settings.directSend === 'rejected' ? ' checked' : ''}> Reject direct send (RejectDirectSend)</label><br>` +
    `<label><input type="checkbox" name="connector"${settings.connector === 'this-address' ? ' checked' : ''}> Inbound connector (from your organization's email server) for this network's public address</label><br>` +
    `<label><input type="checkbox" name="hveAccount"${settings.hveAccount === 'works' ? ' checked' : ''}> High Volume Email account for the printer (password: practice)</label><br><button type="submit">Save</button>`,
)}
<p class="state">Direct send: ${settings.directSend}; connector: ${settings.connector}; HVE account: ${settings.hveAccount}</p></section>
<section id="mailbox"${current('/m365')}><h2>${say('Microsoft 365 admin center')}</h2><p class="path">Users &gt; Active users &gt; (the printer's mailbox) &gt; Mail &gt; Manage email apps</p>
${form(
  'mailbox',
  '/m365/users',
  `<label><input type="checkbox" name="authenticatedSmtp"${mailboxChecked ? ' checked' : ''}> Authenticated SMTP</label><br><button type="submit">Save changes</button>`,
)}
${form('mailbox', '/m365/users', '<input type="hidden" name="value" value="organization-setting"><button type="submit">Follow the organization setting (PowerShell $null)</button>')}
<p class="state">SMTP AUTH for the mailbox: ${settings.smtpAuthMailbox === 'organization-setting' ? `follows the organization (${settings.smtpAuthOrganization})` : settings.smtpAuthMailbox}</p></section>
<section id="security-defaults"${current('/entra/properties')}><h2>Microsoft Entra admin center</h2><p class="path">Identity &gt; Overview &gt; Properties &gt; Manage security defaults</p>
${form(
  'security-defaults',
  '/entra/properties',
  `<label>${say('Security defaults')} <select name="enabled"><option value="yes"${settings.securityDefaults === 'on' ? ' selected' : ''}>Enabled</option><option value="no"${settings.securityDefaults === 'off' ? ' selected' : ''}>Disabled</option></select></label><br><button type="submit">Save</button>`,
)}
<p class="state">Security defaults: ${settings.securityDefaults === 'on' ? 'enabled' : 'disabled'}</p></section>
<section id="conditional-access"${current('/entra/conditional-access')}><h2>Conditional Access</h2><p class="path">Entra ID &gt; Conditional Access &gt; Policies</p>
${conditionalAccess(form)}</section>
<section id="inbox"><h2>Practice mailbox: delivered test messages</h2>${inbox ? `<ol>${inbox}</ol>` : '<p>No message delivered yet.</p>'}</section></main>
</body></html>`;
  }
}
