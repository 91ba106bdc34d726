/**
 * The practice tenant serves device-code sign-ins for other clients too (the practice printer
 * runs its own with its own client ID, RFC 8628 grant type, no MSAL), and refuses unknown apps.
 */
import https from 'node:https';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createPracticeTenant,
  practiceClientIds,
  type PracticeTenant,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld, type PracticeWorld } from '../../electron/simulator/practice-world';
import { approveOnPage } from '../support/practice-signin';

let world: PracticeWorld;
let tenant: PracticeTenant;

beforeAll(async () => {
  tenant = createPracticeTenant({ interval: 0.1 });
  world = await startPracticeWorld({ parts: [() => tenant] });
});
afterAll(async () => {
  await world.stop();
});

function post(
  path: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const body = new URLSearchParams(form).toString();
    const request = https.request(
      `${tenant.identityOrigin}${path}`,
      {
        method: 'POST',
        ca: world.certificate.cert,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('the practice printer signs in as the sending mailbox with its own client ID', async () => {
  const code = await post('/organizations/oauth2/v2.0/devicecode', {
    client_id: practiceClientIds.printer,
    scope: 'https://outlook.office.com/SMTP.Send offline_access',
  });
  expect(code.status).toBe(200);
  const poll = () =>
    post('/organizations/oauth2/v2.0/token', {
      client_id: practiceClientIds.printer,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: String(code.body['device_code']),
      scope: 'https://outlook.office.com/SMTP.Send offline_access',
    });
  expect((await poll()).body['error']).toBe('authorization_pending');
  // A plain user may consent to SMTP.Send for themselves: no organization checkbox offered.
  const html = await approveOnPage(tenant.pageOrigin, String(code.body['user_code']), {
    account: 'scanner@contoso.example',
    organization: false,
  });
  expect(html).toContain('You may now close this window');
  const tokens = await poll();
  expect(tokens.status).toBe(200);
  expect(world.tokens.verify(String(tokens.body['access_token']))).toMatchObject({
    aud: 'https://outlook.office.com',
    scp: 'SMTP.Send',
    upn: 'scanner@contoso.example',
    appid: practiceClientIds.printer,
  });
  // The refresh token mints a new access token and replaces itself.
  const refreshed = await post('/organizations/oauth2/v2.0/token', {
    client_id: practiceClientIds.printer,
    grant_type: 'refresh_token',
    refresh_token: String(tokens.body['refresh_token']),
    scope: 'https://outlook.office.com/SMTP.Send offline_access',
  });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body['refresh_token']).not.toBe(tokens.body['refresh_token']);
  const reused = await post('/organizations/oauth2/v2.0/token', {
    client_id: practiceClientIds.printer,
    grant_type: 'refresh_token',
    refresh_token: String(tokens.body['refresh_token']),
    scope: 'https://outlook.office.com/SMTP.Send',
  });
  expect(reused.body['error']).toBe('invalid_grant');
  // A resource that was never consented is refused with AADSTS65001.
  const graph = await post('/organizations/oauth2/v2.0/token', {
    client_id: practiceClientIds.printer,
    grant_type: 'refresh_token',
    refresh_token: String(refreshed.body['refresh_token']),
    scope: 'https://graph.microsoft.com/User.Read',
  });
  expect(graph.body['error_codes']).toEqual([65001]);
});

test('an unknown client ID is refused with AADSTS700016', async () => {
  const answer = await post('/organizations/oauth2/v2.0/devicecode', {
    client_id: '00000000-0000-0000-0000-000000000001',
    scope: 'openid',
  });
  expect(answer.status).toBe(400);
  expect(answer.body['error_codes']).toEqual([700016]);
  expect(String(answer.body['error_description'])).toMatch(/^AADSTS700016: .*Correlation ID: /);
});
