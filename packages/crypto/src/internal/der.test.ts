import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';

import { isCryptoError } from '../errors';
import { catchError } from '../test-support/catch-error';
import {
  decodeObjectIdentifier,
  encodeLength,
  numericString,
  objectIdentifier,
  readChildren,
  readElement,
  readWhole,
  sequence,
  setOf,
  time,
  unsignedInteger,
  utf8String,
} from './der';

/** DER of an asn1js object: asn1js is the independent encoder these tests compare with. */
function asn1(value: asn1js.BaseBlock): Buffer {
  return Buffer.from(value.toBER());
}

describe('DER writer', () => {
  it('encodes lengths in short and long form (X.690, 8.1.3)', () => {
    expect(encodeLength(0x7f).toString('hex')).toBe('7f');
    expect(encodeLength(0x80).toString('hex')).toBe('8180');
    expect(encodeLength(0x1234).toString('hex')).toBe('821234');
  });

  it.each([
    '1.2.840.113549.1.7.2',
    '2.16.840.1.101.3.4.2.1',
    '1.2.643.3.131.1.1',
    '2.5.29.20',
    '2.999.1',
  ])('encodes the object identifier %s as asn1js does, and reads it back', (oid) => {
    const encoded = objectIdentifier(oid);

    expect(encoded.toString('hex')).toBe(
      asn1(new asn1js.ObjectIdentifier({ value: oid })).toString('hex'),
    );
    expect(decodeObjectIdentifier(readElement(encoded).content)).toBe(oid);
  });

  it('encodes the signedData OID as in RFC 5652 examples', () => {
    expect(objectIdentifier('1.2.840.113549.1.7.2').toString('hex')).toBe('06092a864886f70d010702');
  });

  it('encodes positive integers minimally, adding a zero octet before a high bit', () => {
    expect(unsignedInteger(Buffer.from([0, 0, 1])).toString('hex')).toBe('020101');
    expect(unsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(unsignedInteger(Buffer.from([0])).toString('hex')).toBe('020100');
    expect(unsignedInteger(Buffer.from('7fff', 'hex'))).toEqual(
      asn1(new asn1js.Integer({ value: 0x7fff })),
    );
  });

  it('writes strings with their universal tags, as asn1js does', () => {
    expect(utf8String('Оргкарта')).toEqual(asn1(new asn1js.Utf8String({ value: 'Оргкарта' })));
    expect(numericString('7707083893')).toEqual(
      asn1(new asn1js.NumericString({ value: '7707083893' })),
    );
    expect(
      isCryptoError(
        catchError(() => numericString('77A')),
        'bad_format',
      ),
    ).toBe(true);
  });

  it('writes UTCTime until 2049 and GeneralizedTime from 2050 (RFC 5280, 4.1.2.5)', () => {
    expect(time(new Date('2025-06-01T10:20:30.999Z')).toString('latin1')).toBe(
      '\x17\x0d250601102030Z',
    );
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe(
      '\x18\x0f20500101000000Z',
    );
    expect(time(new Date('1999-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d991231235959Z');
  });

  it('sorts SET OF elements by their encodings (X.690, 11.6)', () => {
    const a = utf8String('b');
    const b = utf8String('a');
    const c = objectIdentifier('1.2.3');

    expect(setOf([a, b, c]).subarray(2)).toEqual(Buffer.concat([c, b, a]));
  });

  it('builds nested structures that asn1js parses back', () => {
    const encoded = sequence(
      objectIdentifier('1.2.3'),
      sequence(utf8String('x'), unsignedInteger(Buffer.from([5]))),
    );
    const parsed = asn1js.fromBER(encoded);

    expect(parsed.offset).toBe(encoded.length);
    expect(parsed.result).toBeInstanceOf(asn1js.Sequence);
  });
});

describe('DER reader', () => {
  it('reads children of a sequence with long-form lengths', () => {
    const long = utf8String('я'.repeat(200));
    const encoded = sequence(long, unsignedInteger(Buffer.from([7])));
    const children = readChildren(readWhole(encoded, 0x30));

    expect(children.map((child) => child.tag)).toEqual([0x0c, 0x02]);
    expect(children[0]?.content.toString('utf8')).toBe('я'.repeat(200));
  });

  it('refuses truncated input, trailing bytes and the indefinite length', () => {
    const encoded = sequence(utf8String('abc'));

    expect(
      isCryptoError(
        catchError(() => readElement(encoded.subarray(0, 4))),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => readWhole(Buffer.concat([encoded, Buffer.from([0])]), 0x30)),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => readElement(Buffer.from('3080000000', 'hex'))),
        'bad_format',
      ),
    ).toBe(true);
  });
});
