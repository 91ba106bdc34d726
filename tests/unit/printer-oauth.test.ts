/**
 * The OAuth 2.0 verdict per printer (shared/printer-oauth.ts), on what real printers announce:
 * the make and model text as IPP and mDNS carry it, and the main firmware the probe picks out
 * (tests/unit/ipp-real-printers.test.ts, docs/discovery.md "Real printers"). Lexmark's version
 * strings come from Lexmark's own Cloud Authentication readme (CX53x: CXTGV.221.058).
 */
import { describe, expect, test } from 'vitest';
import {
  judgeOauthSupport,
  oauthSourceOrigins,
  oauthSupportTable,
  type OauthSupportRow,
} from '../../shared/printer-oauth';
import { printerMakes, recogniseVendor } from '../../shared/vendor-profiles';

/** A printer as discovery sees it: the make recognised from its own words. */
function printer(model: string, firmware: string | null = null, manufacturer?: string) {
  return { vendor: recogniseVendor({ model, manufacturer }), model, firmware };
}

describe('what the makers say, per real model', () => {
  test('Epson ES-C380W: supported, from its own user guide', () => {
    const verdict = judgeOauthSupport(printer('EPSON ES-C380W'));
    expect(verdict).toMatchObject({ kind: 'supported', family: 'ES-C380W' });
    if (verdict.kind === 'supported')
      expect(verdict.source.url).toMatch(/^https:\/\/download4\.epson\.biz\//);
  });

  test('Epson WF-2630 (firmware LF25I7): Epson names no model list, so unknown, with where to look', () => {
    const verdict = judgeOauthSupport(printer('EPSON WF-2630 Series', 'LF25I7'));
    expect(verdict.kind).toBe('unknown');
    if (verdict.kind === 'unknown') expect(verdict.source?.read).toBe(true);
  });

  test('the practice Epsons are unknown too: a firmware string is no evidence', () => {
    for (const [model, firmware] of [
      ['EPSON ET-2850 Series', '05.27.XK26P4'],
      ['EPSON WF-C5790 Series', '10.53.WD17M2'],
    ] as const) {
      expect(judgeOauthSupport(printer(model, firmware)).kind).toBe('unknown');
    }
  });

  test('HP ENVY 4520 (CFP1FN2023BR): unknown; HP’s page is only where to look (not read here)', () => {
    const verdict = judgeOauthSupport(printer('ENVY 4520 series', 'CFP1FN2023BR', 'HP'));
    expect(verdict).toMatchObject({ kind: 'unknown', source: { read: false } });
    if (verdict.kind === 'unknown')
      expect(verdict.source?.url).toMatch(/^https:\/\/support\.hp\.com\//);
  });

  test('Brother MFC-J5320DW and the practice MFC-L2750DW: unknown, with Brother’s support list', () => {
    for (const model of ['Brother MFC-J5320DW', 'Brother MFC-L2750DW series']) {
      const verdict = judgeOauthSupport(printer(model, 'ZC2305271639'));
      expect(verdict).toMatchObject({ kind: 'unknown', source: { read: false } });
      if (verdict.kind === 'unknown') expect(verdict.source?.url).toMatch(/support\.brother\.com/);
    }
  });

  test('Canon (only an IPP 2.0 entry, so no firmware): unknown, with the manual that shows the setting', () => {
    const verdict = judgeOauthSupport(printer('Canon iR-ADV C5535', null));
    expect(verdict).toMatchObject({ kind: 'unknown', source: { read: true } });
  });

  test('Kyocera: no Kyocera page found, so unknown without a source', () => {
    expect(judgeOauthSupport(printer('Kyocera TASKalfa 2553ci'))).toEqual({
      kind: 'unknown',
      source: null,
    });
  });

  test('Sharp BP-70C65 and BP-B550WD: supported, with or without the hyphen', () => {
    for (const model of ['SHARP BP-70C65', 'SHARP BP70C65', 'Sharp BP-B550WD']) {
      expect(judgeOauthSupport(printer(model)).kind).toBe('supported');
    }
    expect(judgeOauthSupport(printer('SHARP MX-3071')).kind).toBe('unknown');
    // A longer model number is another model, not the manual's.
    expect(judgeOauthSupport(printer('SHARP BP-70C650')).kind).toBe('unknown');
  });

  test('Konica Minolta bizhub 451i: supported; another bizhub: unknown', () => {
    expect(judgeOauthSupport(printer('KONICA MINOLTA bizhub 451i'))).toMatchObject({
      kind: 'supported',
      family: 'bizhub 651i/551i/451i',
    });
    expect(judgeOauthSupport(printer('KONICA MINOLTA bizhub C300i')).kind).toBe('unknown');
  });

  test('Lexmark: supported from FW24, the reported version shown and never compared', () => {
    const verdict = judgeOauthSupport(printer('Lexmark CX532adwe', 'CXTGV.221.058'));
    expect(verdict).toMatchObject({
      kind: 'update-first',
      minimumFirmware: 'FW24',
      firmware: 'CXTGV.221.058',
    });
    // The same verdict whatever the version says: Lexmark's pages do not map FW24 to versions.
    expect(judgeOauthSupport(printer('Lexmark CX532adwe', 'CXTGV.240.001'))).toMatchObject({
      kind: 'update-first',
      firmware: 'CXTGV.240.001',
    });
    expect(judgeOauthSupport(printer('Lexmark CX532adwe', null))).toMatchObject({
      kind: 'update-first',
      firmware: null,
    });
  });

  test('a printer typed in by address, recorded as "other", is judged by the make its model names', () => {
    const typedIn = { vendor: 'other' as const, model: 'SHARP BP-70C65', firmware: null };
    expect(judgeOauthSupport(typedIn).kind).toBe('supported');
  });

  test('a make none of the table names: unknown without a source', () => {
    expect(judgeOauthSupport(printer('Acme LaserThing 9'))).toEqual({
      kind: 'unknown',
      source: null,
    });
  });

  test('hostile model text is only matched, never trusted as a family', () => {
    const verdict = judgeOauthSupport(printer('<script>alert(2)</script> EPSON'));
    expect(verdict.kind).toBe('unknown');
  });
});

describe('the person overrules', () => {
  test('"its email settings have no OAuth 2.0" wins over the maker, and taking it back restores it', () => {
    const sharp = printer('SHARP BP-70C65');
    expect(judgeOauthSupport(sharp, { noOauthInEmailSettings: true })).toEqual({
      kind: 'not-offered',
      by: 'person',
    });
    expect(judgeOauthSupport(sharp, { noOauthInEmailSettings: false }).kind).toBe('supported');
    expect(
      judgeOauthSupport(printer('Acme LaserThing 9'), { noOauthInEmailSettings: true }),
    ).toEqual({
      kind: 'not-offered',
      by: 'person',
    });
  });
});

describe('the table', () => {
  test('every make the recogniser knows ends with an "every other model" row', () => {
    for (const make of printerMakes) {
      const rows = oauthSupportTable.filter((row) => row.make === make.id);
      expect(rows.length, make.id).toBeGreaterThan(0);
      expect(rows.at(-1)?.models, make.id).toBeNull();
      expect(
        rows.slice(0, -1).every((row) => row.models !== null),
        make.id,
      ).toBe(true);
    }
  });

  test('a family with a statement has a source that was read; a minimum only with from-firmware', () => {
    for (const row of oauthSupportTable) {
      if (row.statement !== 'unknown') expect(row.source?.read, row.family).toBe(true);
      expect(row.minimumFirmware !== null, row.family).toBe(row.statement === 'from-firmware');
      if (row.source) expect(new URL(row.source.url).protocol).toMatch(/^https?:$/);
    }
  });

  test('a maker’s "not offered" (none read yet) would be said as the maker’s, with its source', () => {
    const source = { url: 'https://example.com/list', title: 'List', read: true };
    const table: OauthSupportRow[] = [
      {
        make: 'hp',
        family: 'M479',
        models: /M479/,
        statement: 'not-offered',
        minimumFirmware: null,
        source,
      },
      {
        make: 'hp',
        family: 'M480',
        models: /M480/,
        statement: 'not-offered',
        minimumFirmware: null,
        source: { ...source, read: false },
      },
    ];
    expect(judgeOauthSupport(printer('HP Color LaserJet Pro MFP M479fdw'), {}, table)).toEqual({
      kind: 'not-offered',
      by: 'maker',
      family: 'M479',
      source,
    });
    // An unread page never turns into a verdict.
    expect(judgeOauthSupport(printer('HP LaserJet M480f'), {}, table).kind).toBe('unknown');
  });

  test('the link allow-list gets exactly the cited origins', () => {
    expect(oauthSourceOrigins).toContain('https://support.lexmark.com');
    expect(oauthSourceOrigins).toContain('https://download4.epson.biz');
    expect(new Set(oauthSourceOrigins).size).toBe(oauthSourceOrigins.length);
  });
});
