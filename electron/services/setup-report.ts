/**
 * The setup report: one self-contained HTML page (no script, no outside resource, its own CSP)
 * summing up the journey for support staff: printers, tenant checks, the mail check, status
 * sheet answers, the date and what will need attention. Built only from progress and the
 * sign-in's account (never a token, code or password). Every value and every word is escaped:
 * printer names, models and addresses come from the network and are hostile.
 */
import { assertNever } from '../../shared/assert-never';
import { shownState } from '../../shared/board/results';
import { statusChecks, type CheckResult, type Progress } from '../../shared/model';
import {
  expectedValues,
  signInLapsesOn,
  statusFieldIds,
  type StatusExpectations,
} from '../../shared/printer-setup';
import type { ReportWords, SetupReport } from '../../shared/contract/printer';
import type { TestWatch, TestWatches } from '../../shared/contract/delivery';
import { formatDay, formatUtcTime } from '../../shared/dates';
import { nameWaysInSummary } from '../../shared/sending-ways';
import { printerLapses } from '../../shared/sign-in-lapse';

export interface ReportInput {
  progress: Progress;
  /** The signed-in account (the sending mailbox), when there is one. */
  account: { username: string; tenantName: string | null } | null;
  smtp: { host: string; port: number };
  personal: boolean;
  practice: boolean;
  product: string;
  words: ReportWords;
  now: Date;
  /** The latest test-message watch per printer (this run), if any. */
  testWatches?: TestWatches;
}

/** The word key and values that say how a printer's test message went. */
export function testMessageWords(watch: TestWatch | undefined): {
  key: string;
  values: Record<string, string>;
} {
  if (!watch) return { key: 'delivery.notRun', values: {} };
  const outcome = watch.outcome;
  const utc = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  switch (outcome.state) {
    case 'arrived':
    case 'wrong-sender':
      return {
        key: `delivery.${outcome.state}`,
        values: {
          time: utc(outcome.message.receivedAt),
          from: outcome.message.from,
          expected: watch.expectedSender,
          delay: String(outcome.delaySeconds),
        },
      };
    case 'nothing-arrived':
      return { key: 'delivery.nothing-arrived', values: { minutes: String(outcome.minutes) } };
    case 'seen-by-person':
      return {
        key: outcome.arrived ? 'delivery.seen-arrived' : 'delivery.seen-not-arrived',
        values: { time: utc(watch.startedAt) },
      };
    case 'needs-permission':
    case 'watching':
    case 'stopped':
    case 'failed':
      return { key: `delivery.${outcome.state}`, values: {} };
    default:
      return assertNever(outcome);
  }
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"'`]/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[
        char
      ] ?? char,
  );
}

/** Control and bidirectional-override characters would garble a printed report. */
function plain(value: string, limit = 300): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .slice(0, limit)
  );
}

const text = (value: string, limit?: number): string => escapeHtml(plain(value, limit));

export function buildSetupReport(input: ReportInput): SetupReport {
  const { progress, words } = input;
  const word = (key: string): string => words[key] ?? key;
  /** A word with {{name}} filled in; both are escaped. */
  const fill = (key: string, values: Record<string, string>): string =>
    escapeHtml(plain(word(key), 600)).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      text(values[name] ?? ''),
    );
  const date = input.now.toISOString();
  const day = date.slice(0, 10);
  const language = progress.language ?? 'en';
  const created = formatUtcTime(input.now, language);
  const mailbox = input.account?.username ?? null;
  const expect: StatusExpectations = {
    personal: input.personal,
    mailbox,
    smtpHost: input.smtp.host,
    smtpPort: input.smtp.port,
  };
  const expected = expectedValues(expect);
  /** A result's problem title, filled with the values kept with that result. */
  const problemTitle = (result: CheckResult | null | undefined): string =>
    result?.problemId
      ? ` — ${fill(
          `problem.${result.problemId}`,
          Object.fromEntries(
            Object.entries(result.problemData ?? {}).map(([name, value]) => [name, String(value)]),
          ),
        )}`
      : '';
  const stateCell = (result: CheckResult | null | undefined): string => {
    const state = shownState(result);
    const problem = problemTitle(result);
    const summary = result?.summary
      ? ` (${text(nameWaysInSummary(result.summary, (way) => word(`way.${way}`)))})`
      : '';
    return `<td class="state state-${escapeHtml(state)}">${text(word(`state.${state}`))}${summary}${problem}</td>`;
  };

  const testMessage = (printerId: string): string => {
    const { key, values } = testMessageWords(input.testWatches?.[printerId]);
    return fill(key, values);
  };

  const checkRows = statusChecks
    .map(
      (check) =>
        `<tr><th scope="row">${text(word(`check.${check.id}`))}</th>${stateCell(progress.checks[check.id])}</tr>`,
    )
    .join('');

  const printerSections = progress.printers
    .map((printer) => {
      const setup = progress.printerSetup[printer.id];
      const answers = setup?.answers ?? {};
      const fieldRows = statusFieldIds
        .map((field) => {
          const answer = answers[field];
          const shown =
            answer === undefined
              ? word('done.notRun')
              : answer === 'match'
                ? word('answer.match')
                : word(`answer.${answer}`);
          const expectedValue = words[`value.${field}`] ?? expected[field];
          return `<tr><th scope="row">${text(word(`field.${field}`))}</th><td>${text(expectedValue)}</td><td class="answer-${answer === undefined ? 'none' : answer === 'match' ? 'match' : 'other'}">${text(shown)}</td></tr>`;
        })
        .join('');
      return `<section class="printer"><h3>${text(printer.name)}</h3>
<table class="facts"><tr><th scope="row">${text(word('report.model'))}</th><td>${text(printer.model ?? word('done.unknown'))}</td></tr>
<tr><th scope="row">${text(word('report.address'))}</th><td>${text(printer.addresses.join(', ') || word('done.unknown'))}</td></tr>
<tr><th scope="row">${text(word('report.firmware'))}</th><td>${text(printer.firmwareVersion ?? word('done.unknown'))}</td></tr>
<tr><th scope="row">${text(word('report.webConfig'))}</th><td>${text(printer.webConfigUrl ?? word('done.unknown'), 400)}</td></tr>
${
  setup?.sendingWay
    ? `<tr><th scope="row">${text(word('done.sendingWay'))}</th><td class="sending-way">${text(word(`way.${setup.sendingWay.way}`))}${setup.sendingWay.relay ? `: ${text(`${setup.sendingWay.relay.host}:${setup.sendingWay.relay.port}`)}` : ''}${setup.sendingWay.proof ? ` (${text(setup.sendingWay.proof.at)})` : ''}</td>${stateCell(setup.sendingWay.proof)}</tr>`
    : ''
}<tr><th scope="row">${text(word(setup?.sendingWay ? 'done.entered' : 'done.signedIn'))}</th>${stateCell(setup?.signedIn)}</tr>
<tr><th scope="row">${text(word('done.statusSheet'))}</th>${stateCell(setup?.statusSheet)}</tr>
<tr><th scope="row">${text(word('delivery.title'))}</th><td class="test-message">${testMessage(printer.id)}</td></tr></table>
<table class="sheet"><thead><tr><th scope="col">${text(word('report.field'))}</th><th scope="col">${text(word('report.expected'))}</th><th scope="col">${text(word('report.answer'))}</th></tr></thead><tbody>${fieldRows}</tbody></table></section>`;
    })
    .join('');

  // Everything that did not pass, named with its problem, before the 90-day reminder.
  const needsAttention = [
    ...statusChecks.map((check) => ({
      name: word(`check.${check.id}`),
      result: progress.checks[check.id],
    })),
    ...progress.printers.flatMap((printer) => {
      const setup = progress.printerSetup[printer.id];
      return [
        {
          name: `${printer.name}: ${word(setup?.sendingWay ? 'done.entered' : 'done.signedIn')}`,
          result: setup?.signedIn,
        },
        { name: `${printer.name}: ${word('done.statusSheet')}`, result: setup?.statusSheet },
      ];
    }),
  ]
    .filter(
      ({ result }) =>
        result && (result.stale || !['passed', 'running', 'info'].includes(result.state)),
    )
    .map(
      ({ name, result }) =>
        `<li>${text(name)}: ${text(word(`state.${shownState(result)}`))}${problemTitle(result)}</li>`,
    )
    .join('');

  // When each printer's sign-in lapses if it sends nothing, and from what that is counted.
  const lapses = printerLapses(progress, input.testWatches ?? {}, input.now);
  const lapseLines = lapses
    .map(
      (lapse) =>
        `<li data-printer="${escapeHtml(lapse.printerId)}">${fill(`lapse.basis.${lapse.basis}`, {
          printer: lapse.printerName,
          date: formatDay(lapse.lapsesOn, language),
          from: formatDay(lapse.from, language),
        })}</li>`,
    )
    .join('');
  const lapseNote = `<section class="attention lapse"><p>${text(word('lapse.rule'), 600)}</p>${
    lapseLines
      ? `<ul class="lapse-list">${lapseLines}</ul>`
      : `<p>${fill('lapse.noPrinter', { date: formatDay(signInLapsesOn(date), language) })}</p>`
  }<p>${text(word('lapse.ifLapsed'), 600)}</p></section>`;

  // What the wizard changed in Microsoft 365 for the person, with who and when ("Do it for me").
  const changeLines = progress.adminChanges
    .map((change) => {
      const line = fill(`changes.${change.kind}`, {
        at: formatUtcTime(new Date(change.at), language),
        mailbox: change.target,
        target: change.target,
        member: change.member ?? '',
        before: word(`changes.setting.${change.before}`),
        after: word(`changes.setting.${change.after}`),
        by: change.by,
      });
      const undone = change.undoneAt
        ? ` ${fill('changes.undone', { undoneAt: formatUtcTime(new Date(change.undoneAt), language) })}`
        : '';
      return `<li>${line}${undone}</li>`;
    })
    .join('');
  const changesSection = changeLines
    ? `<h2>${text(word('changes.title'))}</h2><ul class="changes">${changeLines}</ul>`
    : '';

  const html = `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(word('report.title'))}</title>
<style>body{font-family:system-ui,"Segoe UI","Noto Sans",sans-serif;color:#1b1b1b;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid #1d3c6e;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
th[scope=row]{font-weight:600;width:40%}.meta{color:#555}.practice{background:#f1e8fb;border-left:4px solid #5b2d8c;padding:.5rem}
.state-passed{color:#0a6b2d}.state-failed{color:#b00020}.state-attention,.state-stale{color:#8a5a00}.state-not-run,.state-waiting,.state-info{color:#555}
.answer-other{color:#b00020;font-weight:600}.attention{background:#fff8d8;border-left:4px solid #c9a400;padding:.5rem}
footer{margin-top:2rem;color:#666;font-size:.9rem}@media print{body{margin:0}}</style></head>
<body><h1>${text(word('report.title'))}</h1>
<p class="meta">${fill('report.created', { date: created })}</p>
${input.practice ? `<p class="practice">${text(word('report.practice'))}</p>` : ''}
<table class="facts"><tr><th scope="row">${text(word('report.tenant'))}</th><td>${text(input.account?.tenantName ?? word('done.unknown'))}</td></tr>
<tr><th scope="row">${text(word('report.mailbox'))}</th><td>${text(mailbox ?? word('done.unknown'))}</td></tr>
<tr><th scope="row">${text(word('report.server'))}</th><td>${text(`${input.smtp.host}:${input.smtp.port}`)}</td></tr></table>
<h2>${text(word('report.checksTitle'))}</h2><table class="checks">${checkRows}</table>
${changesSection}
<h2>${text(word('report.printersTitle'))}</h2>${printerSections}
<h2>${text(word('report.attentionTitle'))}</h2>${needsAttention ? `<ul class="attention-list">${needsAttention}</ul>` : ''}${lapseNote}
<footer>${fill('report.footer', { product: input.product })}</footer>
</body></html>
`;
  return { html, fileName: `printer-mail-setup-report-${day}.html` };
}
