import { describe, expect, it } from 'vitest';
import type { ProbeSummary, ServiceAnnouncement } from '../../shared/printers';
import {
  cleanText,
  groupPrinters,
  modelFromTxt,
  recogniseVendor,
  webConfigUrl,
} from '../../electron/services/discovery/grouping';

const epsonTxt = {
  ty: 'EPSON ET-2760 Series',
  usb_mfg: 'EPSON',
  usb_mdl: 'ET-2760 Series',
  product: '(EPSON ET-2760 Series)',
  uuid: 'cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
  note: 'Office',
  adminurl: 'http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR',
  scan: 'T',
  fax: 'F',
};

function announce(
  type: ServiceAnnouncement['type'],
  overrides: Partial<ServiceAnnouncement> = {},
): ServiceAnnouncement {
  const instance = overrides.instance ?? 'EPSON ET-2760 Series';
  return {
    fqdn: `${instance}._${type}._tcp.local`.toLowerCase(),
    type,
    instance,
    host: 'epson4a3aab.local',
    port: type === 'http' ? 80 : 631,
    addresses: ['192.168.1.20', 'fe80::1'],
    txt: epsonTxt,
    subtypes: [],
    seenAt: 0,
    ...overrides,
  };
}

const probe = (overrides: Partial<ProbeSummary> = {}): ProbeSummary => ({
  at: '2026-01-01T00:00:00.000Z',
  webConfigUrl: null,
  makeAndModel: null,
  firmwareVersion: null,
  uuid: null,
  state: null,
  name: null,
  location: null,
  manufacturer: null,
  ...overrides,
});

describe('groupPrinters', () => {
  it('makes one row of every service a printer announces, preferring the secure ones', () => {
    const rows = groupPrinters([
      announce('ipp'),
      announce('ipps'),
      announce('uscan', { txt: { uuid: epsonTxt.uuid } }),
      announce('http', { txt: {} }),
      announce('pdl-datastream', { txt: {} }),
    ]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.id).toBe('uuid:cfe92100-67c4-11d4-a45f-dccd2f4a3aab');
    expect(row?.services).toEqual(['ipps', 'ipp', 'uscan', 'pdl-datastream', 'http']);
    expect(row?.secure).toBe(true);
    expect(row?.vendor).toBe('epson');
    expect(row?.model).toBe('EPSON ET-2760 Series');
    expect(row?.location).toBe('Office');
    expect(row?.offers).toEqual({ print: true, scan: true, fax: false });
    // The .local host of adminurl is swapped for the address it answered from.
    expect(row?.webConfigUrl).toBe('http://192.168.1.20/PRESENTATION/BONJOUR');
  });

  it('groups by UUID first, then by host name', () => {
    const rows = groupPrinters([
      announce('ipp', { host: 'a.local' }),
      // Same UUID under another host name: still the same printer.
      announce('ipps', { host: 'b.local' }),
      // No UUID, but the host of the first: the same printer.
      announce('http', { host: 'a.local', txt: {}, subtypes: ['printer'] }),
      // Another printer entirely.
      announce('ipp', {
        instance: 'Other',
        host: 'other.local',
        txt: { ty: 'Other Model', uuid: '11111111-2222-3333-4444-555555555555' },
      }),
    ]);
    expect(rows.map((row) => row.services.length).sort()).toEqual([1, 3]);
  });

  it('does not merge different printers that share an address (print servers, loopback)', () => {
    const rows = groupPrinters([
      announce('ipp', {
        host: 'one.local',
        instance: 'One',
        txt: { ty: 'One' },
        addresses: ['10.0.0.5'],
      }),
      announce('ipp', {
        host: 'two.local',
        instance: 'Two',
        txt: { ty: 'Two' },
        addresses: ['10.0.0.5'],
      }),
    ]);
    expect(rows).toHaveLength(2);
  });

  it('lists a web server only as part of a printer', () => {
    expect(groupPrinters([announce('http', { host: 'router.local', txt: {} })])).toEqual([]);
    expect(
      groupPrinters([announce('http', { host: 'x.local', txt: {}, subtypes: ['printer'] })]),
    ).toHaveLength(1);
  });

  it('merges a manual entry into the printer with the UUID its probe read', () => {
    const rows = groupPrinters(
      [announce('ipp')],
      [
        {
          host: '192.168.1.99',
          port: null,
          probe: probe({ uuid: `urn:uuid:${epsonTxt.uuid.toUpperCase()}`, firmwareVersion: '1.2' }),
        },
      ],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sources).toEqual(['network', 'manual']);
    expect(rows[0]?.probe?.firmwareVersion).toBe('1.2');
  });

  it('merges a manual entry without UUID by address, and keeps an unknown one as its own row', () => {
    const rows = groupPrinters(
      [announce('ipp')],
      [
        {
          host: '192.168.1.20',
          port: null,
          probe: probe({ webConfigUrl: 'https://192.168.1.20/' }),
        },
        { host: '10.9.9.9', port: 8080, probe: probe({ makeAndModel: 'Lexmark CX725' }) },
      ],
    );
    expect(rows).toHaveLength(2);
    const epson = rows.find((row) => row.vendor === 'epson');
    expect(epson?.sources).toEqual(['network', 'manual']);
    expect(epson?.webConfigUrl).toBe('https://192.168.1.20/');
    const manual = rows.find((row) => row.id === 'address:10.9.9.9:8080');
    expect(manual?.model).toBe('Lexmark CX725');
    expect(manual?.sources).toEqual(['manual']);
  });

  it('names a printer from ty, else product, else usb_MFG + usb_MDL', () => {
    expect(modelFromTxt({ ty: 'A', product: '(B)' })).toBe('A');
    expect(modelFromTxt({ product: '(HP LaserJet M404)' })).toBe('HP LaserJet M404');
    expect(modelFromTxt({ usb_mfg: 'Brother', usb_mdl: 'HL-L2350DW' })).toBe('Brother HL-L2350DW');
    expect(modelFromTxt({ ty: '', product: '' })).toBeNull();
  });

  it('recognises Epson by usb_MFG, ty or the UUID prefix, and other makes by their names', () => {
    expect(recogniseVendor({ txt: { usb_mfg: 'EPSON' } })).toBe('epson');
    expect(recogniseVendor({ txt: { ty: 'Epson WF-2960' } })).toBe('epson');
    expect(recogniseVendor({ uuid: 'cfe92100-67c4-11d4-a45f-001122334455' })).toBe('epson');
    expect(
      recogniseVendor({ txt: { ty: 'Brother MFC' }, uuid: 'e3248000-80ce-11db-8000-3c2af4123456' }),
    ).toBe('brother');
    expect(
      recogniseVendor({ txt: { ty: 'Acme MFC' }, uuid: 'e3248000-80ce-11db-8000-3c2af4123456' }),
    ).toBe('other');
    expect(recogniseVendor({ txt: { ty: 'NotEpsonish' } })).toBe('other');
  });

  it('shows hostile names as bounded text', () => {
    const rows = groupPrinters([
      announce('ipp', {
        instance: '<img src=x onerror=alert(1)>',
        host: 'evil.local',
        txt: { ty: `<script>${'A'.repeat(500)}</script>`, adminurl: 'javascript:alert(1)' },
      }),
    ]);
    expect(rows[0]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(Array.from(rows[0]?.model ?? '').length).toBeLessThanOrEqual(80);
    expect(rows[0]?.webConfigUrl).toBe('http://192.168.1.20/');
  });
});

describe('webConfigUrl', () => {
  it('accepts only plain http(s) pages and rebuilds the fallback from the address', () => {
    expect(webConfigUrl('https://10.0.0.2:8443/admin', ['10.0.0.2'])).toBe(
      'https://10.0.0.2:8443/admin',
    );
    expect(webConfigUrl('javascript:alert(1)', ['10.0.0.2'])).toBe('http://10.0.0.2/');
    expect(webConfigUrl('http://user:pw@10.0.0.2/', ['10.0.0.2'])).toBe('http://10.0.0.2/');
    expect(webConfigUrl('not a url', ['fe80::1'], 8080)).toBe('http://[fe80::1]:8080/');
    expect(webConfigUrl(undefined, [])).toBeNull();
  });

  it("accepts an admin page on the printer's own v6 address", () => {
    expect(webConfigUrl('http://[fe80::1]/web', ['fe80::1'])).toBe('http://[fe80::1]/web');
  });
});

describe('an admin page the printer announces (finding 1: a printer sends the admin elsewhere)', () => {
  it.each([
    'https://login-microsoftonline.evil.example/common/oauth2/v2.0/authorize',
    'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    'http://192.168.1.21/',
    'http://192.168.1.20.evil.example/',
    'http://epson4a3aab.local.evil.example/',
  ])("%s on another host gives the printer's own address instead", (adminurl) => {
    const [row] = groupPrinters([announce('ipp', { txt: { ...epsonTxt, adminurl } })]);
    expect(row?.webConfigUrl).toBe('http://192.168.1.20/');
  });

  it("keeps an admin page on the printer's own address or its .local name", () => {
    const own = groupPrinters([
      announce('ipp', { txt: { ...epsonTxt, adminurl: 'https://192.168.1.20:8443/admin' } }),
    ]);
    expect(own[0]?.webConfigUrl).toBe('https://192.168.1.20:8443/admin');
    const local = groupPrinters([
      announce('ipp', { txt: { ...epsonTxt, adminurl: 'https://EPSON4A3AAB.local./admin' } }),
    ]);
    expect(local[0]?.webConfigUrl).toBe('https://192.168.1.20/admin');
  });

  it('does not take a DNS name the printer announces as its own host', () => {
    const [row] = groupPrinters([
      announce('ipp', {
        host: 'login.microsoftonline.com',
        txt: { ...epsonTxt, adminurl: 'https://login.microsoftonline.com/common/oauth2/authorize' },
      }),
    ]);
    expect(row?.webConfigUrl).toBe('http://192.168.1.20/');
  });
});

describe('cleanText', () => {
  it('cuts at a character boundary with an ellipsis', () => {
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(cleanText(42 as unknown as string)).toBe('');
  });
});
