import { describe, expect, it } from 'vitest';

import {
  generateCardNumber,
  isValidCardNumber,
  luhnCheckDigit,
  maskCardNumber,
} from './card-number';
import { isCryptoError } from './errors';
import { catchError } from './test-support/catch-error';

// Published test card numbers of the payment networks, and the classic Luhn example.
const PUBLISHED_VALID = ['4111111111111111', '5555555555554444', '4012888888881881'];

describe('luhnCheckDigit', () => {
  it('gives 3 for the classic example 7992739871', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it.each(PUBLISHED_VALID)('reproduces the check digit of the test card %s', (number) => {
    expect(luhnCheckDigit(number.slice(0, -1))).toBe(Number(number.slice(-1)));
  });
});

describe('isValidCardNumber', () => {
  it.each(PUBLISHED_VALID)('accepts %s', (number) => {
    expect(isValidCardNumber(number)).toBe(true);
  });

  it('refuses every single-digit typo of a valid number', () => {
    const number = '4111111111111111';
    for (let index = 0; index < number.length; index += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const typo = number.slice(0, index) + String(digit) + number.slice(index + 1);
        if (typo !== number) {
          expect(isValidCardNumber(typo)).toBe(false);
        }
      }
    }
  });

  it('refuses a swap of two adjacent different digits', () => {
    expect(isValidCardNumber('4111111111111111'.replace('41', '14'))).toBe(false);
  });

  it('refuses other lengths and non-digits', () => {
    expect(isValidCardNumber('411111111111111')).toBe(false);
    expect(isValidCardNumber('4111 1111 1111 1111')).toBe(false);
  });
});

describe('generateCardNumber', () => {
  it('issues valid 16-digit numbers under the configured prefix', () => {
    for (let i = 0; i < 500; i += 1) {
      const number = generateCardNumber('220099');

      expect(number).toMatch(/^220099\d{10}$/);
      expect(isValidCardNumber(number)).toBe(true);
    }
  });

  it('varies the random part', () => {
    const numbers = new Set(Array.from({ length: 200 }, () => generateCardNumber('220099')));

    expect(numbers.size).toBe(200);
  });

  it('refuses a prefix that leaves fewer than six random digits', () => {
    expect(
      isCryptoError(
        catchError(() => generateCardNumber('2200991234')),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => generateCardNumber('22-00')),
        'bad_format',
      ),
    ).toBe(true);
  });
});

describe('maskCardNumber', () => {
  it('keeps the first six and last four digits', () => {
    expect(maskCardNumber('2200991234567890')).toBe('220099******7890');
  });

  it('refuses anything but 16 digits', () => {
    expect(
      isCryptoError(
        catchError(() => maskCardNumber('22009912345678')),
        'bad_format',
      ),
    ).toBe(true);
  });
});
