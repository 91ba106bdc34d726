/**
 * "Send a test from the printer": how to make this printer send one message to the signed-in
 * mailbox (the vendor's own words), from the account story's mailbox (the printer's own, or the
 * administrator's in the guide's way); then the wizard watches for it over Microsoft Graph
 * (Mail.ReadBasic, asked for here only) and says when it arrived, from whom, or that nothing
 * came. Without the permission the person says what they saw. Shared by "Set up the printer"
 * and "Check the status sheet"; everything it shows comes from the one store.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestWatch } from '../../shared/contract/delivery';
import { problem, type Problem } from '../../shared/problem';
import type { ChosenPrinter } from '../../shared/printers';
import type { VendorProfileId } from '../../shared/vendor-profiles';
import { useAccountStory } from '../account/account-story';
import { openExternal } from '../api/open-external';
import { ProblemNotice } from '../components/ProblemNotice';
import { useCurrentPrinter } from '../printer-journey/printer-journey';
import { useMainValue, useReadyState, useWizard } from '../store/wizard-store';
import { useTroubleshoot } from '../troubleshoot/troubleshoot-store';
import { clockTime, useOutcomeWords } from './outcome-words';

/** Vendors whose panel wording the locale files carry; the others get the generic steps. */
const vendorsWithSteps = new Set<VendorProfileId>(['epson']);

/** The message reached the mailbox: seen by the wizard, or by the person. */
export function isProved(watch: TestWatch): boolean {
  const outcome = watch.outcome;
  return outcome.state === 'arrived' || (outcome.state === 'seen-by-person' && outcome.arrived);
}

export function TestMessagePart({
  printer,
  vendor,
  leading = true,
}: {
  printer: ChosenPrinter;
  vendor: VendorProfileId;
  /** Whether watching is the screen's next action; false while a check above comes first. */
  leading?: boolean;
}) {
  const { t, i18n } = useTranslation(['delivery', 'ways']);
  const client = useWizard((store) => store.client);
  const ask = useWizard((store) => store.ask);
  const { appInfo, progress } = useReadyState();
  const watches = useMainValue('testWatches');
  const signIn = useMainValue('signIn');
  const pick = useCurrentPrinter((store) => store.pick);
  const showTroubleshooter = useTroubleshoot((store) => store.show);
  const outcomeWords = useOutcomeWords();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const [askedPermission, setAskedPermission] = useState(false);

  const watch = watches.status === 'ready' ? watches.value[printer.id] : undefined;
  const state = watch?.outcome.state;
  const account = signIn.status === 'ready' ? (signIn.value.account?.username ?? null) : null;
  const mailbox = watch?.mailbox || account || t('unknownMailbox');
  const code = watch?.code ?? '';
  const signInProblem = signIn.status === 'ready' ? signIn.value.problem : null;
  const declined = askedPermission && signInProblem?.id === 'signin-consent-declined';

  const result = watch ? outcomeWords(watch) : null;
  const story = useAccountStory();

  const start = async (): Promise<void> => {
    if (!client) return;
    setBusy(true);
    setFailure(null);
    const reply = await ask('startTestWatch', { printerId: printer.id });
    setBusy(false);
    if (!reply.ok) setFailure(reply.problem);
  };

  // Allowed in the browser: the sign-in changes; watch again at once (no second click).
  const signInPhase = signIn.status === 'ready' ? signIn.value.phase : null;
  const restartOnGrant = useRef(false);
  useEffect(() => {
    if (!restartOnGrant.current || signInPhase !== 'signed-in' || signInProblem) return;
    restartOnGrant.current = false;
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signInPhase, signInProblem]);

  const allow = async (): Promise<void> => {
    if (!client) return;
    setFailure(null);
    const reply = await ask('allowMailReading', {});
    if (!reply.ok) return setFailure(reply.problem);
    setAskedPermission(true);
    restartOnGrant.current = true;
    if (reply.value.via === 'page') window.open(reply.value.url, '_blank', 'noopener,noreferrer');
  };

  const stop = async (): Promise<void> => {
    if (!client) return;
    const reply = await ask('stopTestWatch', { printerId: printer.id });
    if (!reply.ok) setFailure(reply.problem);
  };

  const confirm = async (arrived: boolean): Promise<void> => {
    if (!client) return;
    const reply = await ask('confirmTestMessage', { printerId: printer.id, arrived });
    if (!reply.ok) setFailure(reply.problem);
  };

  const openPanel = async (): Promise<void> => {
    const panelPath = appInfo.practiceWorld?.printerPanelPath;
    if (!client || !printer.webConfigUrl || !panelPath) return;
    const reply = await openExternal(client, `${new URL(printer.webConfigUrl).origin}${panelPath}`);
    if (!reply.ok) setFailure(reply.problem);
  };

  const vendorKey = vendorsWithSteps.has(vendor) ? vendor : 'generic';
  const stepValues = { mailbox, code: code || t('codeLater') };
  // A printer on another way sends with the settings entered for it, not with a sign-in.
  const way = progress.printerSetup[printer.id]?.sendingWay?.way ?? null;
  // A Brother on a way: its Web Based Management's Send Test E-mail, with the way's settings.
  const onBrotherPage = way !== null && printer.vendor === 'brother';
  const steps = onBrotherPage
    ? Object.values(
        t('how.brotherWay', {
          returnObjects: true,
          mailbox,
          way: t(`ways:ways.${way}.name`),
        }) as Record<string, string>,
      )
    : Object.entries(
        t(`how.${vendorKey}`, { returnObjects: true, ...stepValues }) as Record<string, string>,
      ).map(([key, step]) =>
        key === 'start' && way ? t('startByWay', { way: t(`ways:ways.${way}.name`) }) : step,
      );
  // The sender expected: the watch's, or before it starts the account story's mailbox (a
  // printer on another way sends with its own settings: known once the watch reads its sheet).
  const sender = watch?.expectedSender ?? (way ? null : story.mailbox);
  const settled = watch && !['watching', 'needs-permission'].includes(watch.outcome.state);
  const proved = watch ? isProved(watch) : false;
  const nextPrinter = proved
    ? progress.printers.find((item) => {
        if (item.id === printer.id) return false;
        const other = watches.status === 'ready' ? watches.value[item.id] : undefined;
        return other?.outcome.state !== 'arrived';
      })
    : undefined;

  return (
    <section
      className="switch-card"
      aria-labelledby="test-message-title"
      data-testid="test-message-part"
    >
      <h3 id="test-message-title">{t('title')}</h3>
      {sender ? (
        <p data-testid="test-message-mailboxes">
          {t('watchedMailboxes', { printer: printer.name, mailbox, sender })}
        </p>
      ) : (
        <p>{t('intro', { printer: printer.name, mailbox })}</p>
      )}
      <ol className="vendor-steps" data-testid="test-message-steps">
        {Array.isArray(steps) && steps.map((step, index) => <li key={index}>{String(step)}</li>)}
      </ol>
      {appInfo.practiceWorld && printer.webConfigUrl && (
        <p>
          <button type="button" onClick={() => void openPanel()}>
            {/* A Brother on a way sends its test from its web page, not a control panel. */}
            {t(onBrotherPage ? 'practiceBrotherPage' : 'practicePanel')}
          </button>
        </p>
      )}
      <details className="hint">
        <summary>{t('permission.title')}</summary>
        <p>{t('permission.why')}</p>
        <p>{t('permission.without')}</p>
      </details>
      <p>
        <button
          type="button"
          className={leading ? 'primary' : undefined}
          disabled={busy || state === 'watching'}
          onClick={() => void start()}
        >
          {watch ? t('watchAgain') : t('watch')}
        </button>{' '}
        {state === 'watching' && (
          <button type="button" onClick={() => void stop()}>
            {t('stop')}
          </button>
        )}
      </p>
      {failure && <ProblemNotice problem={failure} />}
      {failure?.id === 'signin-not-signed-in' && (
        // A printer on another way signs in to nothing, but reading the mailbox needs a sign-in.
        <div data-testid="test-message-sign-in">
          <p>{t('signInToWatchWhy')}</p>
          <p>
            <button type="button" className="primary" onClick={() => void allow()}>
              {t('signInToWatch')}
            </button>
          </p>
        </div>
      )}

      <div aria-live="polite" data-testid="test-message-state">
        {watch && state === 'watching' && (
          <p className="hint">
            {t('state.watching', {
              mailbox: watch.mailbox,
              sender: watch.expectedSender,
              until: clockTime(watch.endsAt, i18n.language),
              code: watch.code,
            })}
          </p>
        )}
        {watch && state === 'needs-permission' && (
          <div className="notice notice-info" data-testid="test-message-permission">
            <p className="notice-title">{t('state.needsPermission')}</p>
            <p>{t('permission.why')}</p>
            {declined && <p>{t('state.declined')}</p>}
            <p>
              <button type="button" className="primary" onClick={() => void allow()}>
                {t('permission.allow')}
              </button>
            </p>
            <p>{t('state.askPerson', { mailbox: watch.mailbox, code: watch.code })}</p>
            <p>
              <button type="button" onClick={() => void confirm(true)}>
                {t('confirm.arrived')}
              </button>{' '}
              <button type="button" onClick={() => void confirm(false)}>
                {t('confirm.notArrived')}
              </button>
            </p>
          </div>
        )}
        {watch && settled && result && (
          <div
            className={`notice notice-${proved ? 'success' : state === 'stopped' ? 'info' : 'error'}`}
            data-testid="test-message-result"
            data-outcome={state}
          >
            <p className="notice-title">{result}</p>
            {state === 'arrived' && (
              <p>
                {t('result.delay', {
                  count: watch.outcome.state === 'arrived' ? watch.outcome.delaySeconds : 0,
                })}
              </p>
            )}
            {state === 'wrong-sender' && (
              <p>{t('next.wrongSender', { expected: watch.expectedSender })}</p>
            )}
            {(state === 'nothing-arrived' ||
              (state === 'seen-by-person' && !proved) ||
              state === 'wrong-sender') && (
              <>
                <p>{t('next.title')}</p>
                <ul>
                  <li>
                    {t('next.jobLog')}{' '}
                    <button type="button" onClick={() => showTroubleshooter()}>
                      {t('next.troubleshoot')}
                    </button>
                  </li>
                  <li>{t('next.currentStatus')}</li>
                  <li>
                    {t('next.sender', { expected: watch.expectedSender, mailbox: watch.mailbox })}
                  </li>
                  <li>{t('next.junk', { mailbox: watch.mailbox })}</li>
                </ul>
              </>
            )}
          </div>
        )}
        {watch?.outcome.state === 'failed' && (
          <ProblemNotice
            problem={problem(watch.outcome.problemId as never, watch.outcome.data ?? {})}
          />
        )}
        {nextPrinter && (
          <p>
            <button type="button" className="primary" onClick={() => pick(nextPrinter.id)}>
              {t('nextPrinter', { printer: nextPrinter.name })}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
