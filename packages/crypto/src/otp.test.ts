import { describe, expect, it } from 'vitest';

import { base32Decode } from './base32';
import { generateTotpSecret, hotp, otpauthUri, totp, totpTimeStep, verifyTotp } from './otp';
import type { OtpAlgorithm } from './otp';

const RFC4226_SECRET = Buffer.from('12345678901234567890', 'ascii');

// RFC 4226, Appendix D: HOTP values for counters 0-9 with the secret above.
const RFC4226_VALUES = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

// RFC 6238, Appendix B: the seeds for each hash (the SHA-1 seed repeated to the hash size).
const RFC6238_SEEDS: Record<OtpAlgorithm, Buffer> = {
  SHA1: Buffer.from('12345678901234567890', 'ascii'),
  SHA256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};

// RFC 6238, Appendix B: [Unix time in seconds, algorithm, 8-digit TOTP].
const RFC6238_VALUES: [number, OtpAlgorithm, string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

describe('hotp', () => {
  it.each(RFC4226_VALUES.map((value, counter) => [counter, value] as const))(
    'gives the RFC 4226 Appendix D value for counter %i',
    (counter, value) => {
      expect(hotp(RFC4226_SECRET, counter)).toBe(value);
    },
  );

  it('refuses digit counts outside 6 to 8', () => {
    expect(() => hotp(RFC4226_SECRET, 0, { digits: 5 })).toThrow(/6 to 8/);
  });
});

describe('totp', () => {
  it.each(RFC6238_VALUES)(
    'gives the RFC 6238 Appendix B value at %i s with %s',
    (seconds, algorithm, value) => {
      expect(totp(RFC6238_SEEDS[algorithm], seconds * 1000, { algorithm, digits: 8 })).toBe(value);
    },
  );

  it('computes the time step as RFC 6238 does (T0 = 0, X = 30)', () => {
    expect(totpTimeStep(new Date(1111111109 * 1000))).toBe(0x23523ec);
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const now = new Date('2025-03-01T12:00:10Z');

  it('accepts the current code and reports the step to remember', () => {
    const result = verifyTotp(secret, totp(secret, now), now);

    expect(result).toEqual({ ok: true, timeStep: totpTimeStep(now), drift: 0 });
  });

  it('accepts a code one step old within the default window and not two steps old', () => {
    const previous = totp(secret, now.getTime() - 30_000);
    const older = totp(secret, now.getTime() - 60_000);

    expect(verifyTotp(secret, previous, now)).toMatchObject({ ok: true, drift: -1 });
    expect(verifyTotp(secret, older, now).ok).toBe(false);
  });

  it('refuses a code replayed after its step was used', () => {
    const code = totp(secret, now);
    const first = verifyTotp(secret, code, now);
    if (!first.ok) throw new Error('the first use should pass');

    expect(verifyTotp(secret, code, now, { lastUsedStep: first.timeStep }).ok).toBe(false);
  });

  it('refuses a wrong code and a code of another length', () => {
    const code = totp(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    expect(verifyTotp(secret, wrong, now, { window: 0 }).ok).toBe(false);
    expect(verifyTotp(secret, `${code}0`, now).ok).toBe(false);
  });
});

describe('otpauthUri', () => {
  it('carries the base32 secret, issuer and parameters an authenticator app reads', () => {
    const secret = generateTotpSecret();
    const uri = otpauthUri({ secret, account: 'anna@example.ru', issuer: 'Оргкарта' });
    const parsed = new URL(uri);

    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe('/Оргкарта:anna@example.ru');
    expect(base32Decode(parsed.searchParams.get('secret') ?? '').equals(secret)).toBe(true);
    expect(parsed.searchParams.get('issuer')).toBe('Оргкарта');
    expect(parsed.searchParams.get('digits')).toBe('6');
    expect(parsed.searchParams.get('period')).toBe('30');
    expect(parsed.searchParams.get('secret')).not.toContain('=');
  });

  it('refuses a colon in the label parts, which would make it ambiguous', () => {
    expect(() =>
      otpauthUri({ secret: generateTotpSecret(), account: 'a:b', issuer: 'X' }),
    ).toThrow();
  });
});
