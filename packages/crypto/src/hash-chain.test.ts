import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import { GENESIS_HASH, canonicalJson, chainHash, verifyChain } from './hash-chain';
import type { CanonicalValue, ChainEntry } from './hash-chain';
import { catchError } from './test-support/catch-error';

describe('canonicalJson', () => {
  it('reproduces the RFC 8785, 3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as CanonicalValue;

    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as in RFC 8785, 3.2.3', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    const members = order.map((key) => `${JSON.stringify(key)}:${JSON.stringify(input[key])}`);

    expect(canonicalJson(input)).toBe(`{${members.join(',')}}`);
  });

  it.each([
    ['0000000000000001', '5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['c3e0000000000000', '-9223372036854776000'],
    ['8000000000000000', '0'],
  ])('writes the IEEE 754 value %s as %s (RFC 8785, Appendix B)', (bits, expected) => {
    expect(canonicalJson(Buffer.from(bits, 'hex').readDoubleBE(0))).toBe(expected);
  });

  it('writes nested values without whitespace, bigint as a decimal string and dates in UTC', () => {
    const entry = {
      z: [1, { b: true, a: null }],
      amount: 12345678901234567890n,
      at: new Date('2025-01-02T03:04:05.678+03:00'),
      skipped: undefined,
    };

    expect(canonicalJson(entry)).toBe(
      '{"amount":"12345678901234567890","at":"2025-01-02T00:04:05.678Z","z":[1,{"a":null,"b":true}]}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a lone surrogate', '\ud800x'],
    ['an invalid date', new Date('nope')],
    ['undefined in an array', [1, undefined] as unknown as CanonicalValue],
    ['a Map', new Map() as unknown as CanonicalValue],
    ['a function', (() => 1) as unknown as CanonicalValue],
  ])('refuses %s', (_name, value) => {
    expect(
      isCryptoError(
        catchError(() => canonicalJson(value)),
        'bad_format',
      ),
    ).toBe(true);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;

    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
    expect(
      isCryptoError(
        catchError(() => canonicalJson(cyclic as CanonicalValue)),
        'bad_format',
      ),
    ).toBe(true);
  });
});

describe('chainHash', () => {
  it('is SHA-256 of the previous hash followed by the canonical entry', () => {
    const previous = 'ab'.repeat(32);
    const expected = createHash('sha256').update(`${previous}{"a":1,"b":"x"}`).digest('hex');

    expect(chainHash(previous, { b: 'x', a: 1 })).toBe(expected);
  });

  it('starts from 64 zeros', () => {
    expect(chainHash(null, { a: 1 })).toBe(chainHash(GENESIS_HASH, { a: 1 }));
  });

  it('refuses a malformed previous hash', () => {
    expect(
      isCryptoError(
        catchError(() => chainHash('AB'.repeat(32), {})),
        'bad_format',
      ),
    ).toBe(true);
  });
});

describe('verifyChain', () => {
  function buildChain(count: number): ChainEntry[] {
    const entries: ChainEntry[] = [];
    let prevHash: string | null = null;
    for (let index = 0; index < count; index += 1) {
      const data = {
        seq: index,
        action: 'card.block',
        actor: `member-${index}`,
        amount: BigInt(index * 100),
      };
      const hash = chainHash(prevHash, data);
      entries.push({ hash, prevHash, data });
      prevHash = hash;
    }

    return entries;
  }

  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(buildChain(10))).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('points at an entry whose data was changed', () => {
    const chain = buildChain(10);
    chain[4] = {
      ...chain[4]!,
      data: { seq: 4, action: 'card.unblock', actor: 'member-4', amount: 400n },
    };

    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 4, reason: 'hash_mismatch' });
  });

  it('points at the link after a removed entry', () => {
    const chain = buildChain(10);
    chain.splice(6, 1);

    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 6, reason: 'prev_mismatch' });
  });

  it('points at the first of two swapped entries', () => {
    const chain = buildChain(10);
    [chain[2], chain[3]] = [chain[3]!, chain[2]!];

    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 2, reason: 'prev_mismatch' });
  });

  it('catches a rewritten entry even when its own hash was recomputed', () => {
    const chain = buildChain(5);
    const forged = { seq: 1, action: 'card.block', actor: 'intruder', amount: 100n };
    chain[1] = { ...chain[1]!, data: forged, hash: chainHash(chain[1]!.prevHash, forged) };

    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: 2, reason: 'prev_mismatch' });
  });

  it('verifies a later segment from an anchor', () => {
    const chain = buildChain(8);

    expect(verifyChain(chain.slice(5), { anchor: chain[4]!.hash })).toEqual({ ok: true });
    expect(verifyChain(chain.slice(5))).toEqual({
      ok: false,
      brokenAt: 0,
      reason: 'prev_mismatch',
    });
  });
});
