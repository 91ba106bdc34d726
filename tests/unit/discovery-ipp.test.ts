import { describe, expect, it } from 'vitest';
import {
  decodeIpp,
  encodeIpp,
  getPrinterAttributesRequest,
  IppDecodeError,
  ippTags,
  ippValue,
} from '../../electron/services/ipp';

describe('IPP codec', () => {
  it('encodes Get-Printer-Attributes as RFC 8010 says, and reads it back', () => {
    const request = getPrinterAttributesRequest('ipp://10.0.0.2:631/ipp/print', [
      'printer-make-and-model',
      'printer-uuid',
    ]);
    expect([...request.subarray(0, 8)]).toEqual([1, 1, 0x00, 0x0b, 0, 0, 0, 1]);
    expect(request[8]).toBe(ippTags.operationAttributes);
    expect(request.at(-1)).toBe(ippTags.end);
    const message = decodeIpp(request);
    expect(message.code).toBe(0x000b);
    const requested = message.groups[0]?.attributes.find(
      (attribute) => attribute.name === 'requested-attributes',
    );
    expect(requested?.values).toEqual(['printer-make-and-model', 'printer-uuid']);
    expect(ippValue(message, 'printer-uri', ippTags.operationAttributes)).toBe(
      'ipp://10.0.0.2:631/ipp/print',
    );
  });

  it('round-trips integers, enums, booleans and text', () => {
    const buffer = encodeIpp({
      version: '2.0',
      code: 0,
      requestId: 7,
      groups: [
        {
          tag: ippTags.printerAttributes,
          attributes: [
            { tag: ippTags.enum, name: 'printer-state', values: [3] },
            { tag: ippTags.boolean, name: 'printer-is-accepting-jobs', values: [true] },
            { tag: ippTags.integer, name: 'printer-up-time', values: [-5] },
            { tag: ippTags.textWithoutLanguage, name: 'printer-info', values: ['Büro 漢'] },
          ],
        },
      ],
    });
    const message = decodeIpp(buffer);
    expect(message.version).toBe('2.0');
    expect(message.requestId).toBe(7);
    expect(ippValue(message, 'printer-state')).toBe(3);
    expect(ippValue(message, 'printer-is-accepting-jobs')).toBe(true);
    expect(ippValue(message, 'printer-up-time')).toBe(-5);
    expect(ippValue(message, 'printer-info')).toBe('Büro 漢');
  });

  it('reads a printable octetString firmware version as text, other bytes as hex', () => {
    const make = (bytes: number[]) =>
      Buffer.concat([
        Buffer.from([1, 1, 0, 0, 0, 0, 0, 1, ippTags.printerAttributes, ippTags.octetString]),
        Buffer.from([0, 4]),
        Buffer.from('fw-v'),
        Buffer.from([0, bytes.length]),
        Buffer.from(bytes),
        Buffer.from([ippTags.end]),
      ]);
    expect(ippValue(decodeIpp(make([0x31, 0x2e, 0x30])), 'fw-v')).toBe('1.0');
    expect(ippValue(decodeIpp(make([0x00, 0xff])), 'fw-v')).toBe('00ff');
  });

  it('rejects truncated, foreign and absurd messages with IppDecodeError only', () => {
    const good = getPrinterAttributesRequest('ipp://x/ipp/print', ['printer-uuid']);
    for (let cut = 0; cut < good.length - 1; cut += 1) {
      expect(() => decodeIpp(good.subarray(0, cut))).toThrow(IppDecodeError);
    }
    expect(() => decodeIpp(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(IppDecodeError);
    expect(() => decodeIpp(Buffer.from([1, 1, 0, 0, 0, 0, 0, 1, 0x44, 0, 0]))).toThrow(
      IppDecodeError,
    );
  });

  it('never throws anything but IppDecodeError on random bytes', () => {
    let state = 42;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 0x100000000;
    for (let round = 0; round < 2000; round += 1) {
      const bytes = Buffer.from(
        Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256)),
      );
      if (round % 2 === 0 && bytes.length > 2) bytes[0] = 1;
      try {
        decodeIpp(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(IppDecodeError);
      }
    }
  });
});
