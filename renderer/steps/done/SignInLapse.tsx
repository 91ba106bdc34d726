import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReminderWords, ReportWords } from '../../../shared/contract/printer';
import { formatDay } from '../../../shared/dates';
import { isLanguage } from '../../../shared/model';
import { refreshTokenIdleDays, signInLapsesOn } from '../../../shared/printer-setup';
import type { Problem } from '../../../shared/problem';
import { printerLapses } from '../../../shared/sign-in-lapse';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { useTroubleshoot } from '../../troubleshoot/troubleshoot-store';
import { downloadFile } from './download';

const placeholders = { printer: '{{printer}}', date: '{{date}}', from: '{{from}}' };

/** The report's words for the lapse note; the main process fills in the printers and dates. */
export function lapseReportWords(t: TFunction<['printer', 'common']>): ReportWords {
  return {
    'lapse.rule': t('printer:lapse.rule', { count: refreshTokenIdleDays }),
    'lapse.basis.test-message': t('printer:lapse.basis.test-message', placeholders),
    'lapse.basis.signed-in': t('printer:lapse.basis.signed-in', placeholders),
    'lapse.basis.today': t('printer:lapse.basis.today', placeholders),
    'lapse.noPrinter': t('printer:lapse.noPrinter', placeholders),
    'lapse.ifLapsed': t('printer:lapse.ifLapsed'),
  };
}

/**
 * Done's note on the printer's sign-in: it lapses after 90 days without sending, the date for
 * each printer and what it is counted from, a calendar reminder (.ics) for a week before, and
 * the troubleshooter's explanation for when it did lapse.
 */
export function SignInLapse() {
  const { t, i18n } = useTranslation(['printer', 'common']);
  const client = useWizard((store) => store.client);
  const ask = useWizard((store) => store.ask);
  const { appInfo, progress } = useReadyState();
  const watches = useMainValue('testWatches');
  const explain = useTroubleshoot((store) => store.explain);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<Problem | null>(null);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lapses = printerLapses(
    progress,
    watches.status === 'ready' ? watches.value : {},
    new Date(),
  );

  const remind = async (): Promise<void> => {
    if (!client) return;
    const words: ReminderWords = {
      summary: t('printer:reminder.summary', placeholders),
      description: `${t('printer:reminder.rule', { count: refreshTokenIdleDays })}\n${t(
        'printer:reminder.description',
        placeholders,
      )}`,
      printerFallback: t('printer:reminder.printerFallback'),
    };
    const request = { words, language, timeZone };
    setBusy(true);
    setFailure(null);
    setSaved(null);
    if (appInfo.shell === 'electron') {
      const reply = await ask('saveSignInReminder', request);
      setBusy(false);
      if (reply.ok) setSaved(t('printer:lapse.saved', { path: reply.value.path }));
      else setFailure(reply.problem);
      return;
    }
    // Browser shell: the page downloads the calendar file the main process built.
    const reply = await ask('buildSignInReminder', request);
    setBusy(false);
    if (!reply.ok) return setFailure(reply.problem);
    downloadFile(reply.value.ics, 'text/calendar;charset=utf-8', reply.value.fileName);
    setSaved(t('printer:lapse.downloaded', { file: reply.value.fileName }));
  };

  return (
    <div className="sign-in-lapse" data-testid="sign-in-lapse">
      <p>{t('printer:lapse.rule', { count: refreshTokenIdleDays })}</p>
      {lapses.length > 0 ? (
        <ul>
          {lapses.map((lapse) => (
            <li key={lapse.printerId} data-printer={lapse.printerId} data-basis={lapse.basis}>
              {t(`printer:lapse.basis.${lapse.basis}`, {
                printer: lapse.printerName,
                date: formatDay(lapse.lapsesOn, language),
                from: formatDay(lapse.from, language),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {t('printer:lapse.noPrinter', {
            date: formatDay(signInLapsesOn(new Date().toISOString()), language),
          })}
        </p>
      )}
      <p className="hint">{t('printer:lapse.remindHint', { zone: timeZone })}</p>
      <p>
        <button type="button" disabled={busy} onClick={() => void remind()}>
          {t('printer:lapse.remind')}
        </button>
      </p>
      <div aria-live="polite">{saved && <p data-testid="reminder-saved">{saved}</p>}</div>
      {failure && <ProblemNotice problem={failure} />}
      <p>{t('printer:lapse.ifLapsed')}</p>
      <p>
        <button
          type="button"
          onClick={() => explain({ problemId: 'printer-sign-in-lapsed', data: {}, as: 'choice' })}
        >
          {t('printer:lapse.troubleshoot')}
        </button>
      </p>
    </div>
  );
}
