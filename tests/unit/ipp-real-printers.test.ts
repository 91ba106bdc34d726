/**
 * What real printers answer to Get-Printer-Attributes, decoded as the wizard reads it. The
 * values come from published captures (docs/discovery.md, "Real printers"):
 * - Epson WF-2630 (ipptool, forum post "Epson 2630-WF problems on Lubuntu 18.04.3", 2019):
 *   printer-firmware-name Main,Network, printer-firmware-string-version LF25I7,16.66,
 *   printer-firmware-version 000000010000I7250000000000000000,00000001000016660000000000000000.
 * - HP ENVY 4520 (de.gmuth ipp-client log, simonscholz.dev "Print documents using ipp with
 *   Java/Kotlin", 2024): printer-device-id MFG:HP;MDL:ENVY 4520 series;…, one firmware entry
 *   CFP1FN2023BR named CFP1FN2023BR, printer-uri-supported ipp://…/ipp/print and ipps://…:443.
 * - Brother and Canon (issue 21's captures): make-and-model as textWithLanguage ("en" before
 *   the text when decoded as plain text), and a Canon whose only firmware entry is IPP 2.0.
 */
import { describe, expect, test } from 'vitest';
import {
  decodeIpp,
  encodeIpp,
  ippTags,
  ippValue,
  ippValues,
  type IppAttribute,
} from '../../electron/services/ipp';
import { mainFirmware } from '../../electron/services/printer-probe';

function answer(attributes: IppAttribute[]): Buffer {
  return encodeIpp({
    version: '2.0',
    code: 0,
    requestId: 1,
    groups: [{ tag: ippTags.printerAttributes, attributes }],
  });
}

describe('text with language (Brother)', () => {
  const brother: IppAttribute[] = [
    {
      tag: ippTags.textWithLanguage,
      name: 'printer-make-and-model',
      values: ['Brother MFC-J5320DW'],
    },
    {
      tag: ippTags.nameWithLanguage,
      name: 'printer-location',
      values: ['Front desk'],
      language: 'en-us',
    },
  ];

  test('travels as RFC 8010 §3.9 says: language length, language, text length, text', () => {
    const bytes = answer(brother.slice(0, 1));
    const value = Buffer.from([
      0,
      2,
      ...Buffer.from('en'),
      0,
      19,
      ...Buffer.from('Brother MFC-J5320DW'),
    ]);
    expect(bytes.includes(value)).toBe(true);
  });

  test('the language is read off, not shown before the model', () => {
    const message = decodeIpp(answer(brother));
    expect(ippValue(message, 'printer-make-and-model')).toBe('Brother MFC-J5320DW');
    expect(ippValue(message, 'printer-location')).toBe('Front desk');
  });

  test('a value whose lengths do not add up gives no text, and the rest still reads', () => {
    const bytes = answer([
      { tag: ippTags.textWithLanguage, name: 'printer-make-and-model', values: ['Brother'] },
      { tag: ippTags.textWithoutLanguage, name: 'printer-info', values: ['Office'] },
    ]);
    // The text claims 200 bytes where it has 7 (its two-byte length follows "en").
    const at = bytes.indexOf(Buffer.from([0, 2, ...Buffer.from('en')])) + 4;
    bytes.writeUInt16BE(200, at);
    const message = decodeIpp(bytes);
    expect(ippValue(message, 'printer-make-and-model')).toBe('');
    expect(ippValue(message, 'printer-info')).toBe('Office');
  });
});

describe('the main firmware, paired by name', () => {
  test('Epson WF-2630: Main of Main,Network', () => {
    const message = decodeIpp(
      answer([
        {
          tag: ippTags.nameWithoutLanguage,
          name: 'printer-firmware-name',
          values: ['Main', 'Network'],
        },
        {
          tag: ippTags.textWithoutLanguage,
          name: 'printer-firmware-string-version',
          values: ['LF25I7', '16.66'],
        },
      ]),
    );
    const names = ippValues(message, 'printer-firmware-name').map(String);
    const versions = ippValues(message, 'printer-firmware-string-version').map(String);
    expect(names).toEqual(['Main', 'Network']);
    expect(mainFirmware(names, versions)).toBe('LF25I7');
  });

  test('HP ENVY 4520: its one entry', () => {
    expect(mainFirmware(['CFP1FN2023BR'], ['CFP1FN2023BR'])).toBe('CFP1FN2023BR');
  });

  test("Canon: an entry named IPP is the protocol's version, not firmware", () => {
    expect(mainFirmware(['IPP'], ['2.0'])).toBeNull();
    expect(mainFirmware(['IPP', 'Controller'], ['2.0', '03.07'])).toBe('03.07');
  });

  test('without names, the first printable version; raw octets are no version', () => {
    expect(mainFirmware([], ['1.01.00.36'])).toBe('1.01.00.36');
    expect(mainFirmware([], ['0000000100001666000000000000000a'])).toBeNull();
    expect(mainFirmware([], [])).toBeNull();
  });
});
