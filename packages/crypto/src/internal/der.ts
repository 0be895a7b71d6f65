/**
 * A minimal DER (ITU-T X.690) writer and reader for the few structures this package builds on
 * its hot path (CMS signed attributes, IssuerAndSerialNumber, names) and reads from keys and
 * certificates. General parsing is left to pkijs and @peculiar/x509; this exists because
 * building a CMS signature through pkijs costs milliseconds, and the signing path must not.
 */
import { CryptoError } from '../errors';

/** Universal tags used here (X.690, 8.x; X.680, 8.4). */
export const DerTag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  objectIdentifier: 0x06,
  utf8String: 0x0c,
  numericString: 0x12,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Encodes a definite length: short form below 128, long form above (X.690, 8.1.3). */
export function encodeLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }

  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }

  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Encodes one element from a single-byte tag and its content octets. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

/** SEQUENCE of already encoded elements, in the given order. */
export function sequence(...elements: Uint8Array[]): Buffer {
  return tlv(DerTag.sequence, Buffer.concat(elements));
}

/** SET OF, with elements sorted by their encodings as DER requires (X.690, 11.6). */
export function setOf(elements: readonly Uint8Array[]): Buffer {
  const sorted = [...elements]
    .map((element) => Buffer.from(element))
    .sort((a, b) => Buffer.compare(a, b));

  return tlv(DerTag.set, Buffer.concat(sorted));
}

/** A context-specific constructed tag `[n]` around encoded content (EXPLICIT tagging). */
export function explicit(tagNumber: number, ...elements: Uint8Array[]): Buffer {
  return tlv(0xa0 | tagNumber, Buffer.concat(elements));
}

/** Replaces the identifier octet of an encoded element (IMPLICIT tagging, X.690, 8.14). */
export function retag(encoded: Uint8Array, tag: number): Buffer {
  const copy = Buffer.from(encoded);
  copy[0] = tag;

  return copy;
}

/** OBJECT IDENTIFIER from dotted form (X.690, 8.19). */
export function objectIdentifier(oid: string): Buffer {
  const arcs = oid.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || arcs.some((a) => !Number.isSafeInteger(a))) {
    throw new CryptoError('bad_format', `invalid object identifier ${oid}`);
  }

  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value % 128) | 0x80);
    }
    bytes.push(...groups);
  }

  return tlv(DerTag.objectIdentifier, Buffer.from(bytes));
}

/** Non-negative INTEGER from big-endian magnitude bytes, minimal form (X.690, 8.3.2). */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) {
    start += 1;
  }

  const trimmed = Buffer.from(magnitude.subarray(start));
  const content = (trimmed[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;

  return tlv(DerTag.integer, content.length === 0 ? Buffer.from([0]) : content);
}

/** OCTET STRING. */
export function octetString(bytes: Uint8Array): Buffer {
  return tlv(DerTag.octetString, bytes);
}

/** UTF8String. */
export function utf8String(text: string): Buffer {
  return tlv(DerTag.utf8String, Buffer.from(text, 'utf8'));
}

/** NumericString: digits and space only (X.680, 41.2). */
export function numericString(text: string): Buffer {
  if (!/^[0-9 ]*$/.test(text)) {
    throw new CryptoError('bad_format', 'a NumericString may hold digits and spaces only');
  }

  return tlv(DerTag.numericString, Buffer.from(text, 'ascii'));
}

/** PrintableString (X.680, 41.4). */
export function printableString(text: string): Buffer {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) {
    throw new CryptoError('bad_format', 'the text is not a PrintableString');
  }

  return tlv(DerTag.printableString, Buffer.from(text, 'ascii'));
}

/**
 * A Time value as RFC 5280, 4.1.2.5 and RFC 5652, 11.3 require: UTCTime for the years
 * 1950-2049 and GeneralizedTime otherwise, always in UTC with whole seconds.
 */
export function time(date: Date): Buffer {
  const iso = date.toISOString();
  const year = date.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  if (year >= 1950 && year < 2050) {
    return tlv(DerTag.utcTime, Buffer.from(`${digits.slice(2)}Z`, 'ascii'));
  }

  return tlv(DerTag.generalizedTime, Buffer.from(`${digits}Z`, 'ascii'));
}

/** One element found by the reader. */
export interface DerElement {
  /** The identifier octet. */
  tag: number;
  /** The content octets. */
  content: Buffer;
  /** The whole encoding: identifier, length and content. */
  encoded: Buffer;
  /** Offset just after the element in the buffer it was read from. */
  end: number;
}

/**
 * Reads one DER element at `offset`. Refuses the indefinite length and high tag numbers, which
 * DER never produces for the structures read here, and any length past the end of the input.
 */
export function readElement(input: Buffer, offset = 0): DerElement {
  const tag = input[offset];
  const first = input[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) {
    throw new CryptoError('bad_format', 'truncated or unsupported DER element');
  }

  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > input.length) {
      throw new CryptoError('bad_format', 'unsupported DER length');
    }
    length = input.readUIntBE(offset + 2, count);
    header += count;
  }

  const end = offset + header + length;
  if (end > input.length) {
    throw new CryptoError('bad_format', 'DER element runs past the end of the input');
  }

  return {
    tag,
    content: input.subarray(offset + header, end),
    encoded: input.subarray(offset, end),
    end,
  };
}

/** Reads the elements inside a constructed element (SEQUENCE, SET, explicit tag). */
export function readChildren(parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = 0; offset < parent.content.length;) {
    const child = readElement(parent.content, offset);
    children.push(child);
    offset = child.end;
  }

  return children;
}

/** Reads an input that must be exactly one element of the expected tag. */
export function readWhole(input: Buffer, expectedTag: number): DerElement {
  const element = readElement(input);
  if (element.end !== input.length || element.tag !== expectedTag) {
    throw new CryptoError('bad_format', 'unexpected DER structure');
  }

  return element;
}

/** Dotted form of OBJECT IDENTIFIER content octets (X.690, 8.19). */
export function decodeObjectIdentifier(content: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }

  const [head = 0, ...rest] = arcs;
  const first = Math.min(Math.floor(head / 40), 2);

  return [first, head - first * 40, ...rest].join('.');
}
