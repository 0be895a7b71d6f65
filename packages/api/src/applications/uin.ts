import { randomInt } from 'node:crypto';

/**
 * The control digit of an accrual identifier (УИН) in the Treasury's payments register (ГИС
 * ГМП): digits weighted 1, 2, ... 10, repeating from the left, summed modulo 11; a remainder
 * of 10 is recomputed with the weights shifted by two (3, 4, ... 12); a second 10 gives 0.
 */
export function uinControlDigit(body: string): number {
  const remainder = (shift: number) =>
    [...body].reduce((sum, digit, index) => sum + Number(digit) * ((index % 10) + 1 + shift), 0) %
    11;
  const first = remainder(0);
  if (first < 10) return first;
  const second = remainder(2);

  return second < 10 ? second : 0;
}

/**
 * A fresh 25-digit УИН: 24 random decimal digits and the control digit. Random digits make
 * a collision with an existing fee negligible (10^24 values); the database's unique index on
 * `state_fee.uin` refuses one anyway. A real installation puts the payee's Treasury
 * participant code in the first eight digits.
 */
export function generateUin(): string {
  const body = Array.from({ length: 24 }, () => randomInt(10)).join('');

  return `${body}${uinControlDigit(body)}`;
}

/** Whether a text is a well-formed 25-digit УИН with a correct control digit. */
export function isValidUin(uin: string): boolean {
  return /^\d{25}$/.test(uin) && uinControlDigit(uin.slice(0, 24)) === Number(uin.slice(24));
}
