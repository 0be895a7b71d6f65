// The one place where organisation fields are checked. The server validates procedure input with
// these schemas and the registration page runs the same checks as the user types, so both speak
// with the same Russian messages. Keep this module light: zod and the pure identifier functions
// only, because it is bundled into the browser.
import { z } from 'zod';
import {
  validateKpp,
  validateOgrn,
  validateOrganisationInn,
  type IdentifierFailure,
} from '@orgcard/crypto/identifiers';

export const organisationTypes = ['LLC', 'NPO'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Returns the Russian message for a refused value, or null when the value is acceptable. */
export type FieldCheck = (value: string) => string | null;

const innMessages: Partial<Record<IdentifierFailure, string>> = {
  length: 'ИНН: должен состоять из 10 цифр',
  digits: 'ИНН: допустимы только цифры',
  checksum: 'ИНН: неверная контрольная цифра',
};

const ogrnMessages: Partial<Record<IdentifierFailure, string>> = {
  length: 'ОГРН: должен состоять из 13 цифр',
  digits: 'ОГРН: допустимы только цифры',
  checksum: 'ОГРН: неверная контрольная цифра',
};

const kppMessages: Partial<Record<IdentifierFailure, string>> = {
  length: 'КПП: должен состоять из 9 символов',
  format: 'КПП: формат — 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
};

/** INN of an organisation: 10 digits, the last a control digit (FNS weights). */
export const checkInn: FieldCheck = (value) => {
  if (value === '') return 'ИНН: обязательное поле';
  const check = validateOrganisationInn(value);

  return check.ok ? null : (innMessages[check.reason] ?? 'ИНН: неверное значение');
};

/**
 * OGRN: 13 digits with a control digit. Its first digit tells the kind of register record: 1 or
 * 5 is the primary number of a legal entity; 2, 6-9 are numbers of later records (ГРН), which
 * people paste by mistake from a registry extract.
 */
export const checkOgrn: FieldCheck = (value) => {
  if (value === '') return 'ОГРН: обязательное поле';
  const check = validateOgrn(value);
  if (!check.ok) return ogrnMessages[check.reason] ?? 'ОГРН: неверное значение';

  return value.startsWith('1') || value.startsWith('5')
    ? null
    : 'ОГРН: должен начинаться с 1 или 5 (это номер другой записи реестра)';
};

/** KPP: 4 digits of the tax office, 2 digits or capital Latin letters, 3 digits. */
export const checkKpp: FieldCheck = (value) => {
  if (value === '') return 'КПП: обязательное поле';
  const check = validateKpp(value);

  return check.ok ? null : (kppMessages[check.reason] ?? 'КПП: неверное значение');
};

/** Spaces, dashes and brackets people type in a phone number; a leading 8 means +7. */
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s()-]/g, '');

  return /^8\d{10}$/.test(compact) ? `+7${compact.slice(1)}` : compact;
}

export const checkPhone: FieldCheck = (value) => {
  if (value === '') return 'Телефон: обязательное поле';

  return /^\+7\d{10}$/.test(value) ? null : 'Телефон: формат +7 и 10 цифр';
};

// The notification queue checks addresses with zod's own rule; the form must not accept less.
const emailFormat = z.email();

export const checkEmail: FieldCheck = (value) => {
  if (value === '') return 'Почта: обязательное поле';
  if (value.length > 320) return 'Почта: не длиннее 320 символов';

  return emailFormat.safeParse(value).success ? null : 'Почта: неверный формат адреса';
};

/** A required text of at most `max` characters, named `label` in messages. */
function requiredText(label: string, max: number): FieldCheck {
  return (value) => {
    if (value === '') return `${label}: обязательное поле`;

    return value.length > max ? `${label}: не длиннее ${max} символов` : null;
  };
}

/** A string field: trimmed, optionally normalised, then checked; missing counts as empty. */
function field(check: FieldCheck, normalise: (value: string) => string = (value) => value) {
  return z
    .string()
    .optional()
    .transform((value) => normalise((value ?? '').trim()))
    .superRefine((value, ctx) => {
      const problem = check(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Every check of the registration form, by field name. */
export const organisationFieldChecks = {
  fullName: requiredText('Полное наименование', 500),
  shortName: requiredText('Сокращённое наименование', 200),
  inn: checkInn,
  ogrn: checkOgrn,
  kpp: checkKpp,
  legalAddress: requiredText('Юридический адрес', 500),
  postalAddress: requiredText('Почтовый адрес', 500),
  email: checkEmail,
  phone: checkPhone,
} satisfies Record<string, FieldCheck>;

export type OrganisationTextField = keyof typeof organisationFieldChecks;

const normalisers: Partial<Record<OrganisationTextField, (value: string) => string>> = {
  email: (value) => value.toLowerCase(),
  phone: normalisePhone,
};

/**
 * Checks one field of the registration form as the user types: the same normalisation and
 * message as the server. Returns null when the value is acceptable.
 */
export function checkOrganisationField(name: OrganisationTextField, raw: string): string | null {
  const normalise = normalisers[name] ?? ((value: string) => value);

  return organisationFieldChecks[name](normalise(raw.trim()));
}

export const organisationTypeSchema = z.enum(organisationTypes, {
  error: 'Тип организации: выберите ООО или НКО',
});

/** The registration form as the server accepts it. */
export const organisationRegistrationSchema = z.object({
  type: organisationTypeSchema,
  fullName: field(organisationFieldChecks.fullName),
  shortName: field(organisationFieldChecks.shortName),
  inn: field(checkInn),
  ogrn: field(checkOgrn),
  kpp: field(checkKpp),
  legalAddress: field(organisationFieldChecks.legalAddress),
  postalAddress: field(organisationFieldChecks.postalAddress),
  email: field(checkEmail, (value) => value.toLowerCase()),
  phone: field(checkPhone, normalisePhone),
});

export type OrganisationRegistration = z.output<typeof organisationRegistrationSchema>;

/** An INN on its own, for the look-up by INN. */
export const innSchema = field(checkInn);

/** An email address, trimmed and lower-cased. */
export const emailSchema = field(checkEmail, (value) => value.toLowerCase());

export const IDLE_TIMEOUT_MIN = 5;
export const IDLE_TIMEOUT_MAX = 120;

/** Minutes of inactivity after which a member's session ends. */
export const idleTimeoutMinutesSchema = z
  .number({ error: 'Тайм-аут бездействия: укажите число минут' })
  .int({ error: 'Тайм-аут бездействия: целое число минут' })
  .min(IDLE_TIMEOUT_MIN, { error: 'Тайм-аут бездействия: от 5 до 120 минут' })
  .max(IDLE_TIMEOUT_MAX, { error: 'Тайм-аут бездействия: от 5 до 120 минут' });

/**
 * Reads an amount in roubles as typed on a page ("15 000", "15000,50") into kopecks, exactly:
 * no floating point on the way. Returns null when the text is not such an amount.
 */
export function rublesToKopecks(text: string): string | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const kopecks = BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));

  return kopecks.toString();
}
