import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyPrinterRecord } from '../../../shared/board/printers';
import type { WayProofResult } from '../../../shared/contract/ways';
import { cloudProfileFor } from '../../../shared/cloud-profiles';
import { judgeOauthSupport } from '../../../shared/printer-oauth';
import type { PrinterSetupRecord } from '../../../shared/printer-setup';
import type { ChosenPrinter } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import {
  anotherWayNeed,
  domainOf,
  isProvableWay,
  readRelayAddress,
  type ProvableWayId,
  sendingWayFacts,
  sendingWays,
  type SendingWayId,
} from '../../../shared/sending-ways';
import { openExternal } from '../../api/open-external';
import { ProblemNotice } from '../../components/ProblemNotice';
import { updatePrinterRecord } from '../../printer-journey/printer-journey';
import { useMainValue, useReadyState, useWizard } from '../../store/wizard-store';
import { StepFrame } from '../common/StepFrame';

/**
 * "Choose a way to keep sending": for each chosen printer that cannot do OAuth 2.0 (its maker
 * says so, or the person did), the ways side by side; the person picks one (main keeps it in
 * the printer's record) and proves it from this computer ("Prove this way", run by main).
 * A printer nobody knows about can take a way too, as an option.
 */
export function KeepSendingStep() {
  const { t } = useTranslation('ways');
  const { progress } = useReadyState();
  const goTo = useWizard((store) => store.goTo);
  const [optedIn, setOptedIn] = useState<Record<string, boolean>>({});
  const printers = progress.printers;
  if (printers.length === 0) {
    return (
      <StepFrame step="keep-sending">
        <p>{t('noPrinters')}</p>
        <p>
          <button type="button" className="primary" onClick={() => goTo('find-printer')}>
            {t('findPrinter')}
          </button>
        </p>
      </StepFrame>
    );
  }
  const needOf = (printer: ChosenPrinter) => {
    const record = progress.printerSetup[printer.id];
    return anotherWayNeed(
      judgeOauthSupport(
        { vendor: printer.vendor, model: printer.model, firmware: printer.firmwareVersion },
        { noOauthInEmailSettings: record?.noOauthInEmailSettings === true },
      ),
    );
  };
  return (
    <StepFrame step="keep-sending">
      <p>{t('intro')}</p>
      {progress.accountKind === 'personal' && (
        <ProblemNotice problem={{ id: 'way-no-organization' }} />
      )}
      {printers.map((printer) => {
        const need = needOf(printer);
        const record = progress.printerSetup[printer.id] ?? emptyPrinterRecord;
        const showWays =
          need === 'needed' || record.sendingWay !== undefined || optedIn[printer.id] === true;
        return (
          <section
            key={printer.id}
            className="switch-card"
            aria-labelledby={`way-${cssId(printer.id)}`}
            data-testid="way-printer"
          >
            <h3 id={`way-${cssId(printer.id)}`}>{printer.model ?? printer.name}</h3>
            <p data-testid="way-need" data-need={need}>
              {t(`need.${need}`)}
            </p>
            {need === 'offered' && !showWays && (
              <p>
                <button
                  type="button"
                  onClick={() => setOptedIn((current) => ({ ...current, [printer.id]: true }))}
                >
                  {t('chooseAnyway')}
                </button>
              </p>
            )}
            {showWays && <WayChooser printer={printer} record={record} />}
          </section>
        );
      })}
    </StepFrame>
  );
}

/** What the address field is for, per way: the account that signs in, or the sender. */
const accountLabel: Record<ProvableWayId, string> = {
  hve: 'prove.hveAccount',
  'direct-send': 'prove.sender',
  'connector-relay': 'prove.sender',
  'password-for-now': 'prove.mailbox',
};

function cssId(id: string): string {
  return id.replace(/[^a-z0-9]/gi, '-');
}

function WayChooser({ printer, record }: { printer: ChosenPrinter; record: PrinterSetupRecord }) {
  const { t } = useTranslation('ways');
  const client = useWizard((store) => store.client);
  const [linkProblem, setLinkProblem] = useState<Problem | null>(null);
  const chosen = record.sendingWay?.way ?? null;
  const group = `way-choice-${cssId(printer.id)}`;

  const choose = (way: SendingWayId): void => {
    updatePrinterRecord(printer.id, (current) => ({
      ...current,
      sendingWay: { way, chosenAt: new Date().toISOString() },
    }));
  };
  const open = async (url: string): Promise<void> => {
    if (!client) return;
    const reply = await openExternal(client, url);
    setLinkProblem(reply.ok ? null : reply.problem);
  };

  return (
    <>
      <table className="ways-table">
        <caption>{t('table.caption', { printer: printer.model ?? printer.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.way')}</th>
            <th scope="col">{t('table.recipients')}</th>
            <th scope="col">{t('table.needs')}</th>
            <th scope="col">{t('table.cost')}</th>
            <th scope="col">{t('table.lasts')}</th>
          </tr>
        </thead>
        <tbody>
          {sendingWays.map((way) => {
            const facts = sendingWayFacts[way];
            return (
              <tr key={way} data-way={way} className={chosen === way ? 'way-chosen' : undefined}>
                <th scope="row">
                  <label>
                    <input
                      type="radio"
                      name={group}
                      value={way}
                      checked={chosen === way}
                      onChange={() => choose(way)}
                    />{' '}
                    {t(`ways.${way}.name`)}
                  </label>
                  <span className="hint">{t(`ways.${way}.what`)}</span>
                  {facts.links && (
                    <span className="way-links">
                      {facts.links.map((link) => (
                        <button
                          key={link.url}
                          type="button"
                          className="link-button"
                          onClick={() => void open(link.url)}
                        >
                          {link.name}
                        </button>
                      ))}
                    </span>
                  )}
                </th>
                <td>{t(`recipients.${facts.recipients}`)}</td>
                <td>{t(`ways.${way}.needs`)}</td>
                <td>{t(`ways.${way}.cost`)}</td>
                <td>{t(`ways.${way}.lasts`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {linkProblem && <ProblemNotice problem={linkProblem} />}
      <div aria-live="polite">
        {chosen && (
          <p className="way-chosen-line" data-testid="way-chosen">
            {t('chosen', { way: t(`ways.${chosen}.name`) })}
          </p>
        )}
      </div>
      {chosen && isProvableWay(chosen) && (
        <ProveWay printer={printer} record={record} way={chosen} />
      )}
      {chosen === 'relay-computer' && <RelayAddressForm printer={printer} record={record} />}
    </>
  );
}

/**
 * The relay on an always-on computer: the wizard neither installs nor proves it; the printer
 * needs the relay's address and port (and a sender), which the person types and main keeps.
 */
function RelayAddressForm({
  printer,
  record,
}: {
  printer: ChosenPrinter;
  record: PrinterSetupRecord;
}) {
  const { t } = useTranslation('ways');
  const kept = record.sendingWay?.relay;
  const [host, setHost] = useState(kept?.host ?? '');
  const [port, setPort] = useState(kept ? String(kept.port) : '');
  const [sender, setSender] = useState(record.sendingWay?.sender ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = (event: FormEvent): void => {
    event.preventDefault();
    const relay = readRelayAddress(host, port);
    setInvalid(relay === null);
    if (!relay) return;
    updatePrinterRecord(printer.id, (current) =>
      current.sendingWay
        ? {
            ...current,
            sendingWay: {
              ...current.sendingWay,
              relay,
              ...(domainOf(sender) ? { sender: sender.trim() } : {}),
            },
          }
        : current,
    );
  };
  return (
    <form
      className="prove-way"
      onSubmit={save}
      aria-labelledby={`relay-${cssId(printer.id)}`}
      data-testid="relay-form"
    >
      <h4 id={`relay-${cssId(printer.id)}`}>{t('relay.title')}</h4>
      <p>{t('relay.what')}</p>
      <label className="field">
        <span>{t('relay.host')}</span>
        <input
          type="text"
          value={host}
          onChange={(event) => setHost(event.target.value)}
          required
          autoComplete="off"
          name="relay-host"
          aria-invalid={invalid || undefined}
        />
      </label>
      <label className="field">
        <span>{t('relay.port')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={port}
          onChange={(event) => setPort(event.target.value)}
          required
          autoComplete="off"
          name="relay-port"
          aria-invalid={invalid || undefined}
        />
      </label>
      <label className="field">
        <span>{t('prove.sender')}</span>
        <input
          type="email"
          value={sender}
          onChange={(event) => setSender(event.target.value)}
          autoComplete="off"
          name="relay-sender"
        />
      </label>
      <p>
        <button type="submit" className="primary">
          {t('relay.save')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {invalid && <p className="notice notice-warning">{t('relay.invalid')}</p>}
        {kept && !invalid && (
          <p className="notice notice-success" data-testid="relay-kept">
            {t('relay.kept', { server: `${kept.host}:${kept.port}` })}
          </p>
        )}
      </div>
    </form>
  );
}

function ProveWay({
  printer,
  record,
  way,
}: {
  printer: ChosenPrinter;
  record: PrinterSetupRecord;
  way: ProvableWayId;
}) {
  const { t, i18n } = useTranslation('ways');
  const { progress } = useReadyState();
  const prove = useWizard((store) => store.proveSendingWay);
  const signIn = useMainValue('signIn');
  const runs = useMainValue('checkRuns');
  const account = signIn.status === 'ready' ? (signIn.value.account?.username ?? '') : '';
  const [sender, setSender] = useState(record.sendingWay?.sender ?? account);
  const [recipient, setRecipient] = useState('');
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState<Problem | null>(null);
  const profile = cloudProfileFor(progress.accountKind, progress.cloud);
  const run = runs.status === 'ready' ? runs.value.wayProofs[printer.id] : undefined;
  const running = run?.state === 'running';
  const proof = record.sendingWay?.proof;
  // HVE and a password sign-in log in with a password typed here, used once.
  const signsIn = sendingWayFacts[way].signsIn;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setRefused(null);
    const typed = password;
    // Used once: gone from the screen as soon as it is sent.
    setPassword('');
    const reply = await prove({
      printerId: printer.id,
      way,
      sender,
      recipient,
      ...(signsIn && typed !== '' ? { password: typed } : {}),
    });
    if (!reply.ok) setRefused(reply.problem);
  };

  const result: WayProofResult | null = run?.state === 'done' ? run.result : null;
  return (
    <form
      className="prove-way"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`prove-${cssId(printer.id)}`}
    >
      <h4 id={`prove-${cssId(printer.id)}`}>{t('prove.title')}</h4>
      <p>
        {t(`prove.what.${way}`, {
          port:
            way === 'hve'
              ? profile.hvePort
              : way === 'password-for-now'
                ? profile.smtpPort
                : profile.mxPort,
        })}
      </p>
      <p className="hint">{t('prove.fromHere')}</p>
      <label className="field">
        <span>{t(accountLabel[way])}</span>
        <input
          type="email"
          value={sender}
          onChange={(event) => setSender(event.target.value)}
          required
          autoComplete="off"
          name="sender"
        />
      </label>
      <label className="field">
        <span>{t('prove.recipient')}</span>
        <input
          type="email"
          value={recipient}
          onChange={(event) => setRecipient(event.target.value)}
          placeholder={sender}
          autoComplete="off"
          name="recipient"
        />
      </label>
      {signsIn && (
        <label className="field">
          <span>{t(way === 'hve' ? 'prove.password' : 'prove.mailboxPassword')}</span>
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
            autoComplete="off"
            name="way-password"
          />
          <span className="hint">{t('prove.passwordOnce')}</span>
        </label>
      )}
      <p>
        <button type="submit" className="primary" disabled={running} aria-busy={running}>
          {t('prove.button')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {running && <p>{t('prove.running')}</p>}
      </div>
      {refused && <ProblemNotice problem={refused} />}
      {run?.state === 'failed' && !refused && <ProblemNotice problem={run.problem} />}
      {result && result.way === way && (
        <ol className="proof-steps" data-testid="proof-steps">
          {result.steps.map((step) => (
            <li key={step.id} data-step={step.id} data-state={step.state}>
              <span className={`proof-state proof-${step.state}`}>
                {t(`prove.state.${step.state}`)}
              </span>{' '}
              {/* The whole sentence only for what passed; otherwise the part's name (and
                  what was tried), with the problem saying the rest. */}
              {step.state === 'passed'
                ? t(`prove.step.${step.id}`, { value: step.value ?? '', domain: result.domain })
                : step.value
                  ? t('prove.stepTried', {
                      step: t(`prove.stepName.${step.id}`),
                      value: step.value,
                    })
                  : t(`prove.stepName.${step.id}`)}
              {step.problem && <ProblemNotice problem={step.problem} />}
            </li>
          ))}
        </ol>
      )}
      {proof && record.sendingWay?.way === way && (
        <p
          className={`notice ${proof.state === 'passed' ? 'notice-success' : 'notice-warning'}`}
          data-testid="way-proof"
          data-state={proof.state}
        >
          {t(proof.state === 'passed' ? 'prove.proven' : 'prove.notProven', {
            way: t(`ways.${way}.name`),
            time: new Date(proof.at).toLocaleString(i18n.language),
          })}
        </p>
      )}
      {result?.testMessage && (
        <p className="hint" data-testid="way-test-message">
          {t('prove.testMessage', { to: result.testMessage.to })}
        </p>
      )}
    </form>
  );
}
