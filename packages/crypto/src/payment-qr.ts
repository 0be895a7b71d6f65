/**
 * Payment QR payloads of ГОСТ Р 56042-2014 ("two-dimensional barcode symbols for payments of
 * individuals"), as printed on the state fee payment order. The payload is the service block
 * `ST0001` + an encoding flag, then `Key=Value` items joined by a separator (`|`); the five
 * required items («обязательные реквизиты») come first in a fixed order, the additional ones
 * («дополнительные» and «прочие дополнительные реквизиты») follow.
 *
 * Clause numbers of the standard are not cited here because the text at hand could not be
 * checked against the official edition; the item names and limits follow its tables.
 */
import { CryptoError } from './errors';

/** Items of the payload, named exactly as the standard's tables name them. */
export interface PaymentQrFields {
  // Required items («обязательные реквизиты»), in this order.
  /** Payee name, up to 160 characters. */
  Name: string;
  /** Payee account, 20 digits. */
  PersonalAcc: string;
  /** Payee bank name, up to 45 characters. */
  BankName: string;
  /** Payee bank BIC, 9 digits. */
  BIC: string;
  /** Payee bank correspondent account, up to 20 digits ("0" when there is none). */
  CorrespAcc: string;
  // Additional items («дополнительные реквизиты»), formatted as payment order fields.
  /** Amount in kopecks, up to 18 digits. */
  Sum?: bigint;
  /** Payment purpose, up to 210 characters. */
  Purpose?: string;
  PayeeINN?: string;
  PayerINN?: string;
  DrawerStatus?: string;
  KPP?: string;
  CBC?: string;
  OKTMO?: string;
  PaytReason?: string;
  TaxPeriod?: string;
  DocNo?: string;
  DocDate?: string;
  TaxPaytKind?: string;
  // Other additional items («прочие»), spelt as the standard's table spells them; the
  // parser matches names regardless of case, as some payers write them in lowerCamel.
  LastName?: string;
  FirstName?: string;
  MiddleName?: string;
  PayerAddress?: string;
  PersonalAccount?: string;
  DocIdx?: string;
  PensAcc?: string;
  Contract?: string;
  PersAcc?: string;
  Flat?: string;
  Phone?: string;
  PayerIdType?: string;
  PayerIdNum?: string;
  ChildFio?: string;
  BirthDate?: string;
  PaymTerm?: string;
  PaymPeriod?: string;
  Category?: string;
  ServiceName?: string;
  CounterId?: string;
  CounterVal?: string;
  QuittId?: string;
  QuittDate?: string;
  InstNum?: string;
  ClassNum?: string;
  SpecFio?: string;
  AddAmount?: string;
  RuleId?: string;
  ExecId?: string;
  RegType?: string;
  /** Unique accrual identifier (УИН), up to 25 characters. */
  UIN?: string;
  /** Technical code for the receiving organisation, two digits. */
  TechCode?: string;
}

type FieldName = keyof PaymentQrFields;

interface FieldRule {
  /** Longest value in characters, when the standard sets one. */
  max?: number;
  /** A pattern the value must match, with a phrase for the error message. */
  pattern?: [RegExp, string];
  required?: boolean;
}

const digits = (min: number, max: number): [RegExp, string] => [
  new RegExp(`^[0-9]{${min},${max}}$`),
  min === max ? `${min} digits` : `${min} to ${max} digits`,
];

/** The items in the order they are written: required ones first, then the additional ones. */
const FIELD_RULES: ReadonlyArray<[FieldName, FieldRule]> = [
  ['Name', { required: true, max: 160 }],
  ['PersonalAcc', { required: true, pattern: digits(20, 20) }],
  ['BankName', { required: true, max: 45 }],
  ['BIC', { required: true, pattern: digits(9, 9) }],
  ['CorrespAcc', { required: true, pattern: digits(1, 20) }],
  ['Sum', { pattern: digits(1, 18) }],
  ['Purpose', { max: 210 }],
  ['PayeeINN', { pattern: digits(1, 12) }],
  ['PayerINN', { pattern: digits(1, 12) }],
  ['DrawerStatus', { max: 2 }],
  ['KPP', { max: 9 }],
  ['CBC', { max: 20 }],
  ['OKTMO', { max: 11 }],
  ['PaytReason', { max: 2 }],
  ['TaxPeriod', { max: 10 }],
  ['DocNo', { max: 15 }],
  ['DocDate', { max: 10 }],
  ['TaxPaytKind', { max: 2 }],
  ...(
    [
      'LastName',
      'FirstName',
      'MiddleName',
      'PayerAddress',
      'PersonalAccount',
      'DocIdx',
      'PensAcc',
      'Contract',
      'PersAcc',
      'Flat',
      'Phone',
      'PayerIdType',
      'PayerIdNum',
      'ChildFio',
      'BirthDate',
      'PaymTerm',
      'PaymPeriod',
      'Category',
      'ServiceName',
      'CounterId',
      'CounterVal',
      'QuittId',
      'QuittDate',
      'InstNum',
      'ClassNum',
      'SpecFio',
      'AddAmount',
      'RuleId',
      'ExecId',
      'RegType',
    ] as const
  ).map((name): [FieldName, FieldRule] => [name, {}]),
  ['UIN', { max: 25 }],
  ['TechCode', { pattern: digits(2, 2) }],
];

const REQUIRED: FieldName[] = FIELD_RULES.filter(([, rule]) => rule.required).map(([name]) => name);
const BY_LOWER_NAME = new Map(
  FIELD_RULES.map(([name, rule]) => [name.toLowerCase(), { name, rule }]),
);

const HEADER = 'ST0001';
const SEPARATOR = '|';

/** Text encodings a payload may declare with its flag: 1, 2 or 3. */
export type PaymentQrEncoding = 'windows-1251' | 'utf-8' | 'koi8-r';

const ENCODING_FLAGS: Record<string, PaymentQrEncoding> = {
  '1': 'windows-1251',
  '2': 'utf-8',
  '3': 'koi8-r',
};

function badField(field: string, problem: string): CryptoError {
  return new CryptoError('bad_format', `payment QR field ${field} ${problem}`, { field });
}

function checkValue(name: FieldName, rule: FieldRule, value: string): void {
  if (value.includes(SEPARATOR)) {
    throw badField(name, 'must not contain "|", the item separator');
  }
  if (/\p{Cc}/u.test(value)) {
    throw badField(name, 'must not contain control characters');
  }
  if (value.length === 0) {
    throw badField(name, 'is empty');
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw badField(name, `is longer than ${rule.max} characters`);
  }
  if (rule.pattern && !rule.pattern[0].test(value)) {
    throw badField(name, `must be ${rule.pattern[1]}`);
  }
}

function valueAsText(name: FieldName, value: string | bigint): string {
  if (typeof value === 'bigint' && value < 0n) {
    throw badField(name, 'cannot be negative');
  }

  return typeof value === 'bigint' ? value.toString(10) : value;
}

/**
 * Builds the payload for a QR code: `ST00012` (format ST, version 0001, flag 2 = UTF-8), then
 * the required items in their fixed order and the present optional items in the order of the
 * standard's tables, joined by `|`. Throws `bad_format` naming the field for a missing required
 * item, a value over its length limit or of the wrong form, or a value containing `|`.
 */
export function buildPaymentQr(fields: PaymentQrFields): string {
  const items: string[] = [];

  for (const [name, rule] of FIELD_RULES) {
    const value = fields[name];
    if (value === undefined) {
      if (rule.required) {
        throw badField(name, 'is required');
      }
      continue;
    }

    const text = valueAsText(name, value);
    checkValue(name, rule, text);
    items.push(`${name}=${text}`);
  }

  return `${HEADER}2${SEPARATOR}${items.join(SEPARATOR)}`;
}

/** What {@link parsePaymentQr} returns. */
export interface ParsedPaymentQr {
  /** The encoding the payload's flag declares. */
  encoding: PaymentQrEncoding;
  fields: PaymentQrFields;
  /** Items whose keys the standard does not define, kept as found. */
  extra: Record<string, string>;
}

/**
 * Parses a payload, given as text or as the raw bytes read from the code (decoded by the
 * flag's encoding). Checks the header, that the five required items come first and in order,
 * and every known item with the same rules as {@link buildPaymentQr}. Keys of the additional
 * items are matched without regard to case, since issuers spell them differently; empty
 * optional items are ignored. Throws `bad_format` naming the field at fault.
 */
export function parsePaymentQr(payload: string | Uint8Array): ParsedPaymentQr {
  const text = typeof payload === 'string' ? payload : decodePayload(payload);
  const encoding = ENCODING_FLAGS[text.charAt(6)];
  if (!text.startsWith(HEADER) || encoding === undefined) {
    throw new CryptoError('bad_format', 'a payment QR payload starts with ST0001 and a flag 1-3');
  }

  // The separator is the character after the service block; in practice always "|".
  const separator = text.charAt(7);
  if (separator === '' || /[\p{L}\p{N}=]/u.test(separator)) {
    throw new CryptoError('bad_format', 'the payment QR payload has no item separator');
  }

  const items = text.slice(8).split(separator);
  if (items.at(-1) === '') {
    items.pop();
  }

  return { encoding, ...readItems(items) };
}

function readItems(items: string[]): Omit<ParsedPaymentQr, 'encoding'> {
  const fields: Partial<Record<FieldName, string | bigint>> = {};
  const extra: Record<string, string> = {};

  for (const [index, item] of items.entries()) {
    const equals = item.indexOf('=');
    const key = equals > 0 ? item.slice(0, equals) : item;
    if (equals <= 0) {
      throw badField(key || `#${index + 1}`, 'is not written as Key=Value');
    }

    const value = item.slice(equals + 1);
    const expected = REQUIRED[index];
    if (expected !== undefined && key !== expected) {
      throw badField(expected, `must be item ${index + 1} of the payload`);
    }

    const known = BY_LOWER_NAME.get(key.toLowerCase());
    if (known === undefined) {
      extra[key] = value;
    } else if (known.name in fields) {
      throw badField(known.name, 'appears twice');
    } else if (value !== '' || known.rule.required) {
      checkValue(known.name, known.rule, value);
      fields[known.name] = known.name === 'Sum' ? BigInt(value) : value;
    }
  }
  if (items.length < REQUIRED.length) {
    throw badField(REQUIRED[items.length] ?? 'Name', 'is required');
  }

  return { fields: fields as unknown as PaymentQrFields, extra };
}

function decodePayload(bytes: Uint8Array): string {
  const flag = String.fromCharCode(bytes[6] ?? 0);
  const encoding = ENCODING_FLAGS[flag];
  if (encoding === undefined) {
    throw new CryptoError('bad_format', 'a payment QR payload starts with ST0001 and a flag 1-3');
  }

  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new CryptoError('bad_format', `the payment QR payload is not valid ${encoding}`, {
      cause: error,
    });
  }
}
