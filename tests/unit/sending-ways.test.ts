/**
 * The pure rules "Prove this way" uses (shared/sending-ways.ts), on replies captured from real
 * Exchange Online servers in public issue threads (sources in docs/sending-ways.md) and on
 * hostile input.
 */
import { describe, expect, it } from 'vitest';
import { cloudProfiles } from '../../shared/cloud-profiles';
import {
  addressInRange,
  anotherWayNeed,
  domainOf,
  everyPrinterHasAWay,
  findSpf,
  nameWaysInSummary,
  judgeMx,
  keepSendingOnTheWay,
  parseSpf,
  printerSmtpSettings,
  publicAddressFromEhlo,
  readGreeting,
  readRelayAddress,
  spfNamesDirectly,
} from '../../shared/sending-ways';

describe('Exchange greeting and EHLO reply, as captured from real servers', () => {
  it('reads the MX front end greeting (muquit/mailsend#152)', () => {
    const line =
      '220 CY1NAM02FT061.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Fri, 11 Oct 2019 16:40:13 +0000';
    expect(readGreeting(line)).toEqual({
      kind: 'ready',
      host: 'CY1NAM02FT061.mail.protection.outlook.com',
    });
  });

  it('reads a greeting with the session id Exchange adds since 2024 (email-oauth2-proxy#297)', () => {
    const line =
      '220 LO4P302CA0005.outlook.office365.com Microsoft ESMTP MAIL Service ready at Thu, 10 Oct 2024 22:49:55 +0000 [08DCE8B62813AB2B]';
    expect(readGreeting(line)).toMatchObject({ kind: 'ready' });
  });

  it('tells a refusal and nonsense apart from a greeting', () => {
    expect(readGreeting('554 5.7.1 Service unavailable; Client host blocked')).toMatchObject({
      kind: 'refused',
      code: 554,
    });
    expect(readGreeting('HTTP/1.1 400 Bad Request')).toBeNull();
    expect(readGreeting('SSH-2.0-OpenSSH_9.6')).toBeNull();
    expect(readGreeting('')).toBeNull();
  });

  it('finds the public address in the EHLO reply (email-oauth2-proxy#95 and #93)', () => {
    const captured95 = [
      '250-AM3PR05CA0094.outlook.office365.com Hello [77.233.241.24]',
      '250-SIZE 157286400',
      '250-PIPELINING',
      '250-DSN',
      '250-ENHANCEDSTATUSCODES',
      '250-STARTTLS',
      '250-8BITMIME',
      '250-BINARYMIME',
      '250-CHUNKING',
      '250 SMTPUTF8',
    ].join('\r\n');
    expect(publicAddressFromEhlo(captured95)).toBe('77.233.241.24');
    expect(
      publicAddressFromEhlo('250-BL1P221CA0016.outlook.office365.com Hello [45.144.113.21]'),
    ).toBe('45.144.113.21');
    expect(publicAddressFromEhlo('250-host.example Hello [2001:db8::7]\r\n250 SIZE')).toBe(
      '2001:db8::7',
    );
  });

  it('says nothing when the EHLO reply names no address, or names nonsense', () => {
    expect(publicAddressFromEhlo('250-mx.example Nice to meet you, [192.0.2.1]')).toBeNull();
    expect(publicAddressFromEhlo('250-mx.example Hello [999.1.1.1]')).toBeNull();
    expect(publicAddressFromEhlo('250-mx.example Hello [<script>]')).toBeNull();
    expect(publicAddressFromEhlo('500 5.3.3 Unrecognized command')).toBeNull();
    // Only the first line counts: a later line cannot plant an address.
    expect(publicAddressFromEhlo('250-mx.example\r\n250-x Hello [192.0.2.9]')).toBeNull();
  });
});

describe('MX judging per cloud profile', () => {
  const global = cloudProfiles.global.mxSuffixes;

  it('takes the preferred record and knows Exchange Online by its suffix', () => {
    expect(
      judgeMx(
        [
          { exchange: 'backup.mailfilter.example', priority: 20 },
          { exchange: 'contoso-com.mail.protection.outlook.com.', priority: 0 },
        ],
        global,
      ),
    ).toEqual({ kind: 'exchange-online', host: 'contoso-com.mail.protection.outlook.com' });
  });

  it('says so when the preferred MX is another provider', () => {
    expect(judgeMx([{ exchange: 'mx1.mailfilter.example', priority: 10 }], global)).toEqual({
      kind: 'not-exchange-online',
      host: 'mx1.mailfilter.example',
    });
    // A look-alike is not Exchange Online.
    expect(
      judgeMx([{ exchange: 'evil-mail.protection.outlook.com.example', priority: 0 }], global),
    ).toMatchObject({ kind: 'not-exchange-online' });
  });

  it('knows no MX, an empty one and garbage as none', () => {
    expect(judgeMx([], global)).toEqual({ kind: 'none' });
    expect(judgeMx([{ exchange: '', priority: 0 }], global)).toEqual({ kind: 'none' });
    expect(judgeMx([{ exchange: 'a b<c>', priority: 0 }], global)).toEqual({ kind: 'none' });
  });

  it('uses each cloud’s own suffix', () => {
    const gov = [{ exchange: 'contoso-us.mail.protection.office365.us', priority: 0 }];
    expect(judgeMx(gov, cloudProfiles['us-government'].mxSuffixes).kind).toBe('exchange-online');
    expect(judgeMx(gov, global).kind).toBe('not-exchange-online');
    expect(judgeMx(gov, cloudProfiles.personal.mxSuffixes).kind).toBe('not-exchange-online');
  });
});

describe('SPF matching', () => {
  it('finds the SPF record among TXT strings, joined across chunks', () => {
    expect(
      findSpf([
        ['MS=ms12345678'],
        ['v=spf1 ip4:203.0.113.0/24 ', 'include:spf.protection.outlook.com -all'],
      ]),
    ).toBe('v=spf1 ip4:203.0.113.0/24 include:spf.protection.outlook.com -all');
    expect(findSpf([['v=spf10 nonsense']])).toBeNull();
    expect(findSpf([])).toBeNull();
  });

  it('names an address by ip4 range, exact address or ip6', () => {
    const record = parseSpf(
      'v=spf1 ip4:203.0.113.0/24 ip4:198.51.100.7 ip6:2001:db8::1 include:spf.protection.outlook.com -all',
    );
    expect(record.includes).toEqual(['spf.protection.outlook.com']);
    expect(spfNamesDirectly(record, '203.0.113.77')).toBe(true);
    expect(spfNamesDirectly(record, '198.51.100.7')).toBe(true);
    expect(spfNamesDirectly(record, '198.51.100.8')).toBe(false);
    expect(spfNamesDirectly(record, '2001:db8::1')).toBe(true);
  });

  it('never counts a failing or neutral term, and lists what it does not follow', () => {
    const record = parseSpf('v=spf1 -ip4:203.0.113.7 ~ip4:192.0.2.1 a mx -all');
    expect(spfNamesDirectly(record, '203.0.113.7')).toBe(false);
    expect(spfNamesDirectly(record, '192.0.2.1')).toBe(false);
    expect(record.unresolved).toEqual(['a', 'mx']);
    expect(parseSpf('v=spf1 redirect=_spf.example.com').redirect).toBe('_spf.example.com');
  });

  it('compares ranges exactly at their edges and refuses nonsense', () => {
    expect(addressInRange('10.0.0.255', '10.0.0.0/24')).toBe(true);
    expect(addressInRange('10.0.1.0', '10.0.0.0/24')).toBe(false);
    expect(addressInRange('8.8.8.8', '0.0.0.0/0')).toBe(true);
    expect(addressInRange('10.0.0.1', '10.0.0.0/33')).toBe(false);
    expect(addressInRange('10.0.0.1', 'nonsense')).toBe(false);
  });
});

describe('the ways themselves', () => {
  it('asks for another way only when OAuth 2.0 is not offered, offers one when unknown', () => {
    expect(anotherWayNeed({ kind: 'not-offered', by: 'person' })).toBe('needed');
    expect(anotherWayNeed({ kind: 'unknown', source: null })).toBe('offered');
    expect(
      anotherWayNeed({
        kind: 'supported',
        family: 'x',
        source: { url: 'https://example.com', title: 'x', read: true },
      }),
    ).toBe('not-needed');
  });

  it('passes the step by unless a printer needs a way or has one', () => {
    const printer = {
      id: 'p1',
      name: 'HP',
      model: 'HP LaserJet M404',
      vendor: 'hp' as const,
      addresses: [],
      webConfigUrl: null,
      firmwareVersion: null,
    };
    const record = { signedIn: null, answers: {}, statusSheet: null };
    expect(keepSendingOnTheWay({ printers: [printer], printerSetup: {} })).toBe(false);
    expect(
      keepSendingOnTheWay({
        printers: [printer],
        printerSetup: { p1: { ...record, noOauthInEmailSettings: true } },
      }),
    ).toBe(true);
    expect(
      keepSendingOnTheWay({
        printers: [printer],
        printerSetup: {
          p1: { ...record, sendingWay: { way: 'hve', chosenAt: '2026-12-07T18:00:00.000Z' } },
        },
      }),
    ).toBe(true);
  });

  it('gives the printer’s SMTP settings for each way from the cloud profile', () => {
    const profile = cloudProfiles.global;
    expect(printerSmtpSettings('hve', profile, null)).toEqual({
      server: 'smtp.hve.mx.microsoft',
      port: 587,
      security: 'starttls',
      authentication: 'password',
    });
    expect(printerSmtpSettings('direct-send', profile, null)).toBeNull();
    expect(
      printerSmtpSettings('direct-send', profile, 'contoso-com.mail.protection.outlook.com'),
    ).toMatchObject({ port: 25, authentication: 'none' });
    expect(printerSmtpSettings('hve', cloudProfiles.china, null)).toBeNull();
    expect(printerSmtpSettings('relay-computer', profile, null)).toBeNull();
    expect(
      printerSmtpSettings('relay-computer', profile, null, {
        host: 'relay.office.lan',
        port: 2525,
      }),
    ).toEqual({
      server: 'relay.office.lan',
      port: 2525,
      security: 'as-relay',
      authentication: 'as-relay',
    });
    expect(printerSmtpSettings('password-for-now', profile, null)).toMatchObject({
      server: 'smtp.office365.com',
      port: 587,
      authentication: 'password',
    });
  });

  it('reads the relay address the person types, refusing what is not a host and a port', () => {
    expect(readRelayAddress(' Relay.Office.LAN. ', '2525')).toEqual({
      host: 'relay.office.lan',
      port: 2525,
    });
    expect(readRelayAddress('192.168.1.20', '25')).toEqual({ host: '192.168.1.20', port: 25 });
    for (const [host, port] of [
      ['http://relay', '25'],
      ['relay:25', '25'],
      ['relay', '0'],
      ['relay', '65536'],
      ['relay', '25a'],
      ['', '25'],
      ['<img src=x>', '25'],
    ] as const) {
      expect(readRelayAddress(host, port), `${host} ${port}`).toBeNull();
    }
  });

  it('the sign-in steps are not needed only when every chosen printer has a way', () => {
    const printer = (id: string) => ({
      id,
      name: id,
      model: 'Brother MFC-L2750DW series',
      vendor: 'brother' as const,
      addresses: [],
      webConfigUrl: null,
      firmwareVersion: null,
    });
    const record = { signedIn: null, answers: {}, statusSheet: null };
    const withWay = {
      ...record,
      sendingWay: { way: 'direct-send' as const, chosenAt: '2026-12-07T18:00:00.000Z' },
    };
    expect(everyPrinterHasAWay({ printers: [], printerSetup: {} })).toBe(false);
    expect(everyPrinterHasAWay({ printers: [printer('a')], printerSetup: { a: withWay } })).toBe(
      true,
    );
    expect(
      everyPrinterHasAWay({
        printers: [printer('a'), printer('b')],
        printerSetup: { a: withWay, b: record },
      }),
    ).toBe(false);
  });

  it('reads the sending domain from an address, and nothing from a non-address', () => {
    expect(domainOf('Scanner@Contoso.COM')).toBe('contoso.com');
    expect(domainOf('scanner@localhost')).toBeNull();
    expect(domainOf('a@b@c.com')).toBeNull();
    expect(domainOf('<script>@x.com')).toBeNull();
    expect(domainOf('')).toBeNull();
  });
});

describe('nameWaysInSummary', () => {
  const names = { 'direct-send': 'Direct send', hve: 'High Volume Email' } as const;
  const name = (way: string) => names[way as keyof typeof names] ?? `?${way}`;

  it("puts each way's name after its printer", () => {
    expect(
      nameWaysInSummary('Brother MFC-L2750DW series: direct-send, EPSON ET-2850 Series: hve', name),
    ).toBe('Brother MFC-L2750DW series: Direct send, EPSON ET-2850 Series: High Volume Email');
  });

  it('leaves other summaries and look-alike words alone', () => {
    expect(nameWaysInSummary('EPSON ET-2850 Series: 1.05.2', name)).toBe(
      'EPSON ET-2850 Series: 1.05.2',
    );
    expect(nameWaysInSummary('Printer: hve-like, x: direct-sender', name)).toBe(
      'Printer: hve-like, x: direct-sender',
    );
  });
});
