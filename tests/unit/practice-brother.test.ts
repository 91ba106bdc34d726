/**
 * The practice Brother's sending, in pure parts: the way's settings in the Brother's own words
 * (shared/sending-ways.ts brotherSmtpLines, what Set up the printer shows beside its Web Based
 * Management), and where the practice printer's typed server goes
 * (electron/simulator/practice-smtp-route.ts): the names the wizard gives, each on its real
 * port, to the practice servers on loopback; anything else is not found or refused.
 */
import { describe, expect, it } from 'vitest';
import { practiceSmtpRoute } from '../../electron/simulator/practice-smtp-route';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { brotherSmtpLines, printerSmtpSettings } from '../../shared/sending-ways';

const profile = cloudProfiles.global;
const mx = 'contoso-example.mail.protection.outlook.com';

describe("the way's settings in a Brother's words", () => {
  const lines = (
    way: Parameters<typeof printerSmtpSettings>[0],
    sender: string | null = 'scanner@contoso.example',
  ) =>
    brotherSmtpLines(
      printerSmtpSettings(way, profile, mx, { host: 'relay.office.lan', port: 2525 }),
      sender,
      sender,
    );

  it('direct send: the MX host on 25, TLS, None, no account', () => {
    expect(lines('direct-send')).toEqual([
      { field: 'server', label: 'Server Address', value: mx },
      { field: 'port', label: 'SMTP Port', value: '25' },
      { field: 'ssl-tls', label: 'SSL/TLS', value: 'TLS' },
      { field: 'authentication', label: 'Server Authentication Method', value: 'None' },
      { field: 'sender', label: 'Device E-mail Address', value: 'scanner@contoso.example' },
    ]);
  });

  it('High Volume Email and password sign-in: SMTP-AUTH with the account', () => {
    for (const [way, server] of [
      ['hve', 'smtp.hve.mx.microsoft'],
      ['password-for-now', 'smtp.office365.com'],
    ] as const) {
      const shown = lines(way) ?? [];
      expect(shown.find((line) => line.field === 'server')?.value).toBe(server);
      expect(shown.find((line) => line.field === 'port')?.value).toBe('587');
      expect(shown.find((line) => line.field === 'authentication')?.value).toBe('SMTP-AUTH');
      expect(shown.find((line) => line.field === 'account')?.value).toBe('scanner@contoso.example');
    }
  });

  it('names no settings for the relay computer, nor before the MX host is known', () => {
    expect(lines('relay-computer')).toBeNull();
    expect(brotherSmtpLines(printerSmtpSettings('direct-send', profile, null), null, null)).toBe(
      null,
    );
  });

  it('leaves out the sender and account lines when no address is known', () => {
    const shown = lines('hve', null) ?? [];
    expect(shown.map((line) => line.field)).toEqual([
      'server',
      'port',
      'ssl-tls',
      'authentication',
    ]);
  });
});

describe("where the practice printer's mail goes", () => {
  const published = {
    mxHost: '127.0.0.1',
    mxPort: 40025,
    hveHost: '127.0.0.1',
    hvePort: 40587,
    smtpHost: '127.0.0.1',
    smtpPort: 41587,
  };

  it('resolves the names the wizard gives, on their real ports, to the practice servers', () => {
    expect(practiceSmtpRoute({ server: mx, port: 25 }, mx, published)).toEqual({
      kind: 'mx',
      host: '127.0.0.1',
      port: 40025,
    });
    expect(
      practiceSmtpRoute({ server: ' SMTP.HVE.MX.Microsoft. ', port: 587 }, mx, published),
    ).toEqual({ kind: 'hve', host: '127.0.0.1', port: 40587 });
    expect(practiceSmtpRoute({ server: 'smtp.office365.com', port: 587 }, mx, published)).toEqual({
      kind: 'exchange',
      host: '127.0.0.1',
      port: 41587,
    });
  });

  it('refuses a known name on another port, and finds no other name', () => {
    expect(practiceSmtpRoute({ server: mx, port: 587 }, mx, published)).toEqual({
      kind: 'refused',
    });
    expect(practiceSmtpRoute({ server: 'smtp.hve.mx.microsoft', port: 25 }, mx, published)).toEqual(
      { kind: 'refused' },
    );
    for (const server of ['', '127.0.0.1', 'fabrikam-com.mail.protection.outlook.com', 'smtp']) {
      expect(practiceSmtpRoute({ server, port: 25 }, mx, published)).toEqual({
        kind: 'not-found',
      });
    }
  });

  it('finds nothing while the practice server is not running', () => {
    expect(practiceSmtpRoute({ server: mx, port: 25 }, mx, {})).toEqual({ kind: 'not-found' });
  });
});
