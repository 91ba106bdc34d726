/**
 * The fallback sign-in (authorization code + PKCE on a loopback redirect, MSAL's interactive
 * flow) against the practice tenant over real HTTPS, with a browser driven over HTTP: the
 * tenant that blocks device code still lets the wizard sign in this way, and the printer's
 * device code stays blocked.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createSigninHandlers } from '../../electron/handlers/signin';
import { ProblemError } from '../../electron/common/problem-error';
import { createLinkPolicy } from '../../electron/services/link-policy';
import { practiceClientIds } from '../../electron/simulator/practice-tenant';
import {
  startSignInRig,
  approveOnPage,
  signInInBrowser,
  type SignInRig,
} from '../support/practice-signin';

const configDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'browser-signin-'));
let rig: SignInRig | null = null;

afterEach(async () => {
  await rig?.stop();
  rig = null;
});

/** A POST to the practice identity endpoint, trusting only the practice certificate. */
function postTls(url: string, fields: Record<string, string>, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      },
    );
    request.on('error', reject);
    request.end(new URLSearchParams(fields).toString());
  });
}

/** Whether MSAL's loopback redirect (named in the authorize URL) still accepts connections. */
function redirectListening(authorizeUrl: string): () => Promise<boolean> {
  const redirect = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '');
  return () =>
    new Promise((resolve) => {
      const socket = net.connect(Number(redirect.port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
}

describe('browser sign-in (authorization code + PKCE)', () => {
  test('works when the tenant blocks device code; the printer stays blocked', async () => {
    rig = await startSignInRig({
      configDir: configDir(),
      initial: { tenant: 'device-code-blocked' },
    });
    const opened: string[] = [];
    const started = await rig.service.startBrowserSignIn(async (url) => {
      opened.push(url);
      return 'page';
    });
    expect(started.via).toBe('page');
    const authorize = new URL(started.url);
    expect(authorize.origin).toBe(rig.tenant.pageOrigin);
    expect(authorize.pathname).toMatch(/\/oauth2\/v2\.0\/authorize$/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('response_mode')).toBe('form_post');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);

    const landed = await signInInBrowser(started.url);
    expect(landed).toContain('Signed in. You can close this window');
    const done = await rig.waitFor((status) => status.phase === 'signed-in');
    expect(done.account).toMatchObject({
      username: 'admin@contoso.example',
      role: { state: 'can-consent', roles: ['global-administrator'] },
    });
    // The checks can run: a token for SMTP.Send of the signed-in mailbox.
    const smtp = await rig.service.getAccessToken(['https://outlook.office.com/SMTP.Send']);
    expect(rig.world.tokens.verify(smtp.token)).toMatchObject({
      scp: 'SMTP.Send',
      upn: 'admin@contoso.example',
      appid: practiceClientIds.wizard,
    });

    // The printer's own sign-in (device code) is still refused by the same tenant.
    await rig.service.signOut();
    const waiting = await rig.service.start();
    await approveOnPage(rig.tenant.pageOrigin, waiting.prompt?.userCode ?? '');
    const blocked = await rig.waitFor(
      (status) => status.phase === 'signed-out' && !!status.problem,
    );
    expect(blocked.problem?.id).toBe('signin-device-code-blocked');
  });

  test('a declined consent comes back to the wizard as a classified problem', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    rig.tenant.reset();
    const started = await rig.service.startBrowserSignIn(async () => 'page');
    await signInInBrowser(started.url, { decline: true });
    const done = await rig.waitFor((status) => status.problem !== null);
    expect(done.phase).toBe('signed-out');
    expect(done.problem).toMatchObject({
      id: 'signin-consent-declined',
      data: { code: 'AADSTS65004' },
    });
  });

  test('other Conditional Access blocks still apply to the browser sign-in', async () => {
    rig = await startSignInRig({ configDir: configDir(), initial: { tenant: 'mfa-required' } });
    const started = await rig.service.startBrowserSignIn(async () => 'page');
    await signInInBrowser(started.url);
    const done = await rig.waitFor((status) => status.problem !== null);
    expect(done.problem?.id).toBe('signin-mfa-required');
  });

  test('the practice tenant refuses a non-loopback redirect and a wrong code verifier', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const base = `${rig.tenant.pageOrigin}/organizations/oauth2/v2.0/authorize`;
    const query = (redirect: string) =>
      new URLSearchParams({
        client_id: practiceClientIds.wizard,
        response_type: 'code',
        redirect_uri: redirect,
        scope: 'openid',
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
        state: 's',
      });
    const elsewhere = await fetch(`${base}?${query('https://attacker.example/cb')}`);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('AADSTS50011');
    const plain = await fetch(
      `${base}?${query('http://127.0.0.1:9/').toString().replace('S256', 'plain')}`,
    );
    expect(await plain.text()).toContain('AADSTS501491');

    // A real code, returned to a loopback the test listens on, redeemed with a wrong verifier.
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const received: Record<string, string>[] = [];
    const loopback = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(Object.fromEntries(new URLSearchParams(body)));
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
    const redirect = `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/`;
    const request = query(redirect);
    request.set('code_challenge', challenge);
    await signInInBrowser(`${base}?${request}`);
    loopback.close();
    const code = received[0]?.['code'] ?? '';
    expect(code).not.toBe('');
    const redeem = (codeVerifier: string) =>
      postTls(
        `${rig?.tenant.identityOrigin}/organizations/oauth2/v2.0/token`,
        {
          client_id: practiceClientIds.wizard,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirect,
          code_verifier: codeVerifier,
        },
        rig?.world.certificate.cert ?? '',
      );
    expect(await redeem('w'.repeat(43))).toContain('AADSTS501481');
    // A code is good for one attempt only, even a failed one.
    expect(await redeem(verifier)).toContain('AADSTS70008');
  });

  test('Cancel frees the loopback redirect at once; finishing in the browser later signs nobody in', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const started = await rig.service.startBrowserSignIn(async () => 'page');
    const listening = redirectListening(started.url);
    expect(await listening()).toBe(true);
    // Waiting in the browser is a phase of its own, said to the window too.
    expect(await rig.service.status()).toMatchObject({ phase: 'browser', prompt: null });
    await rig.waitFor((status) => status.phase === 'browser');

    const cancelled = await rig.service.cancel();
    expect(cancelled).toMatchObject({ phase: 'signed-out', account: null, problem: null });
    await expect.poll(listening, { timeout: 5000 }).toBe(false);

    // The person finishes in the browser anyway: the answer has nowhere to go.
    await signInInBrowser(started.url).catch((error: unknown) => String(error));
    await rig.service.settled();
    expect(await rig.service.status()).toMatchObject({
      phase: 'signed-out',
      account: null,
      problem: null,
    });
    expect(rig.store.items?.size ?? 0).toBe(0);
  });

  test('a browser sign-in nobody finishes is given up: its port is freed and the wizard says so', async () => {
    rig = await startSignInRig({ configDir: configDir(), browserSignInLimitMs: 3000 });
    const started = await rig.service.startBrowserSignIn(async () => 'page');
    const listening = redirectListening(started.url);
    expect(await listening()).toBe(true);

    const given = await rig.waitFor((status) => status.problem !== null, 10_000);
    expect(given).toMatchObject({
      phase: 'signed-out',
      account: null,
      problem: { id: 'signin-browser-abandoned', data: { minutes: 1 } },
    });
    await expect.poll(listening, { timeout: 5000 }).toBe(false);
    // Finishing in the old page later signs nobody in; a new start works.
    await signInInBrowser(started.url).catch((error: unknown) => String(error));
    await rig.service.settled();
    expect(await rig.service.status()).toMatchObject({ phase: 'signed-out', account: null });
    const again = await rig.service.startBrowserSignIn(async () => 'page');
    await signInInBrowser(again.url);
    await rig.waitFor((status) => status.phase === 'signed-in');
  });

  test('the handler opens the page only through the link allow-list', async () => {
    rig = await startSignInRig({ configDir: configDir() });
    const handlers = createSigninHandlers({
      signIn: rig.service,
      links: createLinkPolicy(),
      openExternal: async () => 'system',
    });
    const refused = await handlers.startBrowserSignIn.run({}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem.id).toBe('link-not-allowed');

    const links = createLinkPolicy();
    links.allowOrigin(rig.tenant.pageOrigin);
    const allowed = createSigninHandlers({
      signIn: rig.service,
      links,
      openExternal: async () => 'system',
    });
    const started = await allowed.startBrowserSignIn.run({});
    expect(started.via).toBe('system');
    await signInInBrowser(started.url);
    await rig.waitFor((status) => status.phase === 'signed-in');
  });
});
