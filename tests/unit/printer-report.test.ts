/**
 * The setup report keeps no markup from hostile printer records or words, holds no secret,
 * and is written whole or not at all.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialProgress, type Progress } from '../../shared/model';
import { buildSetupReport } from '../../electron/services/setup-report';
import { writeReportFile } from '../../electron/services/report-file';

const hostile = '<img src=x onerror=alert(1)>';
const progress: Progress = {
  ...initialProgress,
  language: 'en',
  printers: [
    {
      id: 'host:evil.local',
      name: `${hostile}<script>alert(2)</script>`,
      model: '<b onmouseover=alert(3)>Model</b>\u202e',
      vendor: 'other',
      addresses: ['"><svg onload=alert(4)>'],
      webConfigUrl: 'javascript:alert(5)',
      firmwareVersion: "'><iframe src=//evil>",
    },
  ],
  checks: {
    'smtp-login': {
      state: 'failed',
      problemId: 'smtp-auth-disabled-tenant',
      summary: hostile,
      at: '2026-11-23T10:00:00.000Z',
    },
  },
  printerSetup: {
    'host:evil.local': {
      signedIn: { state: 'passed', summary: '<u>x</u>', at: '2026-11-23T10:00:00.000Z' },
      answers: { 'smtp-port': '<i>465</i>', 'current-status': 'match' },
      statusSheet: null,
    },
  },
};

function build(words: Record<string, string> = {}) {
  const input = buildInput();
  return buildSetupReport({ ...input, words: { ...input.words, ...words } });
}

function buildInput(): Parameters<typeof buildSetupReport>[0] {
  return {
    progress,
    account: { username: 'scanner@contoso.example', tenantName: `Contoso ${hostile}` },
    smtp: { host: 'smtp.office365.com', port: 587 },
    personal: false,
    practice: false,
    product: 'Printer Mail Setup Wizard',
    words: {
      'report.title': 'Report <script>alert(6)</script>',
      'lapse.rule': 'Any scan to email renews it <b>x</b>',
      'lapse.basis.signed-in': '{{printer}} signed in on {{from}}: after {{date}} <b>x</b>',
      'lapse.ifLapsed': 'If it lapsed, sign in again in Web Config.',
      'report.created': 'Created {{date}}',
    },
    now: new Date('2026-11-23T12:34:00Z'),
  };
}

describe('setup report', () => {
  it('escapes every hostile value and word: no markup survives', () => {
    const { html } = build();
    const body = html.slice(html.indexOf('<body>'));
    for (const tag of ['<img', '<script', '<svg', '<iframe', '<b ', '<b>', '<u>', '<i>']) {
      expect(body).not.toContain(tag);
    }
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u202e');
    // The only tags are the report's own.
    const tags = new Set(
      [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => match[1]?.toLowerCase()),
    );
    expect([...tags].sort()).toEqual(
      [
        'body',
        'footer',
        'h1',
        'h2',
        'h3',
        'head',
        'html',
        'li',
        'ul',
        'meta',
        'p',
        'section',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
      ].sort(),
    );
    expect(html).toContain("default-src 'none'");
  });

  it('names the relay computer a printer sends through (typed by the person, escaped)', () => {
    const input = buildInput();
    const record = input.progress.printerSetup['host:evil.local'];
    if (!record) throw new Error('record');
    const { html } = buildSetupReport({
      ...input,
      words: { ...input.words, 'way.relay-computer': 'A relay on an always-on computer' },
      progress: {
        ...input.progress,
        printerSetup: {
          'host:evil.local': {
            ...record,
            sendingWay: {
              way: 'relay-computer',
              chosenAt: '2026-11-23T10:00:00.000Z',
              relay: { host: 'relay.office.lan', port: 2525 },
            },
          },
        },
      },
    });
    expect(html).toContain('A relay on an always-on computer: relay.office.lan:2525');
  });

  it('names the date, the mailbox and when the printer must sign in again', () => {
    const report = build();
    expect(report.fileName).toBe('printer-mail-setup-report-2026-11-23.html');
    // Intl separates the time and PM with a narrow no-break space.
    expect(report.html).toMatch(/November 23, 2026 at 12:34\sPM UTC/u);
    expect(report.html).toContain('scanner@contoso.example');
    // Counted from the printer's confirmed sign-in (2026-11-23), 90 days on.
    expect(report.html).toContain('signed in on November 23, 2026: after February 21, 2027');
    expect(report.html).toContain('Any scan to email renews it &lt;b&gt;x&lt;/b&gt;');
    expect(report.html).toContain('If it lapsed, sign in again in Web Config.');
  });

  it('lists the changes the wizard made, with who and when, and an undo', () => {
    const { html } = buildSetupReport({
      ...buildInput(),
      progress: {
        ...progress,
        adminChanges: [
          {
            id: 'c1',
            kind: 'mailbox-smtp-auth',
            target: `scanner@contoso.example${hostile}`,
            before: 'organization',
            after: 'on',
            by: 'admin@contoso.example',
            at: '2026-12-07T10:00:00.000Z',
            undoneAt: '2026-12-07T10:05:00.000Z',
          },
        ],
      },
      words: {
        ...buildInput().words,
        'changes.title': 'Changes the wizard made',
        'changes.mailbox-smtp-auth': '{{at}}: {{mailbox}} from {{before}} to {{after}}, by {{by}}.',
        'changes.undone': 'Undone {{undoneAt}}.',
        'changes.setting.organization': 'the organization’s setting',
        'changes.setting.on': 'on',
      },
    });
    expect(html).toContain('<h2>Changes the wizard made</h2>');
    expect(html).toMatch(
      /December 7, 2026 at 10:00\sAM UTC: scanner@contoso\.example&lt;img src=x onerror=alert\(1\)&gt; from the organization’s setting to on, by admin@contoso\.example\. Undone December 7, 2026 at 10:05\sAM UTC\./u,
    );
    // Without a change, no section.
    expect(build().html).not.toContain('Changes the wizard made');
  });

  it('is written whole, or not at all where it cannot be written (even as root)', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const saved = await writeReportFile(path.join(folder, 'report.html'), build().html);
    expect(readFileSync(saved, 'utf8')).toContain('<!doctype html>');
    writeFileSync(path.join(folder, 'a-file'), 'x');
    mkdirSync(path.join(folder, 'a-folder', 'inside'), { recursive: true });
    for (const target of [
      path.join(folder, 'a-file', 'report.html'), // the "folder" is a file
      path.join(folder, 'no', 'such', 'report.html'), // the folder does not exist
      path.join(folder, 'a-folder'), // the name is taken by a folder: the rename fails
    ]) {
      await expect(writeReportFile(target, build().html)).rejects.toMatchObject({
        problem: { id: 'report-not-saved' },
      });
    }
    // Nothing half-written: no temporary file left behind anywhere.
    expect(readdirSync(folder).sort()).toEqual(['a-file', 'a-folder', 'report.html']);
    expect(readdirSync(path.join(folder, 'a-folder'))).toEqual(['inside']);
    expect(readFileSync(path.join(folder, 'a-file'), 'utf8')).toBe('x');
  });

  it("fills each problem's title with the values kept with that result, escaped", () => {
    const { html } = buildSetupReport({
      progress: {
        ...initialProgress,
        language: 'en',
        checks: {
          'signed-in': {
            state: 'failed',
            problemId: 'signin-admin-consent-required',
            problemData: { code: `AADSTS90094${hostile}` },
            at: '2026-11-23T10:00:00.000Z',
          },
          'smtp-login': {
            state: 'passed',
            stale: true,
            at: '2026-11-23T09:00:00.000Z',
          },
        },
      },
      account: null,
      smtp: { host: 'smtp.office365.com', port: 587 },
      personal: false,
      practice: false,
      product: 'Printer Mail Setup Wizard',
      words: {
        'problem.signin-admin-consent-required':
          'An administrator must consent for the organization first ({{code}}).',
        'state.failed': 'Failed',
        'state.stale': 'Out of date',
      },
      now: new Date('2026-11-23T12:34:00Z'),
    });
    expect(html).toContain(
      'An administrator must consent for the organization first (AADSTS90094&lt;img src=x onerror=alert(1)&gt;).',
    );
    expect(html).not.toContain('{{');
    // A result a later change made out of date says so, in the table and in the list.
    expect(html).toContain('<td class="state state-stale">Out of date');
  });
});
