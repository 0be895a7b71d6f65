import { createHmac, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import {
  MAX_PIN_ATTEMPTS,
  checkPin,
  hashPin,
  newPinAttemptState,
  registerPinAttempt,
  remainingPinAttempts,
  validatePinFormat,
  verifyPin,
} from './pin';
import { catchError } from './test-support/catch-error';

const pinKey = randomBytes(32);

describe('validatePinFormat', () => {
  it.each(['482913', '070415', '905172'])('accepts %s', (pin) => {
    expect(validatePinFormat(pin)).toEqual({ ok: true });
  });

  it.each(['12345', '1234567', '12 456', '１２３４５６', 'abcdef', ''])(
    'refuses %j as not six digits',
    (pin) => {
      expect(validatePinFormat(pin)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it.each(['000000', '999999', '123456', '654321', '345678', '121212', '123123', '909090'])(
    'refuses the guessable %s',
    (pin) => {
      expect(validatePinFormat(pin)).toEqual({ ok: false, reason: 'trivial' });
    },
  );
});

describe('hashPin and verifyPin', () => {
  it('stores HMAC-SHA-256 of the length-prefixed context and PIN', () => {
    const lengthOf = (text: string) => Buffer.from([0, 0, 0, text.length]);
    const message = Buffer.concat(
      ['pin', 'card-17', '482913'].flatMap((part) => [lengthOf(part), Buffer.from(part)]),
    );
    const expected = createHmac('sha256', pinKey).update(message).digest('hex');

    expect(hashPin(pinKey, '482913', 'card-17')).toBe(expected);
  });

  it('accepts the right PIN and refuses any other', () => {
    const stored = hashPin(pinKey, '482913', 'card-1');

    expect(verifyPin(pinKey, '482913', stored, 'card-1')).toBe(true);
    expect(verifyPin(pinKey, '482914', stored, 'card-1')).toBe(false);
  });

  it('gives different hashes for the same PIN of two holders', () => {
    expect(hashPin(pinKey, '482913', 'card-1')).not.toBe(hashPin(pinKey, '482913', 'card-2'));
    expect(verifyPin(pinKey, '482913', hashPin(pinKey, '482913', 'card-1'), 'card-2')).toBe(false);
  });

  it('cannot be checked without the server key', () => {
    const stored = hashPin(pinKey, '482913');

    expect(verifyPin(randomBytes(32), '482913', stored)).toBe(false);
  });

  it('refuses a short PIN key', () => {
    expect(
      isCryptoError(
        catchError(() => hashPin(randomBytes(8), '482913')),
        'bad_key',
      ),
    ).toBe(true);
  });
});

describe('registerPinAttempt', () => {
  it('locks the PIN after three wrong attempts in a row', () => {
    const now = new Date('2025-05-01T10:00:00Z');
    let state = newPinAttemptState();
    for (let attempt = 1; attempt < MAX_PIN_ATTEMPTS; attempt += 1) {
      state = registerPinAttempt(state, false, now);
      expect(state.lockedAt).toBeNull();
    }
    state = registerPinAttempt(state, false, now);

    expect(state).toEqual({ failedAttempts: 3, lockedAt: now });
    expect(remainingPinAttempts(state)).toBe(0);
  });

  it('clears the counter after a correct PIN', () => {
    const twice = registerPinAttempt(registerPinAttempt(newPinAttemptState(), false), false);

    expect(remainingPinAttempts(twice)).toBe(1);
    expect(registerPinAttempt(twice, true)).toEqual({ failedAttempts: 0, lockedAt: null });
  });

  it('refuses any attempt on a locked PIN, even the right one', () => {
    const locked = { failedAttempts: 3, lockedAt: new Date() };

    expect(
      isCryptoError(
        catchError(() => registerPinAttempt(locked, true)),
        'pin_locked',
      ),
    ).toBe(true);
  });

  it('does not change the state it was given', () => {
    const state = newPinAttemptState();
    registerPinAttempt(state, false);

    expect(state).toEqual({ failedAttempts: 0, lockedAt: null });
  });
});

describe('checkPin', () => {
  it('verifies and counts in one step', () => {
    const storedHash = hashPin(pinKey, '482913', 'card-9');
    const wrong = checkPin({
      pinKey,
      pin: '111112',
      storedHash,
      state: newPinAttemptState(),
      context: 'card-9',
    });
    const right = checkPin({
      pinKey,
      pin: '482913',
      storedHash,
      state: wrong.state,
      context: 'card-9',
    });

    expect(wrong).toMatchObject({ correct: false, state: { failedAttempts: 1 } });
    expect(right).toMatchObject({ correct: true, state: { failedAttempts: 0 } });
  });

  it('does not even compare a PIN once locked', () => {
    const storedHash = hashPin(pinKey, '482913');
    const state = { failedAttempts: 3, lockedAt: new Date() };

    expect(
      isCryptoError(
        catchError(() => checkPin({ pinKey, pin: '482913', storedHash, state })),
        'pin_locked',
      ),
    ).toBe(true);
  });
});
