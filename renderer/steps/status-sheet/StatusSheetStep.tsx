import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendingMailbox } from '../../../shared/account-story';
import type { ExchangeSetup } from '../../../shared/contract/exchange';
import type { SignInStatus } from '../../../shared/contract/signin';
import {
  answersFromReading,
  expectedValues,
  fieldAlternatives,
  judgeSheet,
  statusFieldIds,
  type FieldAnswer,
  type StatusExpectations,
  type StatusFieldId,
} from '../../../shared/printer-setup';
import type { PrinterAccount } from '../../../shared/model';
import { problem, type Problem } from '../../../shared/problem';
import { openExternal } from '../../api/open-external';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TestMessagePart } from '../../delivery/TestMessagePart';
import {
  useCurrentPrinter,
  usePrinterJourney,
  useVendorLabels,
  type PrinterJourney,
} from '../../printer-journey/printer-journey';
import { PrinterPicker } from '../../printer-journey/PrinterPicker';
import type { Loadable } from '../../store/loadable';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';
import { WaySettings } from '../../printer-journey/WaySettings';
import type { SendingWayChoice } from '../../../shared/sending-ways';

/** Fields whose value is a word the printer shows in the user's language. */
const translatedValues: Partial<Record<StatusFieldId, string>> = {
  'current-status': 'signed-in',
  'certificate-validation': 'enable',
};

function FieldCheck({
  field,
  label,
  expected,
  answer,
  onAnswer,
}: {
  field: StatusFieldId;
  label: string;
  expected: string;
  answer: FieldAnswer | undefined;
  onAnswer(answer: FieldAnswer): void;
}) {
  const { t } = useTranslation('printer');
  const name = useId();
  const verdict = answer === undefined ? null : judgeSheet({ [field]: answer }).verdicts;
  const mismatch = verdict?.find((item) => item.field === field && item.problemId);
  return (
    <li
      className={`sheet-field sheet-${answer === undefined ? 'open' : answer === 'match' ? 'match' : 'other'}`}
      data-field={field}
    >
      <fieldset className="plain">
        <legend>
          <strong>{label}</strong>{' '}
          <span className="hint">{t('sheet.expected', { value: expected })}</span>
        </legend>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={answer === 'match'}
            onChange={() => onAnswer('match')}
          />
          <span>{t('sheet.matches')}</span>
        </label>
        <span className="hint">{t('sheet.shows')}</span>
        {fieldAlternatives[field].map((alternative) => (
          <label key={alternative} className="choice">
            <input
              type="radio"
              name={name}
              checked={answer === alternative}
              onChange={() => onAnswer(alternative)}
            />
            <span>{t(`sheet.alternatives.${alternative}`)}</span>
          </label>
        ))}
      </fieldset>
      {mismatch?.problemId && <ProblemNotice problem={problem(mismatch.problemId as never)} />}
      {mismatch && (field === 'authenticated-account' || field === 'sender-address') && (
        // Another account on the printer: the way back names the account story's mailbox.
        <p className="notice notice-info" data-testid="account-way-back">
          {t('sheet.wayBack', { mailbox: expected })}
        </p>
      )}
    </li>
  );
}

/**
 * What the sheet must show, from the Exchange setup and the wizard's sign-in; null until both
 * are known (a sheet judged against "no mailbox yet" would read as a mismatch).
 */
function statusExpectations(
  setup: Loadable<ExchangeSetup>,
  signIn: Loadable<SignInStatus>,
  account: PrinterAccount,
): StatusExpectations | null {
  if (setup.status !== 'ready' || signIn.status !== 'ready') return null;
  return {
    personal: setup.value.personal,
    // The account story's mailbox (the printer's own, or the signed-in account in the guide's way).
    mailbox: sendingMailbox(account, signIn.value.account?.username ?? null),
    smtpHost: setup.value.smtpHost,
    smtpPort: setup.value.smtpPort,
  };
}

/**
 * "Check the status sheet": where to see the email server status on the printer, then each
 * line compared with what it must show; a mismatch names its fix and the screen to go back to.
 * In practice mode the practice printer's own sheet can be read from its web page to fill the list.
 */
export function StatusSheetStep() {
  const { t } = useTranslation('printer');
  const journey = usePrinterJourney();
  if (journey.kind === 'no-printer') {
    return (
      <StepFrame step="status-sheet">
        <p>{t('setup.noPrinters')}</p>
      </StepFrame>
    );
  }
  // One sheet per printer: what was read or went wrong for one does not show on the next.
  return <PrinterStatusSheet key={journey.printer.id} journey={journey} />;
}

function PrinterStatusSheet({
  journey,
}: {
  journey: Extract<PrinterJourney, { kind: 'printer' }>;
}) {
  const { t } = useTranslation('printer');
  const client = useWizard((store) => store.client);
  const ask = useWizard((store) => store.ask);
  const goTo = useWizard((store) => store.goTo);
  const fresh = useWizard((store) => store.fresh);
  const { appInfo, progress } = useReadyState();
  const { printers, printer, profile, record, update } = journey;
  const pick = useCurrentPrinter((store) => store.pick);
  const labels = useVendorLabels(profile);
  const setup = useMainValue('exchangeSetup');
  const signIn = useMainValue('signIn');
  const [reading, setReading] = useState<'idle' | 'reading' | 'done'>('idle');
  const [readProblem, setReadProblem] = useState<Problem | null>(null);

  const vendor = `vendors.${profile.id}`;
  const expect = statusExpectations(setup, signIn, progress.printerAccount);
  const expected = expect ? expectedValues(expect) : null;
  const shownExpected = (field: StatusFieldId): string => {
    const word = translatedValues[field];
    if (word) return t(`sheet.values.${word}`);
    if (!expected) return t('signin:loading');
    return expected[field] || t('sheet.values.unknownMailbox');
  };
  const fieldLabel = (field: StatusFieldId): string => {
    const key = profile.statusFieldLabels[field];
    return key ? t(`${vendor}.labels.${key}`) : t(`sheet.fields.${field}`);
  };
  const { verdicts, result } = judgeSheet(record.answers);
  const unanswered = verdicts.filter((verdict) => verdict.state === 'unanswered').length;
  // "Does it match?" first; the line-by-line comparison only once something differs: the
  // person says so, a line was marked other than matching, or a comparison was left half done.
  const [compareAsked, setCompareAsked] = useState(false);
  const answered = statusFieldIds.length - unanswered;
  const comparing =
    compareAsked ||
    Object.values(record.answers).some((answer) => answer !== 'match') ||
    (answered > 0 && unanswered > 0);
  const practiceSheetReadable =
    !record.sendingWay &&
    appInfo.practiceWorld?.webConfigOf === profile.id &&
    Boolean(profile.statusSheetPage);

  const save = (answers: Partial<Record<StatusFieldId, FieldAnswer>>): void => {
    const judged = judgeSheet(answers).result;
    update((current) => ({
      ...current,
      answers,
      statusSheet: judged ? { ...judged, at: new Date().toISOString() } : null,
    }));
  };

  const readPracticeSheet = async (): Promise<void> => {
    if (!client) return;
    setReadProblem(null);
    setReading('reading');
    // Judged against the sign-in and Exchange setup as main has them now (never against a
    // value still on its way: that would save a sheet as a mismatch).
    const [reply, setupNow, signInNow] = await Promise.all([
      ask('readStatusSheet', { printerId: printer.id }),
      fresh('exchangeSetup'),
      fresh('signIn'),
    ]);
    const expectNow = statusExpectations(setupNow, signInNow, progress.printerAccount);
    if (!reply.ok || !expectNow) {
      setReading('idle');
      setReadProblem(
        !reply.ok
          ? reply.problem
          : setupNow.status === 'failed'
            ? setupNow.problem
            : signInNow.status === 'failed'
              ? signInNow.problem
              : null,
      );
      return;
    }
    save(answersFromReading(reply.value, expectNow));
    setReading('done');
  };

  const openPracticeSheet = async (): Promise<void> => {
    if (!client || !printer.webConfigUrl || !profile.statusSheetPage) return;
    const reply = await openExternal(
      client,
      `${new URL(printer.webConfigUrl).origin}${profile.statusSheetPage}`,
    );
    if (!reply.ok) setReadProblem(reply.problem);
  };

  const failedOnSetupScreen = verdicts.some((verdict) => verdict.state === 'failed');
  // Several printers: once this sheet matches, offer the next one whose sheet does not yet.
  const nextPrinter =
    result?.state === 'passed'
      ? printers.find(
          (item) =>
            item.id !== printer.id &&
            progress.printerSetup[item.id]?.statusSheet?.state !== 'passed',
        )
      : undefined;

  return (
    <StepFrame step="status-sheet">
      <p>{t('sheet.intro')}</p>
      <PrinterPicker showing="statusSheet" />
      <section className="switch-card" aria-labelledby="sheet-how-title">
        <h3 id="sheet-how-title">{t('sheet.howTitle')}</h3>
        <ul>
          {profile.statusPaths.map((path) => (
            <li key={path}>
              {t(
                `${vendor}.statusPaths.${path}`,
                labels(profile.settingsPath.concat(['tokenStatus', 'status'])),
              )}
            </li>
          ))}
        </ul>
        {/* A practice printer of the make whose sheet page the wizard reads (real printers' page
            layout is not captured yet: shared/vendor-profiles.ts). */}
        {appInfo.practiceWorld?.webConfigOf === profile.id && profile.statusSheetPage && (
          <p>
            {/* Read against the OAuth 2.0 lines; a printer on another way is compared as a whole. */}
            {!record.sendingWay && (
              <>
                <button
                  type="button"
                  className={result?.state === 'passed' ? undefined : 'primary'}
                  disabled={reading === 'reading'}
                  onClick={() => void readPracticeSheet()}
                >
                  {reading === 'reading' ? t('sheet.practiceReading') : t('sheet.practiceRead')}
                </button>{' '}
              </>
            )}
            <button type="button" onClick={() => void openPracticeSheet()}>
              {t('sheet.practiceOpen')}
            </button>
          </p>
        )}
        <div aria-live="polite">
          {reading === 'done' && <p className="hint">{t('sheet.practiceReadDone')}</p>}
        </div>
        {readProblem && <ProblemNotice problem={readProblem} />}
      </section>

      {record.sendingWay ? (
        <SendingWaySheet way={record.sendingWay} journey={journey} />
      ) : (
        <section className="switch-card" aria-labelledby="sheet-list-title">
          {comparing ? (
            <>
              <h3 id="sheet-list-title">{t('sheet.listTitle')}</h3>
              <p>{t('sheet.compareIntro')}</p>
              <ul className="sheet-fields">
                {statusFieldIds.map((field) => (
                  <FieldCheck
                    key={field}
                    field={field}
                    label={fieldLabel(field)}
                    expected={shownExpected(field)}
                    answer={record.answers[field]}
                    onAnswer={(answer) => save({ ...record.answers, [field]: answer })}
                  />
                ))}
              </ul>
            </>
          ) : (
            <>
              <h3 id="sheet-list-title">{t('sheet.matchTitle')}</h3>
              <dl className="sheet-expected" data-testid="sheet-expected">
                {statusFieldIds.map((field) => (
                  <div key={field} data-field={field}>
                    <dt>{fieldLabel(field)}</dt>
                    <dd>{shownExpected(field)}</dd>
                  </div>
                ))}
              </dl>
              <p>
                <button
                  type="button"
                  className={
                    practiceSheetReadable || result?.state === 'passed' ? undefined : 'primary'
                  }
                  onClick={() =>
                    save(Object.fromEntries(statusFieldIds.map((field) => [field, 'match'])))
                  }
                >
                  {t('sheet.allMatch')}
                </button>{' '}
                <button type="button" onClick={() => setCompareAsked(true)}>
                  {t('sheet.somethingDiffers')}
                </button>
              </p>
            </>
          )}
          <div aria-live="polite">
            {comparing && unanswered > 0 && (
              <p className="hint">{t('sheet.unanswered', { count: unanswered })}</p>
            )}
            {result?.state === 'passed' && (
              <div className="notice notice-success" data-testid="status-sheet-passed">
                <p className="notice-title">{t('sheet.passed', { printer: printer.name })}</p>
              </div>
            )}
            {/* Secondary: this printer's test scan (below) comes first, and offers it again. */}
            {nextPrinter && (
              <p>
                <button type="button" onClick={() => pick(nextPrinter.id)}>
                  {t('sheet.nextPrinter', { printer: nextPrinter.name })}
                </button>
              </p>
            )}
          </div>
          {failedOnSetupScreen && (
            <p>
              <button type="button" className="primary" onClick={() => goTo('set-up-printer')}>
                {t('sheet.goBack')}
              </button>
            </p>
          )}
        </section>
      )}
      {/* One next action: the test scan leads once the sheet matches. */}
      <TestMessagePart
        printer={printer}
        vendor={profile.id}
        leading={record.statusSheet?.state === 'passed'}
      />
    </StepFrame>
  );
}

/**
 * A printer that sends another way (no OAuth 2.0 sign-in): the sheet's sign-in lines do not
 * apply, so its email server lines are compared with the way's settings as a whole; the test
 * message below is what proves the printer's own mail arrives.
 */
function SendingWaySheet({
  way,
  journey,
}: {
  way: SendingWayChoice;
  journey: Extract<PrinterJourney, { kind: 'printer' }>;
}) {
  const { t } = useTranslation(['printer', 'ways']);
  const goTo = useWizard((store) => store.goTo);
  const { printer, record, update } = journey;
  const matched = record.statusSheet?.state === 'passed';
  return (
    <>
      <WaySettings way={way} record={record} vendor={printer.vendor} />
      <section className="switch-card" aria-labelledby="sheet-way-title">
        <h3 id="sheet-way-title">{t('sheet.sendingWayTitle')}</h3>
        <p>
          {t('sheet.sendingWayIntro', {
            printer: printer.name,
            way: t(`ways:ways.${way.way}.name`),
          })}
        </p>
        <p>
          <button
            type="button"
            className={matched ? undefined : 'primary'}
            onClick={() =>
              update((current) => ({
                ...current,
                statusSheet: { state: 'passed', at: new Date().toISOString() },
              }))
            }
          >
            {t('sheet.sendingWayMatches')}
          </button>{' '}
          <button type="button" onClick={() => goTo('set-up-printer')}>
            {t('sheet.sendingWayDiffers')}
          </button>
        </p>
        <div aria-live="polite">
          {matched && (
            <div className="notice notice-success" data-testid="status-sheet-passed">
              <p className="notice-title">{t('sheet.passed', { printer: printer.name })}</p>
            </div>
          )}
        </div>
      </section>
    </>
  );
}
