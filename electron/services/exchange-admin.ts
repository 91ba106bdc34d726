/**
 * "Do it for me" for SMTP AUTH on the signed-in account's mailbox, through Exchange Online's
 * admin endpoint: the one the ExchangeOnlineManagement PowerShell module itself calls
 * (POST {exchangeAdminUrl}/{tenant}/InvokeCommand with {"CmdletInput": {"CmdletName", "Parameters"}},
 * answers {"value": [...]}), with the delegated Exchange.Manage permission asked for at the
 * moment of the change, never at sign-in. Microsoft does not document this endpoint for other
 * clients, so every answer is checked and anything unexpected becomes
 * `exchange-admin-unexpected`, whose words lead back to the PowerShell lines (docs/do-it-for-me.md).
 *
 * Per mailbox only: `Set-CASMailbox -SmtpClientAuthenticationDisabled $false` for that one
 * mailbox; the organization-wide switch stays the person's decision (off is Microsoft's
 * recommended baseline). The change is read first, made, read back, recorded with who and when,
 * and can be undone to the value read before. The real XOAUTH2 check then runs until it passes
 * or the stated time runs out: Exchange takes minutes to hand the change to its SMTP servers.
 */
import { randomUUID } from 'node:crypto';
import type { CloudProfile } from '../../shared/cloud-profiles';
import {
  adminChangeLimitSeconds,
  entraChangeAnswerSeconds,
  entraChangeTries,
  smtpAuthProofMinutes,
  type MailboxSmtpAuth,
  type MailboxSmtpAuthFix,
  type MailCheckResult,
} from '../../shared/contract/exchange';
import {
  isMailboxSmtpAuthSetting,
  type AdminChange,
  type MailboxSmtpAuthSetting,
} from '../../shared/model';
import { ProblemError } from '../common/problem-error';
import { createBoundedHttps, retryAfterSeconds, type BoundedReply } from './net/bounded-https';
import { outOfTimeProblem, requestDeadlineMs, withinChangeDeadline } from './net/change-deadline';
import { isTransientStatus, rideOut } from './net/ride-out';
import type { ProgressService } from './progress-service';
import type { AccessToken, TokenSource } from './token-source';

/** The delegated permission of Office 365 Exchange Online that the PowerShell module uses. */
export const exchangeManagePermission = 'Exchange.Manage';

/** Problems that mean "the permission is not granted (yet)": the person is asked for it. */
const consentProblems = new Set([
  'signin-consent-missing',
  'signin-consent-declined',
  'signin-admin-consent-required',
]);

export interface ExchangeAdminOptions {
  tokens: TokenSource;
  profile(): Promise<CloudProfile>;
  /** The practice or custom-profile CA, trusted for the admin endpoint's origin only. */
  trustedCa?: () => string | undefined;
  progress: Pick<ProgressService, 'current' | 'update'>;
  /** The real SMTP AUTH check (the journey's, so the board and the step follow it). */
  checkMail(): Promise<MailCheckResult>;
  /** How long to keep re-checking after a change, and how often (Exchange may take minutes). */
  confirmWithinMs?: number;
  confirmEveryMs?: number;
  /** One answer's deadline; the whole change is bounded by `changeLimitSeconds`. */
  requestTimeoutMs?: number;
  /** Waits for a Retry-After up to this long; longer ones are reported instead. */
  maxRetryAfterSeconds?: number;
  changeLimitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface ExchangeAdmin {
  readMailboxSmtpAuth(): Promise<MailboxSmtpAuth>;
  turnOnMailboxSmtpAuth(): Promise<MailboxSmtpAuthFix>;
  undo(id: string): Promise<AdminChange>;
}

/** Get-CASMailbox's SmtpClientAuthenticationDisabled, as the setting the person reads. */
export function settingOf(value: unknown): MailboxSmtpAuthSetting | null {
  if (value === false) return 'on';
  if (value === true) return 'off';
  if (value === null || value === undefined || value === '') return 'organization';
  return null;
}

/** The parameter value Set-CASMailbox takes for a setting ($null = follow the organization). */
const parameterOf = (setting: MailboxSmtpAuthSetting): boolean | null =>
  setting === 'on' ? false : setting === 'off' ? true : null;

export function createExchangeAdmin(options: ExchangeAdminOptions): ExchangeAdmin {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? (() => new Date());
  const confirmWithinMs = options.confirmWithinMs ?? smtpAuthProofMinutes * 60_000;
  const changeLimitSeconds = options.changeLimitSeconds ?? adminChangeLimitSeconds;
  const confirmEveryMs = options.confirmEveryMs ?? 20_000;

  async function endpoint(): Promise<{ profile: CloudProfile; base: string; resource: string }> {
    const profile = await options.profile();
    if (!profile.exchangeAdminUrl || !profile.exchangeAdminResource) {
      throw new ProblemError('exchange-personal-account');
    }
    return {
      profile,
      base: profile.exchangeAdminUrl.replace(/\/+$/, ''),
      resource: profile.exchangeAdminResource.replace(/\/+$/, ''),
    };
  }

  /** A token for Exchange.Manage; not granted yet means the person is asked for it. */
  async function accessToken(resource: string): Promise<AccessToken> {
    try {
      return await options.tokens.getAccessToken([`${resource}/${exchangeManagePermission}`]);
    } catch (error) {
      if (error instanceof ProblemError && consentProblems.has(error.problem.id)) {
        throw new ProblemError('exchange-admin-consent-missing', {
          permission: exchangeManagePermission,
        });
      }
      throw error;
    }
  }

  /** One cmdlet; answers its `value` list. The signed-in account's domain names the tenant. */
  async function invoke(
    cmdlet: 'Get-CASMailbox' | 'Set-CASMailbox',
    parameters: Record<string, string | boolean | null>,
  ): Promise<unknown[]> {
    const { base, resource } = await endpoint();
    const token = await accessToken(resource);
    const domain = token.account.split('@')[1] ?? '';
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(domain)) throw new ProblemError('exchange-admin-unexpected');
    const url = new URL(`${base}/${encodeURIComponent(domain)}/InvokeCommand`);
    const outOfTime = outOfTimeProblem();
    if (outOfTime) throw outOfTime;
    let reply: BoundedReply;
    try {
      // Both cmdlets may be sent again (a read, or setting one value): 429 and 5xx are ridden
      // out as Microsoft asks, within the change's stated time.
      reply = await rideOut(
        () =>
          createBoundedHttps({
            trustedOrigins: [url.origin],
            ca: options.trustedCa?.() ?? null,
            deadlineMs: requestDeadlineMs(
              options.requestTimeoutMs ?? entraChangeAnswerSeconds * 1000,
            ),
            maxBodyBytes: 256 * 1024,
          }).request({
            method: 'POST',
            url,
            headers: {
              Authorization: `Bearer ${token.token}`,
              'Content-Type': 'application/json',
              Accept: 'application/json',
              'X-ResponseFormat': 'json',
              'X-AnchorMailbox': `UPN:${token.account}`,
            },
            body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
          }),
        {
          attempts: entraChangeTries,
          maxWaitSeconds: options.maxRetryAfterSeconds ?? 10,
          maxBackoffSeconds: 2,
          sleep,
        },
      );
    } catch {
      throw (
        outOfTimeProblem() ?? new ProblemError('exchange-admin-unreachable', { host: url.host })
      );
    }
    if (reply.status === 401) throw new ProblemError('exchange-admin-unauthorized');
    if (reply.status === 403) throw new ProblemError('exchange-admin-role-missing');
    if (isTransientStatus(reply.status) || reply.status >= 500) {
      // How long Microsoft asked to wait (Retry-After), else a minute: said, not waited for.
      throw new ProblemError('exchange-admin-busy', {
        status: reply.status,
        seconds: retryAfterSeconds(reply.headers['retry-after']) ?? 60,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch {
      throw new ProblemError('exchange-admin-unexpected');
    }
    const value = (json as { value?: unknown } | null)?.value;
    if (reply.status !== 200 || !Array.isArray(value)) {
      throw new ProblemError('exchange-admin-unexpected');
    }
    return value;
  }

  /** The signed-in account's own mailbox: the one the wizard's SMTP AUTH check signs in as. */
  async function read(): Promise<MailboxSmtpAuth & { by: string }> {
    const { resource } = await endpoint();
    const account = (await accessToken(resource)).account.toLowerCase();
    const value = await invoke('Get-CASMailbox', { Identity: account });
    const found = value.find(
      (item) =>
        typeof (item as { PrimarySmtpAddress?: unknown } | null)?.PrimarySmtpAddress === 'string',
    ) as { PrimarySmtpAddress: string; SmtpClientAuthenticationDisabled?: unknown } | undefined;
    const setting = settingOf(found?.SmtpClientAuthenticationDisabled);
    if (!found || setting === null) throw new ProblemError('exchange-admin-unexpected');
    return { mailbox: found.PrimarySmtpAddress.toLowerCase(), setting, by: account };
  }

  async function set(mailbox: string, setting: MailboxSmtpAuthSetting): Promise<void> {
    await invoke('Set-CASMailbox', {
      Identity: mailbox,
      SmtpClientAuthenticationDisabled: parameterOf(setting),
    });
    // Exchange's directory answers at once; only what it says now proves the change took.
    const after = await read();
    if (after.setting !== setting) {
      throw new ProblemError('exchange-admin-not-applied', { mailbox, setting: after.setting });
    }
  }

  async function record(change: AdminChange): Promise<void> {
    const others = options.progress.current().adminChanges.filter((item) => item.id !== change.id);
    await options.progress.update((current) => ({
      ...current,
      adminChanges: [...others, change].slice(-50),
    }));
  }

  return {
    async readMailboxSmtpAuth() {
      const { mailbox, setting } = await read();
      return { mailbox, setting };
    },
    async turnOnMailboxSmtpAuth() {
      // The change itself within the stated time; the proof below has its own (minutes).
      const change = await withinChangeDeadline(changeLimitSeconds, async () => {
        const before = await read();
        if (before.setting === 'on') return null;
        await set(before.mailbox, 'on');
        const made: AdminChange = {
          id: randomUUID(),
          kind: 'mailbox-smtp-auth',
          target: before.mailbox,
          before: before.setting,
          after: 'on',
          by: before.by,
          at: now().toISOString(),
        };
        await record(made);
        return made;
      });
      // The SMTP servers take the change later than the directory: check for real until it
      // passes, or until the stated time is up (the person is told how long it may take).
      const started = Date.now();
      let check: MailCheckResult | null = null;
      for (;;) {
        check = await options.checkMail().catch(() => null);
        if (check?.passed) break;
        const stillDisabled =
          check?.problem?.id === 'smtp-auth-disabled-mailbox' ||
          check?.problem?.id === 'smtp-auth-disabled-tenant';
        if (!stillDisabled || Date.now() - started + confirmEveryMs > confirmWithinMs) break;
        await sleep(confirmEveryMs);
      }
      return { change, check, waitedSeconds: Math.round((Date.now() - started) / 1000) };
    },
    async undo(id) {
      const change = options.progress.current().adminChanges.find((item) => item.id === id);
      if (
        !change ||
        change.undoneAt ||
        change.kind !== 'mailbox-smtp-auth' ||
        !isMailboxSmtpAuthSetting(change.before)
      ) {
        throw new ProblemError('admin-change-unknown');
      }
      const before = change.before;
      await withinChangeDeadline(changeLimitSeconds, () => set(change.target, before));
      const undone = { ...change, undoneAt: now().toISOString() };
      await record(undone);
      // The board said "passed" because of the change: check again so it says what is true now.
      await options.checkMail().catch(() => null);
      return undone;
    },
  };
}
