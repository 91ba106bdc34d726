/**
 * The practice printer's Web Config, driven over HTTP like a person in a browser: admin login,
 * Email Server > Basic, Sign In > Sign in with Microsoft (a real device-code sign-in of the
 * printer against the practice tenant with the printer's own client ID), consent on behalf of
 * the organization, OK, and the status sheet that reflects it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFromReading } from '../../shared/printer-setup';
import {
  practicePrinterAdminPassword,
  webConfigPaths,
} from '../../electron/simulator/practice-web-config';
import {
  practicePrintersPartName,
  type PracticePrintersPart,
} from '../../electron/simulator/practice-printers';
import {
  practiceClientIds,
  practiceTenantPartName,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { approveOnPage } from '../support/practice-signin';
import { panelPaths } from '../../electron/simulator/practice-printer-panel';
import {
  practiceMailboxPartName,
  type PracticeMailbox,
} from '../../electron/simulator/practice-mailbox';

let world: PracticeWorld;
let origin: string;
let cookie = '';

async function send(path: string, fields?: Record<string, string>): Promise<Response> {
  const response = await fetch(`${origin}${path}`, {
    method: fields ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(fields ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(fields ? { body: new URLSearchParams(fields).toString() } : {}),
  });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0] ?? '';
  return response;
}

const text = async (path: string): Promise<string> => (await send(path)).text();

beforeAll(async () => {
  world = await startPracticeWorld();
  const printers = world.part<PracticePrintersPart>(practicePrintersPartName);
  origin = `http://${printers?.addresses()['et2850'] ?? ''}`;
});
afterAll(async () => {
  await world.stop();
});

describe('practice Web Config', () => {
  it('asks for the administrator password and refuses a wrong one', async () => {
    const top = await send('/');
    expect(top.status).toBe(303);
    expect(top.headers.get('location')).toBe(webConfigPaths.login);
    const basic = await send(webConfigPaths.basic);
    expect(basic.headers.get('location')).toBe(webConfigPaths.login);
    const wrong = await send(webConfigPaths.login, { INPUTT_PASSWORD: 'guess' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('The password is incorrect');
    expect(cookie).toBe('');
  });

  it('signs the printer in with a real device code and shows it on the status sheet after OK', async () => {
    const login = await send(webConfigPaths.login, {
      INPUTT_PASSWORD: practicePrinterAdminPassword,
    });
    expect(login.status).toBe(303);
    expect(cookie).toMatch(/^EPSON_COOKIE_SESSION=/);
    expect(await text(webConfigPaths.basic)).toContain('Email Server &gt; Basic');

    // Sign In with SMTP-AUTH still chosen: the printer says to choose OAuth2 first.
    await send(webConfigPaths.basicSet, { method: 'SMTP-AUTH', action: 'signin' });
    expect(await text(webConfigPaths.basic)).toContain('Select OAuth2');

    await send(webConfigPaths.basicSet, {
      method: 'OAuth2',
      service: 'Microsoft Exchange Online',
      action: 'signin',
    });
    expect(await text(webConfigPaths.signIn)).toContain('Sign in with Microsoft');
    await send(webConfigPaths.signInStart, { action: 'microsoft' });
    const codePage = await text(webConfigPaths.signIn);
    const userCode = /data-field="user-code">([A-Z0-9]+)</.exec(codePage)?.[1] ?? '';
    expect(userCode).toMatch(/^[A-Z0-9]{9}$/);
    const tenant = world.part<PracticeTenant>(practiceTenantPartName);
    expect(codePage).toContain(`${tenant?.pageOrigin}/devicelogin`);
    expect(tenant?.stats(userCode)?.clientId).toBe(practiceClientIds.printer);

    const done = await approveOnPage(tenant?.pageOrigin ?? '', userCode, {
      account: 'admin@contoso.example',
      organization: true,
    });
    expect(done).toContain('You have signed in');
    expect(tenant?.hasTenantWideConsent(practiceClientIds.printer)).toBe(true);

    // The printer polls the token endpoint itself; the code page then returns to Basic.
    await expect
      .poll(async () => (await send(webConfigPaths.signIn)).headers.get('location'), {
        timeout: 15_000,
        interval: 500,
      })
      .toBe(webConfigPaths.basic);
    const basic = await text(webConfigPaths.basic);
    expect(basic).toContain('data-field="current-status">Signed in');
    expect(basic).toContain('admin@contoso.example');
    expect(tenant?.stats(userCode)?.polls.length).toBeGreaterThan(0);

    // Not yet sent to the printer: the sheet still shows the old settings.
    const printers = world.part<PracticePrintersPart>(practicePrintersPartName);
    expect(printers?.statusSheet(origin)?.currentStatus).toBe('');

    await send(webConfigPaths.basicSet, {
      method: 'OAuth2',
      service: 'Microsoft Exchange Online',
      sender: 'admin@contoso.example',
      secure: 'STARTTLS',
      validation: 'enable',
      action: 'ok',
    });
    const reading = printers?.statusSheet(origin);
    expect(reading?.currentStatus).toBe('Signed in');
    expect(reading?.authenticatedAccount).toBe('admin@contoso.example');
    const profile = world.cloudProfile();
    if (!reading) throw new Error('the practice printer has no status sheet');
    const answers = answersFromReading(reading, {
      personal: false,
      mailbox: 'admin@contoso.example',
      smtpHost: profile.smtpHost ?? '',
      smtpPort: profile.smtpPort ?? 0,
    });
    expect(Object.values(answers).every((answer) => answer === 'match')).toBe(true);
    const sheetPage = await (await fetch(`${origin}${webConfigPaths.statusSheet}`)).text();
    expect(sheetPage).toContain('data-field="current-status">Signed in');
    // Only the practice printers have a sheet to read.
    expect(printers?.statusSheet('http://127.0.0.1:1')).toBeNull();
  }, 30_000);

  it('the control panel sends a scan with the printer’s own sign-in, through the practice Exchange', async () => {
    const printers = world.part<PracticePrintersPart>(practicePrintersPartName);
    const mailbox = world.part<PracticeMailbox>(practiceMailboxPartName);
    const start = async (subject: string): Promise<string> => {
      const response = await fetch(`${origin}${panelPaths.start}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ to: 'admin@contoso.example', subject }).toString(),
      });
      return response.text();
    };
    // SMTP AUTH is still off for the organization: the job log has Exchange's real reply.
    expect(await start('Scan 1')).toContain('Sending failed.');
    expect(printers?.panel(origin)?.jobs().at(-1)).toMatchObject({
      result: 'error',
      detail: expect.stringContaining('5.7.139') as unknown,
    });
    world.set('smtpAuthOrganization', 'on');
    expect(await start('Scan 2')).toContain('Sending completed.');
    expect(mailbox?.messages().at(-1)).toMatchObject({
      from: 'admin@contoso.example',
      to: ['admin@contoso.example'],
      subject: 'Scan 2',
      quarantined: false,
    });
  }, 30_000);
});
