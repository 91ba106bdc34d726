/**
 * The practice "admin center": one plain page on http://127.0.0.1 (no certificate warning)
 * where a trainee flips the same switches an administrator flips in the Exchange admin
 * center, the Microsoft 365 admin center and the Entra admin center, and sees the test
 * messages the practice Exchange delivered, and every change the wizard made through Graph and
 * the Exchange admin endpoint (as the Entra audit log and Exchange's admin audit log would). Forms
 * carry a per-run token so another web page cannot flip the switches.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PracticeAuditEntry } from './practice-audit-log';
import type { DeliveredMessage } from './practice-exchange';
import {
  practiceExchangeAdminPartName,
  type PracticeExchangeAdmin,
} from './practice-exchange-admin';
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

/** The page's sections, linked from its header: each path highlights its section. */
const sections = [
  { path: '/exchange/settings', id: 'organization', label: 'Exchange: SMTP AUTH' },
  { path: '/exchange/mail-flow', id: 'mail-flow', label: 'Exchange: mail flow' },
  { path: '/m365/users', id: 'mailbox', label: 'Microsoft 365: the mailbox' },
  { path: '/entra/properties', id: 'security-defaults', label: 'Entra: security defaults' },
  { path: '/entra/conditional-access', id: 'conditional-access', label: 'Conditional Access' },
  { path: '/changes', id: 'changes', label: "The wizard's changes" },
  { path: '/', id: 'inbox', label: 'Practice mailbox' },
];

/**
 * Newest first, as audit logs list them; one row per change. An undo is a row of its own, and
 * says which earlier change it took back (the same setting, before and after swapped).
 */
function changesTable(entries: PracticeAuditEntry[]): string {
  /** A value without its note: "exists (created)" is the state "exists". */
  const state = (value: string): string => value.replace(/ \(.*\)$/, '');
  if (entries.length === 0) {
    return '<p>The wizard has changed nothing in the practice tenant yet.</p>';
  }
  // Oldest first (a stable sort keeps each source's own order).
  const oldestFirst = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  const undoneBy = new Map<PracticeAuditEntry, PracticeAuditEntry>();
  for (const [index, entry] of oldestFirst.entries()) {
    const taken = oldestFirst
      .slice(0, index)
      .reverse()
      .find(
        (earlier) =>
          !undoneBy.has(earlier) &&
          ![...undoneBy.values()].includes(earlier) &&
          earlier.object === entry.object &&
          earlier.setting === entry.setting &&
          state(earlier.before) === state(entry.after) &&
          state(earlier.after) === state(entry.before),
      );
    if (taken) undoneBy.set(taken, entry);
  }
  const undoes = new Map([...undoneBy].map(([earlier, undo]) => [undo, earlier]));
  const rows = oldestFirst
    .reverse()
    .map((entry) => {
      const undid = undoes.get(entry);
      const after = undid
        ? `${escapeHtml(entry.after)} (takes back the change of ${escapeHtml(undid.at)})`
        : escapeHtml(entry.after);
      return (
        `<tr><td>${escapeHtml(entry.at)}</td><td>${escapeHtml(entry.by)}</td><td>${escapeHtml(entry.object)}</td>` +
        `<td>${escapeHtml(entry.setting)}</td><td>${escapeHtml(entry.before)}</td><td>${after}</td>` +
        `<td>${escapeHtml(entry.through)}: <code>${escapeHtml(entry.call)}</code></td></tr>`
      );
    })
    .join('');
  return `<table aria-label="Changes made by the wizard"><thead><tr><th scope="col">When (UTC)</th><th scope="col">By</th><th scope="col">Object</th><th scope="col">Setting</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Through</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function createPracticeAdminCenter(
  context: PracticeContext,
  messages: () => DeliveredMessage[],
  graphChanges: () => PracticeAuditEntry[],
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
    const wizardChanges = [
      ...graphChanges(),
      ...(context.part<PracticeExchangeAdmin>(practiceExchangeAdminPartName)?.changes() ?? []),
    ];
    const nav = sections
      .map(
        (section) =>
          `<li><a href="${section.path}#${section.id}"${path === section.path ? ' aria-current="page"' : ''}>${escapeHtml(section.label)}</a></li>`,
      )
      .join('');
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
header{background:#5b2d8c;color:#fff;padding:.6rem 1rem;border-radius:8px}header h1{font-size:1.3rem;margin:0}header p{margin:.2rem 0 0}header nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:.4rem 0 0}header a{color:#fff}table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.9rem}code{overflow-wrap:anywhere}td{overflow-wrap:anywhere}td,th{border:1px solid #d5dbe3;padding:.2rem .4rem;text-align:left;vertical-align:top}section{border:1px solid #d5dbe3;border-radius:8px;padding:.6rem 1rem;margin:1rem 0}
section.current{border:3px solid #0b5cad}.path{color:#4a5361}.state{font-weight:600}button{font:inherit;padding:.3rem .8rem;margin-top:.4rem}pre{white-space:pre-wrap;background:#f3f5f8;padding:.5rem}</style></head><body>
<header><h1>Practice admin center</h1><p>This page stands in for Microsoft's admin centers in practice mode. Nothing here reaches Microsoft.</p><nav aria-label="Admin center pages"><ul>${nav}</ul></nav></header><main>
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
<section id="changes"${current('/changes')}><h2>Changes made by the wizard</h2><p class="path">Entra ID &gt; Monitoring &amp; health &gt; Audit logs; Exchange admin center &gt; Audit (admin audit log)</p>
<p>Every change the wizard made in the practice tenant through Microsoft Graph or the Exchange admin endpoint, newest first. An undo is listed as a change of its own.</p>
${changesTable(wizardChanges)}</section>
<section id="inbox"><h2>Practice mailbox: delivered test messages</h2>${inbox ? `<ol>${inbox}</ol>` : '<p>No message delivered yet.</p>'}</section></main>
</body></html>`;
  }
}
