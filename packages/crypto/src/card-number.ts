/**
 * Card numbers: 16 digits, an issuer prefix from configuration, random digits, and a Luhn check
 * digit (ISO/IEC 7812-1, Annex B), so a mistyped number is caught before any lookup.
 */
import { randomInt } from 'node:crypto';

import { CryptoError } from './errors';

/** Length of every card number this package issues. */
export const CARD_NUMBER_LENGTH = 16;

/** Fewest random digits a number keeps; the prefix may take the rest. */
const MIN_RANDOM_DIGITS = 6;

/**
 * The Luhn check digit for `payload` (the digits before it): from the right, double every second
 * digit starting with the rightmost, subtract 9 from results above 9, and pick the digit that
 * brings the sum to a multiple of 10 (ISO/IEC 7812-1, Annex B).
 */
export function luhnCheckDigit(payload: string): number {
  if (!/^[0-9]+$/.test(payload)) {
    throw new CryptoError('bad_format', 'a Luhn payload is made of digits only');
  }

  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    const digit = Number(payload[payload.length - 1 - index]);
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }

  return (10 - (sum % 10)) % 10;
}

/** Tells whether `value` is 16 digits whose last digit is the Luhn check digit of the rest. */
export function isValidCardNumber(value: string): boolean {
  if (!/^[0-9]{16}$/.test(value)) {
    return false;
  }

  return luhnCheckDigit(value.slice(0, -1)) === Number(value.slice(-1));
}

/**
 * A new card number: `prefix` (1 to 9 digits, the issuer identification number from
 * configuration), uniformly random digits from the CSPRNG, and the Luhn check digit. Uniqueness
 * is the caller's to enforce (a unique index, retry on conflict).
 */
export function generateCardNumber(prefix: string): string {
  const randomDigits = CARD_NUMBER_LENGTH - 1 - prefix.length;
  if (!/^[0-9]+$/.test(prefix) || randomDigits < MIN_RANDOM_DIGITS) {
    throw new CryptoError('bad_format', 'a card number prefix is 1 to 9 digits');
  }

  let payload = prefix;
  while (payload.length < CARD_NUMBER_LENGTH - 1) {
    payload += String(randomInt(0, 10));
  }

  return payload + String(luhnCheckDigit(payload));
}

/**
 * Masks a card number for display and logs: the first 6 and last 4 digits stay, the rest become
 * `*`, the most PCI DSS (3.4) allows to be shown. Throws `bad_format` for anything but 16 digits.
 */
export function maskCardNumber(value: string): string {
  if (!/^[0-9]{16}$/.test(value)) {
    throw new CryptoError('bad_format', 'a card number is 16 digits');
  }

  return `${value.slice(0, 6)}${'*'.repeat(6)}${value.slice(-4)}`;
}
