/**
 * The cloud-signature step: the holder's signing key lives on the server, sealed with the
 * envelope encryption, and is opened only for one signature after the holder's PIN is verified.
 * One call costs a PIN HMAC, an AES-GCM unwrap and decrypt, and one ECDSA signature: a fraction
 * of a millisecond (see src/bench/signing.bench.ts).
 */
import { signDetached } from './cms';
import { open } from './envelope';
import type { Keyring } from './envelope';
import { checkPin, remainingPinAttempts } from './pin';
import type { PinAttemptState } from './pin';

/** What {@link signWithPin} needs; the caller loads it from the holder's rows. */
export interface SignWithPinInput {
  /** The PIN the holder typed. */
  pin: string;
  pinKey: Uint8Array;
  /** The stored PIN hash and the context it was hashed with. */
  pinHash: string;
  pinContext?: string;
  /** The stored attempt counter. */
  attempts: PinAttemptState;
  keyring: Keyring;
  /** The holder's PKCS #8 key as sealed, and the associated data it was sealed with. */
  sealedPrivateKey: Uint8Array;
  privateKeyAad: string;
  certificate: string | Uint8Array;
  chain?: readonly (string | Uint8Array)[];
  /** The bytes to sign. */
  data: Uint8Array;
  /** The signing time, also the time of the PIN attempt. Default now. */
  now?: Date;
}

/** Outcome of {@link signWithPin}; store `attempts` in both cases. */
export type SignWithPinResult =
  | { ok: true; signature: Buffer; attempts: PinAttemptState }
  | { ok: false; reason: 'wrong_pin'; attempts: PinAttemptState; remainingAttempts: number };

/**
 * Verifies the PIN, counts the attempt, and on success opens the sealed key just long enough to
 * make a detached CMS signature; the decrypted key bytes are wiped afterwards. Throws
 * `pin_locked` for a locked PIN (nothing is checked then), and `tampered`/`unknown_key` if the
 * sealed key does not open for this holder.
 */
export function signWithPin(input: SignWithPinInput): SignWithPinResult {
  const now = input.now ?? new Date();
  const { correct, state } = checkPin({
    pinKey: input.pinKey,
    pin: input.pin,
    storedHash: input.pinHash,
    state: input.attempts,
    context: input.pinContext,
    now,
  });
  if (!correct) {
    return {
      ok: false,
      reason: 'wrong_pin',
      attempts: state,
      remainingAttempts: remainingPinAttempts(state),
    };
  }

  const privateKey = open(input.keyring, input.sealedPrivateKey, input.privateKeyAad);
  try {
    const signature = signDetached({
      data: input.data,
      certificate: input.certificate,
      privateKey,
      chain: input.chain,
      signingTime: now,
    });

    return { ok: true, signature, attempts: state };
  } finally {
    privateKey.fill(0);
  }
}
