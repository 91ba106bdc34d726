import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportWords } from '../../../shared/contract/printer';
import { statusChecks, type CheckId, type CheckResult } from '../../../shared/model';
import { fieldAlternatives, statusFieldIds } from '../../../shared/printer-setup';
import { everyPrinterHasAWay, isSignInStep, sendingWays } from '../../../shared/sending-ways';
import type { Problem } from '../../../shared/problem';
import type { ProblemId } from '../../../shared/problems/index';
import { shownState, shownStates } from '../../../shared/board/results';
import { problemTitleTemplate, resultProblemTitle } from '../../components/check-words';
import { useAccountStory } from '../../account/account-story';
import { CheckSummary } from '../../components/CheckSummary';
import { ProblemNotice } from '../../components/ProblemNotice';
import { adminChangeReportWords } from '../../checks/admin-change-words';
import { deliveryReportWords } from '../../delivery/report-words';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';
import { downloadFile } from './download';
import { lapseReportWords, SignInLapse } from './SignInLapse';

const printerChecks = new Set(['printer-signed-in', 'status-sheet']);
/**
 * Done names problems of every area, the test message's words and the changes made in
 * Microsoft 365: each namespace is loaded before the step draws (others load lazily).
 */
const doneNamespaces = [
  'printer',
  'common',
  'delivery',
  'exchange',
  'app',
  'discovery',
  'signin',
  'troubleshoot',
  'ways',
];

function useReportWords(): () => ReportWords {
  const { t } = useTranslation(doneNamespaces);
  const { progress } = useReadyState();
  return () => {
    const words: ReportWords = {};
    for (const key of [
      'title',
      'practice',
      'mailbox',
      'server',
      'tenant',
      'checksTitle',
      'printersTitle',
      'model',
      'address',
      'firmware',
      'webConfig',
      'field',
      'expected',
      'answer',
      'attentionTitle',
    ]) {
      words[`report.${key}`] = t(`printer:report.${key}`);
    }
    // Placeholders stay for the main process to fill (and escape) with its own values.
    words['report.created'] = t('printer:report.created', { date: '{{date}}' });
    words['report.footer'] = t('printer:report.footer', { product: '{{product}}' });
    Object.assign(words, lapseReportWords(t));
    for (const key of ['signedIn', 'statusSheet', 'notRun', 'unknown']) {
      words[`done.${key}`] = t(`printer:done.${key}`);
    }
    // The way a printer keeps sending without OAuth 2.0, and when it was proven.
    words['done.sendingWay'] = t('ways:done.title');
    words['done.entered'] = t('ways:setup.entered');
    for (const way of sendingWays) words[`way.${way}`] = t(`ways:ways.${way}.name`);
    for (const check of statusChecks)
      words[`check.${check.id}`] = t(`common:board.checks.${check.id}`);
    for (const state of shownStates) words[`state.${state}`] = t(`common:board.state.${state}`);
    for (const field of statusFieldIds) {
      words[`field.${field}`] = t(`printer:sheet.fields.${field}`);
      for (const alternative of fieldAlternatives[field]) {
        words[`answer.${alternative}`] = t(`printer:sheet.alternatives.${alternative}`);
      }
    }
    Object.assign(words, deliveryReportWords(t));
    Object.assign(words, adminChangeReportWords(t));
    words['answer.match'] = t('printer:sheet.matches');
    words['value.current-status'] = t('printer:sheet.values.signed-in');
    words['value.certificate-validation'] = t('printer:sheet.values.enable');
    // Titles of the problems the journey met (checks and printers).
    const problems = new Set<ProblemId>();
    for (const result of Object.values(progress.checks))
      if (result?.problemId) problems.add(result.problemId);
    for (const record of Object.values(progress.printerSetup)) {
      for (const result of [record.signedIn, record.statusSheet])
        if (result?.problemId) problems.add(result.problemId);
    }
    // Placeholders stay: main fills each from the values kept with that result.
    for (const id of problems) words[`problem.${id}`] = problemTitleTemplate(t, id);
    return words;
  };
}

function CheckLine({
  name,
  check,
  result,
  notNeeded = false,
}: {
  name: string;
  /** The check shown, where its summary needs words (the way's name). */
  check?: CheckId;
  result: CheckResult | null | undefined;
  /**
   * A sign-in check while every printer sends by another way: not needed, as the rail says, even
   * when the wizard signed in (to watch the mailbox for the test scan) and the check ran.
   */
  notNeeded?: boolean;
}) {
  const { t } = useTranslation(doneNamespaces);
  if (notNeeded) {
    return (
      <li className="board-item board-not-needed" data-check-state="not-needed">
        <span className="board-name">{name}</span>
        <span className="board-state">{t('common:rail.status.not-needed')}</span>
      </li>
    );
  }
  const state = shownState(result);
  const problemTitle = resultProblemTitle(t, result);
  return (
    <li className={`board-item board-${state}`}>
      <span className="board-name">
        {name}
        {result?.summary &&
          (check ? (
            <CheckSummary check={check} summary={result.summary} />
          ) : (
            <span className="board-summary">{result.summary}</span>
          ))}
        {problemTitle && <span className="board-summary">{problemTitle}</span>}
      </span>
      <span className="board-state">{t(`common:board.state.${state}`)}</span>
    </li>
  );
}

/** "Done": every check for each printer, what will need attention, and the setup report. */
export function DoneStep() {
  const { t, i18n } = useTranslation(doneNamespaces);
  const client = useWizard((store) => store.client);
  const ask = useWizard((store) => store.ask);
  const { appInfo, progress } = useReadyState();
  const reportWords = useReportWords();
  const story = useAccountStory();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<Problem | null>(null);
  const onWays = everyPrinterHasAWay(progress);

  const save = async (format: 'html' | 'pdf'): Promise<void> => {
    if (!client) return;
    setBusy(true);
    setFailure(null);
    setSaved(null);
    if (appInfo.shell === 'electron') {
      const reply = await ask('saveSetupReport', { words: reportWords(), format });
      setBusy(false);
      if (reply.ok) setSaved(t('printer:done.saved', { path: reply.value.path }));
      else setFailure(reply.problem);
      return;
    }
    // Browser shell: the page downloads the report the main process built.
    const reply = await ask('buildSetupReport', { words: reportWords() });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.problem);
    downloadFile(reply.value.html, 'text/html', reply.value.fileName);
    setSaved(t('printer:done.downloaded', { file: reply.value.fileName }));
  };

  return (
    <StepFrame step="done">
      <p>{t('printer:done.intro')}</p>
      {story.mailbox && progress.accountKind === 'work' && (
        <p data-testid="done-account">
          {story.way === 'own-mailbox'
            ? t('printer:done.accountOwn', {
                mailbox: story.mailbox,
                admin: story.consentedBy ?? t('printer:setup.anAdministrator'),
              })
            : t('printer:done.accountAdministrator', { mailbox: story.mailbox })}
        </p>
      )}
      <section className="switch-card" aria-labelledby="done-tenant-title">
        <h3 id="done-tenant-title">{t('printer:done.tenantTitle')}</h3>
        <ul className="board-list">
          {statusChecks
            .filter((check) => !printerChecks.has(check.id))
            .map((check) => (
              <CheckLine
                key={check.id}
                name={t(`common:board.checks.${check.id}`)}
                check={check.id}
                result={progress.checks[check.id]}
                notNeeded={onWays && isSignInStep(check.step)}
              />
            ))}
        </ul>
      </section>
      {progress.printers.map((printer) => {
        const record = progress.printerSetup[printer.id];
        const unknown = t('printer:done.unknown');
        return (
          <section
            key={printer.id}
            className="switch-card"
            data-printer={printer.id}
            aria-label={printer.name}
          >
            <h3>{t('printer:done.printerTitle', { printer: printer.name })}</h3>
            <p className="hint">
              {t('printer:done.printerFacts', {
                model: printer.model ?? unknown,
                address: printer.addresses[0] ?? unknown,
                firmware: printer.firmwareVersion ?? unknown,
              })}
            </p>
            <ul className="board-list">
              <CheckLine
                name={t(record?.sendingWay ? 'ways:setup.entered' : 'printer:done.signedIn')}
                result={record?.signedIn}
              />
              <CheckLine name={t('printer:done.statusSheet')} result={record?.statusSheet} />
            </ul>
            {record?.sendingWay?.way === 'relay-computer' && (
              // Not installed nor proven by the wizard: information, with what the printer needs.
              <p data-testid="done-way" data-state="info">
                {record.sendingWay.relay
                  ? t('ways:done.relay', {
                      server: `${record.sendingWay.relay.host}:${record.sendingWay.relay.port}`,
                    })
                  : t('ways:done.relayNoAddress')}
              </p>
            )}
            {record?.sendingWay && record.sendingWay.way !== 'relay-computer' && (
              <p data-testid="done-way" data-state={record.sendingWay.proof?.state ?? 'not-run'}>
                {record.sendingWay.proof?.state === 'passed'
                  ? t('ways:done.proven', {
                      way: t(`ways:ways.${record.sendingWay.way}.name`),
                      time: new Date(record.sendingWay.proof.at).toLocaleString(i18n.language),
                    })
                  : t('ways:done.notProven', {
                      way: t(`ways:ways.${record.sendingWay.way}.name`),
                    })}
              </p>
            )}
          </section>
        );
      })}
      {/* A printer on another way has no OAuth 2.0 sign-in that could lapse. */}
      {!onWays && (
        <section className="switch-card" aria-labelledby="done-attention-title">
          <h3 id="done-attention-title">{t('printer:done.attentionTitle')}</h3>
          <SignInLapse />
        </section>
      )}
      <section className="switch-card" aria-labelledby="done-report-title">
        <h3 id="done-report-title">{t('printer:done.reportTitle')}</h3>
        <p className="hint">{t('printer:done.reportHint')}</p>
        <p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void save('html')}
          >
            {busy ? t('printer:done.saving') : t('printer:done.saveReport')}
          </button>{' '}
          {appInfo.shell === 'electron' && (
            <button type="button" disabled={busy} onClick={() => void save('pdf')}>
              {t('printer:done.savePdf')}
            </button>
          )}
        </p>
        <div aria-live="polite">{saved && <p data-testid="report-saved">{saved}</p>}</div>
        {failure && <ProblemNotice problem={failure} />}
      </section>
    </StepFrame>
  );
}
