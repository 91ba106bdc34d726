import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeSetup } from '../../../shared/contract/exchange';
import type { SignInStatus } from '../../../shared/contract/signin';
import {
  answersFromReading,
  expectedValues,
  fieldAlternatives,
  judgeSheet,
  practiceStatusSheetPath,
  statusFieldIds,
  type FieldAnswer,
  type StatusExpectations,
  type StatusFieldId,
} from '../../../shared/printer-setup';
import { problem, type Problem } from '../../../shared/problem';
import { openExternal } from '../../api/open-external';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';
import { useExchangeSetup } from '../prepare-exchange/exchange-ui';
import {
  PrinterPicker,
  useCurrentPrinter,
  usePrinterJourney,
  useSignInStatus,
  useVendorLabels,
} from '../set-up-printer/printer-journey';

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
    </li>
  );
}

/** What the sheet must show, from the Exchange setup and the wizard's sign-in. */
function statusExpectations(
  setup: ExchangeSetup | null,
  signIn: SignInStatus | null,
): StatusExpectations {
  return {
    personal: setup?.personal ?? false,
    mailbox: signIn?.account?.username ?? null,
    smtpHost: setup?.smtpHost ?? '',
    smtpPort: setup?.smtpPort ?? 587,
  };
}

/**
 * "Check the status sheet": where to see the email server status on the printer, then each
 * line compared with what it must show; a mismatch names its fix and the screen to go back to.
 * In practice mode the practice printer's own sheet can be read to fill the list.
 */
export function StatusSheetStep() {
  // One sheet per printer: what was read or went wrong for one does not show on the next.
  const { printer } = usePrinterJourney();
  return <PrinterStatusSheet key={printer?.id ?? ''} />;
}

function PrinterStatusSheet() {
  const { t } = useTranslation('printer');
  const client = useWizard((store) => store.client);
  const goTo = useWizard((store) => store.goTo);
  const { appInfo, progress } = useReadyState();
  const { printers, printer, profile, record, update } = usePrinterJourney();
  const pick = useCurrentPrinter((store) => store.pick);
  const labels = useVendorLabels(profile);
  const setup = useExchangeSetup();
  const signIn = useSignInStatus();
  const [reading, setReading] = useState<'idle' | 'reading' | 'done'>('idle');
  const [readProblem, setReadProblem] = useState<Problem | null>(null);

  if (!printer || !profile) {
    return (
      <StepFrame step="status-sheet">
        <p>{t('setup.noPrinters')}</p>
      </StepFrame>
    );
  }
  const vendor = `vendors.${profile.id}`;
  const expect = statusExpectations(setup, signIn);
  const expected = expectedValues(expect);
  const shownExpected = (field: StatusFieldId): string => {
    const word = translatedValues[field];
    if (word) return t(`sheet.values.${word}`);
    return expected[field] || t('sheet.values.unknownMailbox');
  };
  const fieldLabel = (field: StatusFieldId): string => {
    const key = profile.statusFieldLabels[field];
    return key ? t(`${vendor}.labels.${key}`) : t(`sheet.fields.${field}`);
  };
  const { verdicts, result } = judgeSheet(record.answers);
  const unanswered = verdicts.filter((verdict) => verdict.state === 'unanswered').length;

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
    // The sheet is judged against the sign-in and Exchange setup as they are now, asked for
    // afresh: the step's own copies may still be on their way (a slow keychain), and a sheet
    // judged against "no mailbox yet" would be saved as a mismatch.
    const [reply, setupNow, signInNow] = await Promise.all([
      client.invoke('readPracticeStatusSheet', { printerId: printer.id }),
      client.invoke('getExchangeSetup', {}),
      client.invoke('getSignInStatus', {}),
    ]);
    if (!reply.ok || !setupNow.ok || !signInNow.ok) {
      const failed = [reply, setupNow, signInNow].find((item) => !item.ok);
      setReading('idle');
      setReadProblem(failed && !failed.ok ? failed.problem : null);
      return;
    }
    save(answersFromReading(reply.value, statusExpectations(setupNow.value, signInNow.value)));
    setReading('done');
  };

  const openPracticeSheet = async (): Promise<void> => {
    if (!client || !printer.webConfigUrl) return;
    const reply = await openExternal(
      client,
      `${new URL(printer.webConfigUrl).origin}${practiceStatusSheetPath}`,
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
        {appInfo.practice && printer.vendor === 'epson' && (
          <p>
            <button
              type="button"
              className="primary"
              disabled={reading === 'reading'}
              onClick={() => void readPracticeSheet()}
            >
              {reading === 'reading' ? t('sheet.practiceReading') : t('sheet.practiceRead')}
            </button>{' '}
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

      <section className="switch-card" aria-labelledby="sheet-list-title">
        <h3 id="sheet-list-title">{t('sheet.listTitle')}</h3>
        <p>
          <button
            type="button"
            onClick={() =>
              save(Object.fromEntries(statusFieldIds.map((field) => [field, 'match'])))
            }
          >
            {t('sheet.allMatch')}
          </button>
        </p>
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
        <div aria-live="polite">
          {unanswered > 0 && <p className="hint">{t('sheet.unanswered', { count: unanswered })}</p>}
          {result?.state === 'passed' && (
            <div className="notice notice-success" data-testid="status-sheet-passed">
              <p className="notice-title">{t('sheet.passed', { printer: printer.name })}</p>
            </div>
          )}
          {nextPrinter && (
            <p>
              <button type="button" className="primary" onClick={() => pick(nextPrinter.id)}>
                {t('sheet.nextPrinter', { printer: nextPrinter.name })}
              </button>
            </p>
          )}
        </div>
        {failedOnSetupScreen && (
          <p>
            <button type="button" onClick={() => goTo('set-up-printer')}>
              {t('sheet.goBack')}
            </button>
          </p>
        )}
      </section>
    </StepFrame>
  );
}
