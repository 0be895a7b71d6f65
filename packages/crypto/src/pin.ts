/**
 * The card holder's PIN, which unlocks their signing key on the server (the cloud-signature
 * model). A PIN is stored as HMAC-SHA-256 under a server key kept outside the database: with
 * the database alone, the million possible PINs cannot be tried offline, and the online path
 * is bounded by the attempt counter below. There is deliberately no slow KDF here, so a check
 * costs microseconds and one signature stays well under a millisecond.
 */
import { createHmac } from 'node:crypto';

import { CryptoError } from './errors';
import { constantTimeEqualHex, encodeParts, requireSecretKey } from './internal/bytes';

/** Minimum size of the PIN key: the HMAC-SHA-256 output size. */
export const PIN_KEY_MIN_BYTES = 32;

/** Wrong PINs in a row after which the PIN is locked. */
export const MAX_PIN_ATTEMPTS = 3;

/** Why {@link validatePinFormat} refused a PIN. */
export type PinFormatFailure = 'format' | 'trivial';

/** Outcome of {@link validatePinFormat}. */
export type PinFormatCheck = { ok: true } | { ok: false; reason: PinFormatFailure };

/**
 * Checks a new PIN: exactly 6 ASCII digits (`format`), and not one of the guessable patterns
 * tried first by anyone holding a stolen phone (`trivial`): one digit repeated (000000), a run
 * up or down (123456, 654321), or a block of two or three digits repeated (121212, 123123).
 */
export function validatePinFormat(pin: string): PinFormatCheck {
  if (!/^[0-9]{6}$/.test(pin)) {
    return { ok: false, reason: 'format' };
  }

  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - (digits[index] ?? 0));
  const isRun = steps.every((step) => step === 1) || steps.every((step) => step === -1);
  const repeatsBlock = (size: number) => pin === pin.slice(0, size).repeat(6 / size);
  if (isRun || repeatsBlock(1) || repeatsBlock(2) || repeatsBlock(3)) {
    return { ok: false, reason: 'trivial' };
  }

  return { ok: true };
}

/**
 * The value to store for a PIN: lowercase hex HMAC-SHA-256 under `pinKey`. Pass the card or
 * certificate id as `context` so equal PINs of two holders do not give equal hashes.
 */
export function hashPin(pinKey: Uint8Array, pin: string, context = ''): string {
  const key = requireSecretKey(pinKey, PIN_KEY_MIN_BYTES, 'the PIN key');

  return createHmac('sha256', key)
    .update(encodeParts(['pin', context, pin]))
    .digest('hex');
}

/** Checks a PIN against its stored hash in constant time; `context` must be the one hashed. */
export function verifyPin(
  pinKey: Uint8Array,
  pin: string,
  storedHash: string,
  context = '',
): boolean {
  return constantTimeEqualHex(hashPin(pinKey, pin, context), storedHash);
}

/** The attempt counter stored next to the PIN hash. */
export interface PinAttemptState {
  /** Wrong PINs since the last correct one. */
  failedAttempts: number;
  /** When the PIN was locked, or `null` while it is usable. */
  lockedAt: Date | null;
}

/** The state of a freshly set or unlocked PIN. */
export function newPinAttemptState(): PinAttemptState {
  return { failedAttempts: 0, lockedAt: null };
}

/** Throws `pin_locked` if the PIN is locked; call before checking a PIN. */
export function assertPinUsable(state: PinAttemptState): void {
  if (state.lockedAt !== null) {
    throw new CryptoError('pin_locked', 'the PIN is locked after too many wrong attempts');
  }
}

/**
 * The state after one attempt: a correct PIN clears the counter, a wrong one adds to it, and
 * the {@link MAX_PIN_ATTEMPTS}th wrong one in a row locks the PIN at `now`. Pure: returns a new
 * state to store. Throws `pin_locked` for a state that is already locked, because a locked PIN
 * must not be checked at all; unlocking is a separate action after the holder re-identifies.
 */
export function registerPinAttempt(
  state: PinAttemptState,
  correct: boolean,
  now: Date = new Date(),
): PinAttemptState {
  assertPinUsable(state);
  if (correct) {
    return newPinAttemptState();
  }

  const failedAttempts = state.failedAttempts + 1;

  return { failedAttempts, lockedAt: failedAttempts >= MAX_PIN_ATTEMPTS ? now : null };
}

/** Attempts left before the PIN locks. */
export function remainingPinAttempts(state: PinAttemptState): number {
  return state.lockedAt === null ? Math.max(0, MAX_PIN_ATTEMPTS - state.failedAttempts) : 0;
}

/** Input of {@link checkPin}. */
export interface CheckPinInput {
  pinKey: Uint8Array;
  pin: string;
  storedHash: string;
  state: PinAttemptState;
  context?: string;
  now?: Date;
}

/**
 * Verifies a PIN and counts the attempt in one step: throws `pin_locked` if the PIN is locked,
 * otherwise returns whether it was correct and the new state, which the caller must store
 * whatever the outcome (in the same transaction as the action the PIN unlocks).
 */
export function checkPin(input: CheckPinInput): { correct: boolean; state: PinAttemptState } {
  assertPinUsable(input.state);
  const correct = verifyPin(input.pinKey, input.pin, input.storedHash, input.context);

  return { correct, state: registerPinAttempt(input.state, correct, input.now) };
}
