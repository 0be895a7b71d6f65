import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { verifyDetached } from './cms-verify';
import { createKeyring, seal } from './envelope';
import { isCryptoError } from './errors';
import { hashPin, newPinAttemptState } from './pin';
import type { PinAttemptState } from './pin';
import { signWithPin } from './sign-with-pin';
import type { SignWithPinInput } from './sign-with-pin';
import { catchError } from './test-support/catch-error';
import { INSIDE_VALIDITY, createPkiFixture } from './test-support/pki-fixture';

const { ca, holderKeys, holder } = await createPkiFixture();
const keyring = createKeyring({ current: 'k1', keys: { k1: randomBytes(32) } });
const pinKey = randomBytes(32);
const KEY_ROW = 'signing_keys:card-7:private_key';
const document = Buffer.from('Доверенность № 12 от 01.06.2025');

function input(pin: string, attempts: PinAttemptState = newPinAttemptState()): SignWithPinInput {
  return {
    pin,
    pinKey,
    pinHash: hashPin(pinKey, '482913', 'card-7'),
    pinContext: 'card-7',
    attempts,
    keyring,
    sealedPrivateKey: seal(keyring, holderKeys.privateKeyPkcs8, KEY_ROW),
    privateKeyAad: KEY_ROW,
    certificate: holder.certificatePem,
    data: document,
    now: INSIDE_VALIDITY,
  };
}

describe('signWithPin', () => {
  it('signs with the sealed key after the right PIN', async () => {
    const result = signWithPin(input('482913'));
    if (!result.ok) throw new Error('the right PIN should sign');

    const check = await verifyDetached(document, result.signature, ca.certificatePem);

    expect(check).toMatchObject({ valid: true, signingTime: INSIDE_VALIDITY });
    expect(result.attempts).toEqual({ failedAttempts: 0, lockedAt: null });
  });

  it('does not sign after a wrong PIN and counts the attempt', () => {
    expect(signWithPin(input('111112'))).toEqual({
      ok: false,
      reason: 'wrong_pin',
      attempts: { failedAttempts: 1, lockedAt: null },
      remainingAttempts: 2,
    });
  });

  it('locks after the third wrong PIN and then refuses even the right one', () => {
    let attempts = newPinAttemptState();
    for (let i = 0; i < 3; i += 1) {
      const result = signWithPin(input('000111', attempts));
      attempts = result.attempts;
    }

    expect(attempts.lockedAt).toEqual(INSIDE_VALIDITY);
    expect(
      isCryptoError(
        catchError(() => signWithPin(input('482913', attempts))),
        'pin_locked',
      ),
    ).toBe(true);
  });

  it('refuses a sealed key that belongs to another holder', () => {
    const foreign = {
      ...input('482913'),
      sealedPrivateKey: seal(
        keyring,
        holderKeys.privateKeyPkcs8,
        'signing_keys:card-8:private_key',
      ),
    };

    expect(
      isCryptoError(
        catchError(() => signWithPin(foreign)),
        'tampered',
      ),
    ).toBe(true);
  });
});
