import { SmtpConsentProof } from '../../checks/SmtpConsentProof';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendingMailbox } from '../../../shared/account-story';
import { problem, type Problem } from '../../../shared/problem';
import type { ChosenPrinter } from '../../../shared/printers';
import { useAccountStory } from '../../account/account-story';
import { openExternal } from '../../api/open-external';
import { ProblemNotice } from '../../components/ProblemNotice';
import { TestMessagePart } from '../../delivery/TestMessagePart';
import {
  useCurrentPrinter,
  usePrinterJourney,
  useVendorLabels,
  type PrinterJourney,
} from '../../printer-journey/printer-journey';
import { OauthVerdict } from '../../printer-journey/OauthVerdict';
import { PrinterPicker } from '../../printer-journey/PrinterPicker';
import { WaySettings } from '../../printer-journey/WaySettings';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';

type Reachability =
  | { state: 'checking' }
  | { state: 'answers'; address: string }
  | { state: 'gone'; problem: Problem };

/**
 * Whether the chosen printer still answers, as main last found (its last run, kept when the
 * person leaves the step). The step asks once as it opens; "Find it again" asks main to search
 * the network first; a printer that moved keeps its new address (main does all of it).
 */
function useReachability(printer: ChosenPrinter) {
  const checkPrinterReach = useWizard((store) => store.checkPrinterReach);
  const runs = useMainValue('checkRuns');
  const [asked, setAsked] = useState<string | null>(null);
  const id = printer.id;
  // Until this visit's first answer, "checking" (not what an earlier visit found).
  useEffect(() => {
    void checkPrinterReach(id, false).then(() => setAsked(id));
  }, [id, checkPrinterReach]);
  const run = runs.status === 'ready' ? runs.value.printers[id] : undefined;
  const reach: Reachability =
    asked !== id || !run || run.state === 'running'
      ? { state: 'checking' }
      : run.state === 'done'
        ? { state: 'answers', address: run.result.address }
        : { state: 'gone', problem: run.problem };
  const findAgain = async (): Promise<void> => {
    await checkPrinterReach(id, true);
  };
  return { reach, findAgain };
}

/**
 * "Set up the printer": open the printer's Web Config and follow its screens, each setting
 * named as the printer shows it in the user's language, with the account to sign in with.
 */
export function SetUpPrinterStep() {
  const { t } = useTranslation('printer');
  const goTo = useWizard((store) => store.goTo);
  const journey = usePrinterJourney();
  if (journey.kind === 'no-printer') {
    return (
      <StepFrame step="set-up-printer">
        <p>{t('setup.noPrinters')}</p>
        <p>
          <button type="button" className="primary" onClick={() => goTo('find-printer')}>
            {t('setup.findPrinter')}
          </button>
        </p>
      </StepFrame>
    );
  }
  return <PrinterSetUp journey={journey} />;
}

function PrinterSetUp({ journey }: { journey: Extract<PrinterJourney, { kind: 'printer' }> }) {
  const { t } = useTranslation('printer');
  const { t: tWays } = useTranslation('ways');
  const client = useWizard((store) => store.client);
  const goTo = useWizard((store) => store.goTo);
  const goNext = useWizard((store) => store.goNext);
  const fresh = useWizard((store) => store.fresh);
  const { appInfo, progress } = useReadyState();
  const { printers, printer, profile, record, update } = journey;
  const pick = useCurrentPrinter((store) => store.pick);
  const labels = useVendorLabels(profile);
  const signIn = useMainValue('signIn');
  const { reach, findAgain } = useReachability(printer);
  const [openProblem, setOpenProblem] = useState<Problem | null>(null);
  const [notSignedIn, setNotSignedIn] = useState(false);
  // One primary button: opening Web Config until it is open (or the printer is signed in), then
  // confirming what it shows.
  const [opened, setOpened] = useState(false);
  const confirmIsNext = opened || record.signedIn?.state === 'passed';

  const vendor = `vendors.${profile.id}`;
  const pageName = t(`${vendor}.labels.${profile.webPageLabel}`);
  // Not known yet is not "not signed in": the account line waits for the answer.
  const known = signIn.status === 'ready' ? signIn.value.account : null;
  const story = useAccountStory();
  // The account story's mailbox: the printer's own, or (the guide's way) the signed-in account.
  const account = story.mailbox;
  const consentRole = known?.role.state;
  // A printer that keeps sending another way: its own email settings, no sign-in on it.
  const way = record.sendingWay ?? null;
  const status = way ? tWays('setup.entered') : t(`${vendor}.labels.${profile.signedInLabel}`);
  // A practice printer with the Web Config the practice world imitates (its password is the host's).
  const practicePrinter =
    appInfo.practiceWorld?.webConfigOf === profile.id ? appInfo.practiceWorld : null;

  const open = async (url = printer.webConfigUrl): Promise<void> => {
    setOpenProblem(null);
    if (!client || !url) return;
    const reply = await openExternal(client, url);
    if (!reply.ok) setOpenProblem(reply.problem);
    else setOpened(true);
  };

  const confirm = async (signedIn: boolean): Promise<void> => {
    setNotSignedIn(!signedIn);
    // The account as main has it now, not as last shown.
    const now = signedIn ? await fresh('signIn') : signIn;
    const signedInAs = sendingMailbox(
      progress.printerAccount,
      now.status === 'ready' ? now.value.account?.username : known?.username,
    );
    update((current) => ({
      ...current,
      signedIn: {
        state: signedIn ? 'passed' : 'failed',
        at: new Date().toISOString(),
        ...(signedIn
          ? // On a way, the address it sends from (as the signed-in mailbox is for OAuth).
            { summary: (way ? way.sender || null : signedInAs) ?? undefined }
          : { problemId: 'printer-sign-in-failed' }),
      },
    }));
    // Several printers: go on with the next one that is not signed in yet; after the last
    // one, on to its status sheet.
    if (signedIn) {
      const next = printers.find(
        (item) =>
          item.id !== printer.id && progress.printerSetup[item.id]?.signedIn?.state !== 'passed',
      );
      if (next) pick(next.id);
      else goNext();
    }
  };

  return (
    <StepFrame step="set-up-printer">
      <p>{t('setup.intro')}</p>
      <PrinterPicker showing="signedIn" />
      <section className="switch-card" aria-labelledby="printer-open-title">
        <h3 id="printer-open-title">{printer.name}</h3>
        <div aria-live="polite">
          {reach.state === 'checking' && <p className="hint">{t('setup.checking')}</p>}
          {reach.state === 'answers' && (
            <p data-testid="printer-answers">{t('setup.answers', { address: reach.address })}</p>
          )}
        </div>
        {reach.state === 'gone' && (
          <>
            <ProblemNotice problem={reach.problem} />
            <p>
              <button type="button" onClick={() => void findAgain()}>
                {t('setup.findAgain')}
              </button>
            </p>
          </>
        )}
        {printer.webConfigUrl ? (
          <p>
            <button
              type="button"
              className={confirmIsNext ? undefined : 'primary'}
              onClick={() => void open()}
            >
              {t('setup.openWebConfig', {
                // Brother calls its page Web Based Management (its own name, every language).
                page:
                  printer.vendor === 'brother'
                    ? tWays('setup.brother.page')
                    : t(`${vendor}.labels.${profile.openLabel ?? profile.webPageLabel}`),
              })}
            </button>{' '}
            <span className="hint">{t('setup.address', { address: printer.webConfigUrl })}</span>
          </p>
        ) : (
          <ProblemNotice problem={problem('printer-no-web-config')} />
        )}
        {openProblem && <ProblemNotice problem={openProblem} />}
        <OauthVerdict
          printerId={printer.id}
          facts={{
            vendor: printer.vendor,
            model: printer.model,
            firmware: printer.firmwareVersion,
          }}
          chosen
          onOpen={(url) => void open(url)}
        />
      </section>

      {way && <WaySettings way={way} record={record} vendor={printer.vendor} />}
      {!way && (
        <section className="switch-card" aria-labelledby="printer-steps-title">
          <h3 id="printer-steps-title">{t('setup.stepsTitle', { page: pageName })}</h3>
          <ol className="vendor-steps">
            {profile.steps.map((step) => (
              <li key={step.id} data-step={step.id}>
                {t(`${vendor}.steps.${step.id}`, labels(step.labels))}
                {step.kind === 'login' && (
                  <ul className="hint-list">
                    {practicePrinter && (
                      <li>
                        {t('setup.practicePassword', {
                          password: practicePrinter.printerAdminPassword,
                        })}
                      </li>
                    )}
                    {profile.passwordHints.map((hint) => (
                      <li key={hint}>{t(`${vendor}.passwordHints.${hint}`)}</li>
                    ))}
                  </ul>
                )}
                {step.id === 'account' || (step.kind === 'code' && profile.id !== 'epson') ? (
                  <p className="account-to-use" data-testid="account-to-use">
                    {account
                      ? story.way === 'own-mailbox'
                        ? t('setup.accountOwn', {
                            account,
                            admin: story.consentedBy ?? t('setup.anAdministrator'),
                          })
                        : t('setup.account', { account })
                      : signIn.status === 'loading'
                        ? t('signin:loading')
                        : t('setup.accountUnknown')}
                  </p>
                ) : null}
                {step.kind === 'consent' &&
                  account &&
                  story.way !== 'own-mailbox' &&
                  consentRole &&
                  consentRole !== 'can-consent' &&
                  consentRole !== 'not-needed' && (
                    <p className="hint">{t('setup.accountConsent')}</p>
                  )}
              </li>
            ))}
          </ol>
          {signIn.status === 'ready' && (!account || story.stage !== 'ready') && (
            <p>
              <button type="button" onClick={() => goTo('sign-in')}>
                {account ? t('setup.signInAs', { account }) : t('setup.signInLink')}
              </button>
            </p>
          )}
          <h4>{t('setup.notesTitle')}</h4>
          <ul>
            {profile.notes.map((note) => (
              <li key={note}>
                {t(`${vendor}.notes.${note}`, labels(['caCertificate', 'rootCertificateUpdate']))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="switch-card" aria-labelledby="printer-confirm-title">
        <h3 id="printer-confirm-title">{t('setup.confirmTitle', { page: pageName })}</h3>
        <p>
          <button
            type="button"
            className={confirmIsNext ? 'primary' : undefined}
            onClick={() => void confirm(true)}
          >
            {way ? status : t('setup.confirmSignedIn', { status })}
          </button>{' '}
          <button type="button" onClick={() => void confirm(false)}>
            {t('setup.confirmNot')}
          </button>
        </p>
        <div aria-live="polite">
          {record.signedIn?.state === 'passed' && (
            <div className="notice notice-success" data-testid="printer-signed-in">
              <p className="notice-title">
                {t('setup.signedInRecorded', { printer: printer.name })}
              </p>
            </div>
          )}
        </div>
        {/* Whose app holds consent for SMTP.Send matters only to a printer that signs in. */}
        {!way && <SmtpConsentProof />}
        {notSignedIn && (
          <>
            <p>{t('setup.notSignedInHelp')}</p>
            <p>
              <button type="button" onClick={() => goTo('verify-tenant')}>
                {t('setup.verifyLink')}
              </button>
            </p>
          </>
        )}
      </section>
      {record.signedIn?.state === 'passed' && (
        <TestMessagePart key={printer.id} printer={printer} vendor={profile.id} />
      )}
    </StepFrame>
  );
}
