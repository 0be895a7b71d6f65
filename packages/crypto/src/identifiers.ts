/**
 * Validators of Russian registration and bank identifiers. Each returns a typed outcome rather
 * than throwing, so forms can map the reason to a Russian message:
 *
 * - `length`: wrong number of characters;
 * - `digits`: a character that is not an ASCII digit where only digits are allowed;
 * - `format`: the characters are allowed but their arrangement is not (KPP);
 * - `checksum`: the control digit or control key does not match;
 * - `bic`: an account cannot be checked because the BIC given with it is invalid.
 */

/** Why an identifier was refused. */
export type IdentifierFailure = 'length' | 'digits' | 'format' | 'checksum' | 'bic';

/** Outcome of every validator in this module. */
export type IdentifierCheck = { ok: true } | { ok: false; reason: IdentifierFailure };

const OK: IdentifierCheck = Object.freeze({ ok: true });

function fail(reason: IdentifierFailure): IdentifierCheck {
  return { ok: false, reason };
}

/** Length and digit checks shared by every numeric identifier; `null` when both pass. */
function checkDigits(value: string, lengths: readonly number[]): IdentifierCheck | null {
  if (!lengths.includes(value.length)) {
    return fail('length');
  }
  if (!/^[0-9]+$/.test(value)) {
    return fail('digits');
  }

  return null;
}

/** Σ digit·weight over the leading digits, then mod 11, then mod 10 (the FNS control digit). */
function innControlDigit(value: string, weights: readonly number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(value[index]), 0);

  return (sum % 11) % 10;
}

const INN_10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_FIRST_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_SECOND_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/**
 * INN of an organisation: 10 digits, the tenth a control digit computed with the FNS weights
 * 2, 4, 10, 3, 5, 9, 4, 6, 8.
 */
export function validateOrganisationInn(inn: string): IdentifierCheck {
  const shape = checkDigits(inn, [10]);
  if (shape) {
    return shape;
  }

  return innControlDigit(inn, INN_10_WEIGHTS) === Number(inn[9]) ? OK : fail('checksum');
}

/**
 * INN of a person (and of an individual entrepreneur): 12 digits with two control digits, the
 * 11th over the first ten digits and the 12th over the first eleven.
 */
export function validatePersonInn(inn: string): IdentifierCheck {
  const shape = checkDigits(inn, [12]);
  if (shape) {
    return shape;
  }

  const firstMatches = innControlDigit(inn, INN_12_FIRST_WEIGHTS) === Number(inn[10]);
  const secondMatches = innControlDigit(inn, INN_12_SECOND_WEIGHTS) === Number(inn[11]);

  return firstMatches && secondMatches ? OK : fail('checksum');
}

/** INN of either kind, chosen by length (10 for an organisation, 12 for a person). */
export function validateInn(inn: string): IdentifierCheck {
  const shape = checkDigits(inn, [10, 12]);
  if (shape) {
    return shape;
  }

  return inn.length === 10 ? validateOrganisationInn(inn) : validatePersonInn(inn);
}

/** Control digit of a registration number: (leading digits as a number mod m) mod 10. */
function registrationControlDigit(leading: string, modulus: bigint): number {
  return Number((BigInt(leading) % modulus) % 10n);
}

/**
 * OGRN of an organisation: 13 digits; the 13th equals (the first 12 as a number mod 11) mod 10
 * (Rules of keeping the Unified State Register of Legal Entities, Government Decree No. 438).
 */
export function validateOgrn(ogrn: string): IdentifierCheck {
  const shape = checkDigits(ogrn, [13]);
  if (shape) {
    return shape;
  }

  return registrationControlDigit(ogrn.slice(0, 12), 11n) === Number(ogrn[12])
    ? OK
    : fail('checksum');
}

/** OGRNIP of an individual entrepreneur: 15 digits; the 15th is (first 14 mod 13) mod 10. */
export function validateOgrnip(ogrnip: string): IdentifierCheck {
  const shape = checkDigits(ogrnip, [15]);
  if (shape) {
    return shape;
  }

  return registrationControlDigit(ogrnip.slice(0, 14), 13n) === Number(ogrnip[14])
    ? OK
    : fail('checksum');
}

/**
 * KPP: 9 characters, NNNNPPXXX, where NNNN is the tax office code, PP the reason (two digits or
 * capital Latin letters A-Z, Order of the FNS ММВ-7-6/435@) and XXX a sequence number. The KPP
 * has no control digit.
 */
export function validateKpp(kpp: string): IdentifierCheck {
  if (kpp.length !== 9) {
    return fail('length');
  }

  return /^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$/.test(kpp) ? OK : fail('format');
}

/** BIC of a Russian bank: 9 digits. It has no control digit of its own. */
export function validateBic(bic: string): IdentifierCheck {
  return checkDigits(bic, [9]) ?? OK;
}

const ACCOUNT_KEY_WEIGHTS = [7, 1, 3];

/**
 * The control key of Bank of Russia Instruction No. 515 of 08.09.1997: over 23 digits
 * (a 3-digit prefix taken from the BIC, then the 20-digit account) the sum of the lowest digits
 * of digit·weight, weights 7, 1, 3 repeated, must end in 0.
 */
function accountKeyMatches(prefix: string, account: string): boolean {
  const digits = prefix + account;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    sum += (Number(digits[index]) * (ACCOUNT_KEY_WEIGHTS[index % 3] ?? 0)) % 10;
  }

  return sum % 10 === 0;
}

function validateAccount(
  account: string,
  bic: string,
  prefix: (bic: string) => string,
): IdentifierCheck {
  const shape = checkDigits(account, [20]);
  if (shape) {
    return shape;
  }
  if (!validateBic(bic).ok) {
    return fail('bic');
  }

  return accountKeyMatches(prefix(bic), account) ? OK : fail('checksum');
}

/**
 * A settlement (customer) account held at the bank with `bic`: 20 digits whose control key is
 * checked with the last three digits of the BIC as the prefix.
 */
export function validateSettlementAccount(account: string, bic: string): IdentifierCheck {
  return validateAccount(account, bic, (value) => value.slice(6, 9));
}

/**
 * The correspondent account of the bank with `bic` at the Bank of Russia: 20 digits whose
 * control key is checked with "0" and the 5th and 6th digits of the BIC as the prefix.
 */
export function validateCorrespondentAccount(account: string, bic: string): IdentifierCheck {
  return validateAccount(account, bic, (value) => `0${value.slice(4, 6)}`);
}
