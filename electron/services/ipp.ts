/**
 * Just enough IPP (RFC 8010 encoding) for Get-Printer-Attributes: encode the request, decode a
 * response defensively (every length checked, bounded counts), and encode a response for the
 * practice printers. Packages checked (registry, 2026-11): `ipp` 2.0.1 and `@sealsystems/ipp`
 * 2.8.2 are whole printing clients; `ipp-encoder` 5.0.0 (MIT, no dependencies) is the closest
 * fit, but its decoder trusts the lengths it reads (a lying length silently yields a cut
 * value or a raw RangeError) and keeps its state in module globals. Answers come from
 * any device on the network, so this small codec checks every length and is fuzz-tested.
 */

export const ippOperations = { getPrinterAttributes: 0x000b } as const;

/** Value tags used here (RFC 8010 section 3.5.2). */
export const ippTags = {
  operationAttributes: 0x01,
  end: 0x03,
  printerAttributes: 0x04,
  unsupportedAttributes: 0x05,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
} as const;

export type IppValue = string | number | boolean;
export interface IppAttribute {
  tag: number;
  name: string;
  values: IppValue[];
  /** For textWithLanguage / nameWithLanguage values: their natural language (default en). */
  language?: string;
}
export interface IppMessage {
  version: string;
  /** Operation id in a request, status code in a response. */
  code: number;
  requestId: number;
  groups: { tag: number; attributes: IppAttribute[] }[];
}

export class IppDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IppDecodeError';
  }
}

export const ippLimits = { maxAttributes: 2000, maxValueBytes: 32 * 1024 };

const textTags = new Set<number>([0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a]);

export function encodeIpp(message: IppMessage): Buffer {
  const chunks: Buffer[] = [];
  const [major = 1, minor = 1] = message.version.split('.').map(Number);
  const head = Buffer.alloc(8);
  head.writeUInt8(major, 0);
  head.writeUInt8(minor, 1);
  head.writeUInt16BE(message.code, 2);
  head.writeUInt32BE(message.requestId, 4);
  chunks.push(head);
  for (const group of message.groups) {
    chunks.push(Buffer.from([group.tag]));
    for (const attribute of group.attributes) {
      attribute.values.forEach((value, index) => {
        chunks.push(
          encodeValue(attribute.tag, index === 0 ? attribute.name : '', value, attribute.language),
        );
      });
    }
  }
  chunks.push(Buffer.from([ippTags.end]));
  return Buffer.concat(chunks);
}

function encodeValue(tag: number, name: string, value: IppValue, language = 'en'): Buffer {
  let data: Buffer;
  if (tag === ippTags.textWithLanguage || tag === ippTags.nameWithLanguage) {
    data = Buffer.concat([withLength(language), withLength(String(value))]);
  } else if (typeof value === 'number') {
    data = Buffer.alloc(4);
    data.writeInt32BE(value);
  } else if (typeof value === 'boolean') {
    data = Buffer.from([value ? 1 : 0]);
  } else {
    data = Buffer.from(value, 'utf8');
  }
  const nameBytes = Buffer.from(name, 'utf8');
  if (data.length > 0xffff || nameBytes.length > 0xffff) throw new RangeError('IPP value too long');
  const out = Buffer.alloc(1 + 2 + nameBytes.length + 2 + data.length);
  let offset = out.writeUInt8(tag, 0);
  offset = out.writeUInt16BE(nameBytes.length, offset);
  offset += nameBytes.copy(out, offset);
  offset = out.writeUInt16BE(data.length, offset);
  data.copy(out, offset);
  return out;
}

/** A two-byte length and the UTF-8 text (RFC 8010 section 3.9's parts of a text with language). */
function withLength(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function decodeIpp(buffer: Buffer): IppMessage {
  if (buffer.length < 9) throw new IppDecodeError('too short');
  const version = `${buffer.readUInt8(0)}.${buffer.readUInt8(1)}`;
  if (buffer.readUInt8(0) < 1 || buffer.readUInt8(0) > 2) {
    throw new IppDecodeError('not an IPP message');
  }
  const message: IppMessage = {
    version,
    code: buffer.readUInt16BE(2),
    requestId: buffer.readUInt32BE(4),
    groups: [],
  };
  let offset = 8;
  let group: IppMessage['groups'][number] | null = null;
  let current: IppAttribute | null = null;
  let count = 0;
  const need = (bytes: number): void => {
    if (offset + bytes > buffer.length) throw new IppDecodeError('truncated');
  };
  for (;;) {
    need(1);
    const tag = buffer.readUInt8(offset);
    offset += 1;
    if (tag === ippTags.end) return message;
    if (tag <= 0x0f) {
      group = { tag, attributes: [] };
      message.groups.push(group);
      current = null;
      continue;
    }
    if (!group) throw new IppDecodeError('value before any group');
    if (++count > ippLimits.maxAttributes) throw new IppDecodeError('too many values');
    need(2);
    const nameLength = buffer.readUInt16BE(offset);
    offset += 2;
    need(nameLength);
    const name = buffer.toString('utf8', offset, offset + nameLength);
    offset += nameLength;
    need(2);
    const valueLength = buffer.readUInt16BE(offset);
    offset += 2;
    need(valueLength);
    if (valueLength > ippLimits.maxValueBytes) throw new IppDecodeError('value too long');
    const data = buffer.subarray(offset, offset + valueLength);
    offset += valueLength;
    const value = decodeValue(tag, data);
    if (nameLength > 0) {
      current = { tag, name, values: [value] };
      group.attributes.push(current);
    } else if (current) {
      current.values.push(value);
    } else {
      throw new IppDecodeError('additional value without an attribute');
    }
  }
}

function decodeValue(tag: number, data: Buffer): IppValue {
  if ((tag === ippTags.integer || tag === ippTags.enum) && data.length === 4) {
    return data.readInt32BE(0);
  }
  if (tag === ippTags.boolean && data.length === 1) return data[0] === 1;
  if (textTags.has(tag)) return data.toString('utf8');
  if (tag === ippTags.textWithLanguage || tag === ippTags.nameWithLanguage) {
    return textOfLanguageValue(data);
  }
  if (tag === ippTags.octetString) {
    // Firmware versions come as octetString; show it as text when it is printable.
    return /^[\x20-\x7e]*$/.test(data.toString('latin1'))
      ? data.toString('latin1')
      : data.toString('hex');
  }
  return data.toString('hex');
}

/**
 * textWithLanguage / nameWithLanguage (RFC 8010 section 3.9): a two-byte length and the
 * natural language, then a two-byte length and the text. Only the text is kept; a value whose
 * lengths do not add up gives no text (the rest of the answer still counts).
 */
function textOfLanguageValue(data: Buffer): string {
  if (data.length < 4) return '';
  const languageLength = data.readUInt16BE(0);
  const textStart = 2 + languageLength + 2;
  if (textStart > data.length) return '';
  const textLength = data.readUInt16BE(2 + languageLength);
  if (textStart + textLength !== data.length) return '';
  return data.toString('utf8', textStart, textStart + textLength);
}

/** A Get-Printer-Attributes request for the given printer URI. */
export function getPrinterAttributesRequest(
  printerUri: string,
  requested: readonly string[],
  requestId = 1,
): Buffer {
  return encodeIpp({
    version: '1.1',
    code: ippOperations.getPrinterAttributes,
    requestId,
    groups: [
      {
        tag: ippTags.operationAttributes,
        attributes: [
          { tag: ippTags.charset, name: 'attributes-charset', values: ['utf-8'] },
          { tag: ippTags.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
          { tag: ippTags.uri, name: 'printer-uri', values: [printerUri] },
          { tag: ippTags.keyword, name: 'requested-attributes', values: [...requested] },
        ],
      },
    ],
  });
}

/** Every value of an attribute (1setOf) in a group of the given tag (default: printer group). */
export function ippValues(
  message: IppMessage,
  name: string,
  groupTag: number = ippTags.printerAttributes,
): IppValue[] {
  for (const group of message.groups) {
    if (group.tag !== groupTag) continue;
    const attribute = group.attributes.find((item) => item.name === name);
    if (attribute) return attribute.values;
  }
  return [];
}

/** The first value of an attribute in a group of the given tag (default: printer group). */
export function ippValue(
  message: IppMessage,
  name: string,
  groupTag: number = ippTags.printerAttributes,
): IppValue | undefined {
  for (const group of message.groups) {
    if (group.tag !== groupTag) continue;
    const attribute = group.attributes.find((item) => item.name === name);
    if (attribute) return attribute.values[0];
  }
  return undefined;
}
