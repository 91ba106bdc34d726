/**
 * Drives the practice tenant's verification page over HTTP the way a person does in the
 * browser: enter the code, continue, pick an account, type the password, accept (with or
 * without "Consent on behalf of your organization"). Returns the last page's HTML.
 */
import {
  createSignInService,
  type SignInService,
} from '../../electron/services/signin/signin-service';
import { createClientIdStore } from '../../electron/services/signin/client-id';
import { resolveCloud } from '../../electron/services/signin/cloud';
import type { SecretStore } from '../../electron/services/keychain';
import type { RideOutPolicy } from '../../electron/services/net/ride-out';
import type { SignInStatus } from '../../shared/contract/signin';
import {
  createPracticeTenant,
  practiceClientIds,
  type PracticeTenant,
  type PracticeTenantOptions,
} from '../../electron/simulator/practice-tenant';
import {
  startPracticeWorld,
  type PracticePart,
  type PracticeWorld,
} from '../../electron/simulator/practice-world';
import type { PracticeSettings } from '../../shared/practice';

export interface ApproveOptions {
  account?: string;
  password?: string;
  /** Tick "Consent on behalf of your organization" (only shown to a Global Administrator). */
  organization?: boolean;
  /** Where to press Cancel instead of going on. */
  cancelAt?: 'confirm' | 'consent';
}

async function post(origin: string, path: string, fields: Record<string, string>): Promise<string> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return response.text();
}

const flowOf = (html: string): string => /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function approveOnPage(
  pageOrigin: string,
  userCode: string,
  options: ApproveOptions = {},
): Promise<string> {
  let html = await post(pageOrigin, '/devicelogin', { otc: userCode });
  const flow = flowOf(html);
  if (!flow) return html;
  html = await post(pageOrigin, '/continue', {
    flow,
    action: options.cancelAt === 'confirm' ? 'cancel' : 'continue',
  });
  if (options.cancelAt === 'confirm') return html;
  html = await post(pageOrigin, '/account', {
    flow,
    upn: options.account ?? 'admin@contoso.example',
  });
  html = await post(pageOrigin, '/password', { flow, password: options.password ?? 'practice' });
  if (!html.includes('Permissions requested')) return html;
  const fields: Record<string, string> = {
    flow,
    action: options.cancelAt === 'consent' ? 'cancel' : 'accept',
  };
  if (options.organization ?? true) fields['organization'] = 'on';
  return post(pageOrigin, '/consent', fields);
}

/** The form_post page's answer to the app: where it posts, and its fields. */
function formPost(html: string): { action: string; fields: Record<string, string> } | null {
  const action = /<form id="answer" method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) return null;
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/&amp;/g, '&');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** Does what a person does in the browser: pick the account, password, accept; then returns. */
export async function signInInBrowser(
  url: string,
  options: { account?: string; organization?: boolean; decline?: boolean } = {},
): Promise<string> {
  const origin = new URL(url).origin;
  let html = await (await fetch(url)).text();
  const flow = flowOf(html);
  if (!flow) return html;
  html = await post(origin, '/account', { flow, upn: options.account ?? 'admin@contoso.example' });
  html = await post(origin, '/password', { flow, password: 'practice' });
  if (html.includes('Permissions requested')) {
    html = await post(origin, '/consent', {
      flow,
      action: options.decline ? 'cancel' : 'accept',
      ...(options.organization === false ? {} : { organization: 'on' }),
    });
  }
  const answer = formPost(html);
  if (!answer) return html;
  // The browser submits the form to the wizard's loopback redirect URI.
  return post(answer.action, '', answer.fields);
}

/** A secret store in memory, for tests that are not about the keychain. */
export function memoryStore(): SecretStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    backend: 'memory (test)',
    items,
    get: async (account) => items.get(account) ?? null,
    set: async (account, secret) => void items.set(account, secret),
    delete: async (account) => items.delete(account),
  };
}

export interface SignInRig {
  world: PracticeWorld;
  store: SecretStore & { items?: Map<string, string> };
  tenant: PracticeTenant;
  service: SignInService;
  statuses: SignInStatus[];
  logs: string[];
  newService(store?: SecretStore): SignInService;
  waitFor(predicate: (status: SignInStatus) => boolean, timeoutMs?: number): Promise<SignInStatus>;
  stop(): Promise<void>;
}

export async function startSignInRig(options: {
  tenant?: PracticeTenantOptions;
  store?: SecretStore;
  configDir: string;
  initial?: Partial<PracticeSettings>;
  networkTimeoutMs?: number;
  maxRenewals?: number;
  slowDownSeconds?: number;
  browserSignInLimitMs?: number;
  /** More practice parts to start after the tenant (Exchange, mailbox…). */
  moreParts?: (() => PracticePart)[];
  rideOut?: RideOutPolicy;
}): Promise<SignInRig> {
  const tenant = createPracticeTenant(options.tenant ?? { interval: 0.1 });
  const world = await startPracticeWorld({
    parts: [() => tenant, ...(options.moreParts ?? [])],
    initial: options.initial ?? {},
  });
  const statuses: SignInStatus[] = [];
  const logs: string[] = [];
  const newService = (store: SecretStore = memoryStore()): SignInService =>
    createSignInService({
      cloud: async () =>
        resolveCloud(
          {
            practice: { overrides: world.cloudProfile(), ca: world.certificate.cert },
            custom: null,
          },
          { accountKind: 'work', cloud: 'global' },
        ),
      clientIds: createClientIdStore({
        configDir: options.configDir,
        practice: practiceClientIds.wizard,
      }),
      secretStore: () => store,
      onChange: (status) => statuses.push(status),
      log: (line) => logs.push(line),
      ...(options.networkTimeoutMs ? { networkTimeoutMs: options.networkTimeoutMs } : {}),
      ...(options.maxRenewals !== undefined ? { maxRenewals: options.maxRenewals } : {}),
      ...(options.slowDownSeconds !== undefined
        ? { slowDownSeconds: options.slowDownSeconds }
        : {}),
      ...(options.rideOut ? { rideOut: options.rideOut } : {}),
      ...(options.browserSignInLimitMs !== undefined
        ? { browserSignInLimitMs: options.browserSignInLimitMs }
        : {}),
    });
  const store = options.store ?? memoryStore();
  const service = newService(store);
  return {
    world,
    store,
    tenant,
    service,
    statuses,
    logs,
    newService,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const latest = statuses.at(-1);
        if (latest && predicate(latest)) return latest;
        if (Date.now() > deadline) {
          throw new Error(`Timed out; last status: ${JSON.stringify(latest)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      await service.close();
      await world.stop();
    },
  };
}
