/**
 * The practice Brother's Web Based Management, driven over HTTP like a person in a browser:
 * login, Network > Protocol > SMTP with Server Authentication Method None or SMTP-AUTH (no
 * OAuth 2.0), Submit, and Send Test E-mail, which sends with the saved settings to the practice
 * MX (direct send) or the practice High Volume Email, where the practice mailbox files it; the
 * practice switches refuse it as Exchange would; the password is never shown back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotherWbmPaths } from '../../electron/simulator/practice-brother-wbm';
import {
  practiceMailboxPartName,
  type PracticeMailbox,
} from '../../electron/simulator/practice-mailbox';
import {
  practicePrintersPartName,
  type PracticePrintersPart,
} from '../../electron/simulator/practice-printers';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { practicePrinterAdminPassword } from '../../shared/printer-setup';

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

const page = async (): Promise<string> => (await send(brotherWbmPaths.smtp)).text();

const directSend = {
  server: 'contoso-example.mail.protection.outlook.com',
  port: '25',
  auth: 'None',
  account: '',
  password: '',
  ssl: 'TLS',
  sender: 'scanner@contoso.example',
};

/** Submit, then Send Test E-mail; the page's result line. */
async function submitAndTest(settings: Record<string, string>, to: string): Promise<string> {
  expect((await send(brotherWbmPaths.smtp, { ...settings, action: 'submit' })).status).toBe(303);
  expect((await send(brotherWbmPaths.testSend, { to })).status).toBe(303);
  const shown = await page();
  return /data-field="test-result"[^>]*>([^<]*)</.exec(shown)?.[1] ?? '';
}

beforeAll(async () => {
  world = await startPracticeWorld();
  const printers = world.part<PracticePrintersPart>(practicePrintersPartName);
  origin = `http://${printers?.addresses()['brother'] ?? ''}`;
});
afterAll(async () => {
  await world.stop();
});

describe("the practice Brother's Web Based Management", () => {
  it('asks for the administrator password and refuses a wrong one', async () => {
    expect(await (await send('/')).text()).toContain('Pwd');
    const smtp = await send(brotherWbmPaths.smtp);
    expect(smtp.headers.get('location')).toBe(brotherWbmPaths.login);
    const wrong = await send(brotherWbmPaths.login, { password: 'guess' });
    expect(wrong.status).toBe(400);
    expect(cookie).toBe('');
    const login = await send(brotherWbmPaths.login, { password: practicePrinterAdminPassword });
    expect(login.status).toBe(303);
    expect(cookie).toMatch(/^BROTHER_PRACTICE_SESSION=/);
  });

  it('offers None and SMTP-AUTH, and no OAuth 2.0', async () => {
    const shown = await page();
    expect(shown.match(/type="radio" name="auth"/g)).toHaveLength(2);
    expect(shown).toContain('value="None"');
    expect(shown).toContain('value="SMTP-AUTH"');
    expect(shown).not.toMatch(/oauth/i);
  });

  it('direct send: the test e-mail lands in the mailbox from the Device E-mail Address', async () => {
    const mailbox = world.part<PracticeMailbox>(practiceMailboxPartName);
    const result = await submitAndTest(directSend, 'admin@contoso.example');
    expect(result).toContain('Test Send E-mail: OK');
    expect(mailbox?.messages().at(-1)).toMatchObject({
      from: 'scanner@contoso.example',
      to: ['admin@contoso.example'],
    });
  });

  it('direct send rejected by the organization: Exchange’s 5.7.68 on the page', async () => {
    // No connector names this network either: nothing attributes the mail to the organization.
    world.set('directSend', 'rejected');
    world.set('connector', 'no-connector');
    try {
      expect(await submitAndTest(directSend, 'admin@contoso.example')).toContain('5.7.68');
    } finally {
      world.set('directSend', 'allowed');
      world.set('connector', 'this-address');
    }
  });

  it('High Volume Email: SMTP-AUTH over TLS; the password is kept but never shown', async () => {
    const hve = {
      server: 'smtp.hve.mx.microsoft',
      port: '587',
      auth: 'SMTP-AUTH',
      account: 'scanner@contoso.example',
      password: 'practice',
      ssl: 'TLS',
      sender: 'scanner@contoso.example',
    };
    expect(await submitAndTest(hve, 'admin@contoso.example')).toContain('OK');
    expect(await page()).not.toContain('value="practice"');
    // Left empty on a later Submit: the saved password stays.
    expect(await submitAndTest({ ...hve, password: '' }, 'admin@contoso.example')).toContain('OK');
    // Without TLS the HVE refuses the password before STARTTLS, as the real one does.
    expect(await submitAndTest({ ...hve, ssl: 'None' }, 'admin@contoso.example')).toContain(
      'Error',
    );
    expect(await submitAndTest({ ...hve, password: 'wrong' }, 'admin@contoso.example')).toContain(
      '5.7.3',
    );
  });

  it('a name no server answers to, or the right name on another port, fails plainly', async () => {
    expect(
      await submitAndTest(
        { ...directSend, server: 'smtp.example.invalid' },
        'admin@contoso.example',
      ),
    ).toContain('Server not found');
    expect(await submitAndTest({ ...directSend, port: '587' }, 'admin@contoso.example')).toContain(
      'Could not connect',
    );
    expect(await submitAndTest(directSend, 'not an address')).toContain(
      'Enter the Destination E-mail Address',
    );
  });
});
