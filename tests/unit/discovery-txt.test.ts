import { describe, expect, it } from 'vitest';
import { cleanText } from '../../electron/services/discovery/grouping';
import { parseTxt, txtLimits } from '../../electron/services/discovery/txt';

const entry = (text: string | Buffer): Buffer =>
  Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');

describe('parseTxt', () => {
  it('reads an Epson capture (reference F.2) with lower-cased keys', () => {
    const txt = parseTxt(
      [
        'txtvers=1',
        'ty=EPSON ET-2760 Series',
        'usb_MFG=EPSON',
        'usb_MDL=ET-2760 Series',
        'UUID=cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
        'note=',
        'adminurl=http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR',
      ].map(entry),
    );
    expect(txt).toEqual({
      txtvers: '1',
      ty: 'EPSON ET-2760 Series',
      usb_mfg: 'EPSON',
      usb_mdl: 'ET-2760 Series',
      uuid: 'cfe92100-67c4-11d4-a45f-dccd2f4a3aab',
      note: '',
      adminurl: 'http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR',
    });
  });

  it('keeps the first of duplicated keys (RFC 6763 6.4), case-insensitively', () => {
    expect(parseTxt(['ty=first', 'TY=second', 'ty=third'].map(entry))).toEqual({ ty: 'first' });
  });

  it('treats a key without "=" as present and empty, and skips empty strings and bad keys', () => {
    expect(parseTxt(['Duplex', '', '=novalue', 'k\u0001ey=x'].map(entry))).toEqual({
      duplex: '',
    });
  });

  it('keeps "=" inside values and decodes invalid UTF-8 as replacement characters', () => {
    const txt = parseTxt([entry('a=b=c'), Buffer.from([0x62, 0x3d, 0xff, 0xfe, 0x41])]);
    expect(txt['a']).toBe('b=c');
    expect(txt['b']).toBe('\ufffd\ufffdA');
  });

  it('turns control characters, newlines and bidi overrides into plain spaces', () => {
    const txt = parseTxt([entry('note=Floor\u0000 2\nRoom\u0007 5\u202egnp.exe')]);
    expect(txt['note']).toBe('Floor 2 Room 5 gnp.exe');
  });

  it('keeps markup as the characters it is (the UI renders text only)', () => {
    expect(parseTxt([entry('ty=<img src=x onerror=alert(1)>')])['ty']).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('bounds entries, string length and value length', () => {
    const many = Array.from({ length: 500 }, (_, index) => entry(`k${index}=v`));
    expect(Object.keys(parseTxt(many))).toHaveLength(txtLimits.maxEntries);
    const long = parseTxt([entry(`long=${'x'.repeat(5000)}`)])['long'] ?? '';
    expect(Array.from(long).length).toBeLessThanOrEqual(txtLimits.valueChars);
    expect(long.endsWith('…')).toBe(true);
  });

  it('refuses __proto__ and anything that is not an array of strings', () => {
    const txt = parseTxt([entry('__proto__=polluted'), entry('ok=1')]);
    expect(txt).toEqual({ ok: '1' });
    expect(Object.getPrototypeOf(txt)).toBe(Object.prototype);
    expect(parseTxt(undefined)).toEqual({});
    expect(parseTxt('ty=x')).toEqual({});
    expect(parseTxt([42, null, {}, entry('a=1')])).toEqual({ a: '1' });
  });
});

/** A small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

describe('parseTxt fuzz', () => {
  const pieces = [
    '=',
    '<',
    '>',
    '"',
    "'",
    '&',
    '\u0000',
    '\n',
    '\u202e',
    '\u200b',
    'é',
    '漢',
    '😀',
  ];

  const pieceBytes = pieces.map((piece) => Buffer.byteLength(piece));

  function generateEntry(next: () => number): Buffer {
    const kind = Math.floor(next() * 4);
    const length = Math.floor(next() * 300);
    if (kind === 0) return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
    let text = '';
    // The bytes counted as they are added (a printable ASCII character is one), not measured
    // over the whole text at each draw: the same records, draw for draw, in a third of the time.
    for (let bytes = 0; bytes < length;) {
      if (next() < 0.3) {
        const piece = Math.floor(next() * pieces.length);
        text += pieces[piece];
        bytes += pieceBytes[piece] ?? 0;
      } else {
        text += String.fromCharCode(32 + Math.floor(next() * 95));
        bytes += 1;
      }
    }
    return Buffer.from(kind === 1 ? text : `${['ty', 'UUID', 'note', 'x'][kind]}=${text}`);
  }

  it('never throws and always yields bounded plain text, over 3000 generated records', () => {
    // Plain checks, one list of what broke: hundreds of thousands of expect() calls took 26 s
    // of a loaded CI machine for the same verdicts.
    const broken: string[] = [];
    // eslint-disable-next-line no-control-regex
    const controlOrBidi = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (let seed = 1; seed <= 3000; seed += 1) {
      const next = random(seed);
      const record = Array.from({ length: Math.floor(next() * 80) }, () => generateEntry(next));
      let txt: Record<string, string>;
      try {
        txt = parseTxt(record);
      } catch (error) {
        broken.push(`seed ${seed}: threw ${String(error)}`);
        continue;
      }
      if (Object.keys(txt).length > txtLimits.maxEntries) broken.push(`seed ${seed}: too many`);
      for (const [key, value] of Object.entries(txt)) {
        if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(key)) broken.push(`seed ${seed}: key ${key}`);
        if (key !== key.toLowerCase()) broken.push(`seed ${seed}: key not lower case ${key}`);
        if (Array.from(value).length > txtLimits.valueChars)
          broken.push(`seed ${seed}: long value`);
        if (controlOrBidi.test(value)) broken.push(`seed ${seed}: control in ${key}`);
        if (cleanText(value, txtLimits.valueChars) !== value)
          broken.push(`seed ${seed}: not clean`);
      }
    }
    expect(broken).toEqual([]);
  });
});
