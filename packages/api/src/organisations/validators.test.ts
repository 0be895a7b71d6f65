import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkInn,
  checkKpp,
  checkOgrn,
  checkOrganisationField,
  organisationRegistrationSchema,
  rublesToKopecks,
} from './validators.ts';

// Published identifiers of two real companies (the registry extracts are public).
const sberbank = { inn: '7707083893', ogrn: '1027700132195', kpp: '773601001' };
const yandex = { inn: '7736207543', ogrn: '1027700229193', kpp: '770401001' };

/** Every value that differs from `value` in exactly one digit. */
function oneDigitCorruptions(value: string): string[] {
  const corruptions: string[] = [];
  for (let position = 0; position < value.length; position += 1) {
    for (const digit of '0123456789') {
      if (digit !== value[position]) {
        corruptions.push(value.slice(0, position) + digit + value.slice(position + 1));
      }
    }
  }

  return corruptions;
}

const validForm = {
  type: 'LLC',
  fullName: 'Публичное акционерное общество "Сбербанк России"',
  shortName: 'ПАО Сбербанк',
  inn: sberbank.inn,
  ogrn: sberbank.ogrn,
  kpp: sberbank.kpp,
  legalAddress: '117312, г. Москва, ул. Вавилова, д. 19',
  postalAddress: '117312, г. Москва, ул. Вавилова, д. 19',
  email: 'Info@Example.ru',
  phone: '8 (495) 500-55-50',
};

describe('organisation validators', () => {
  it.each([sberbank, yandex])('accepts the published identifiers of INN $inn', (company) => {
    expect(checkInn(company.inn)).toBeNull();
    expect(checkOgrn(company.ogrn)).toBeNull();
    expect(checkKpp(company.kpp)).toBeNull();
  });

  // The (mod 11) mod 10 rule misses some one-digit changes in general; for these two companies
  // every one of them changes the control digit, so each must be refused.
  it.each([sberbank, yandex])('refuses every one-digit corruption of INN $inn', (company) => {
    const messages = new Set(oneDigitCorruptions(company.inn).map(checkInn));

    expect(messages).toEqual(new Set(['ИНН: неверная контрольная цифра']));
  });

  it.each([sberbank, yandex])('refuses every one-digit corruption of OGRN $ogrn', (company) => {
    const messages = new Set(oneDigitCorruptions(company.ogrn).map(checkOgrn));

    expect(messages).toEqual(new Set(['ОГРН: неверная контрольная цифра']));
  });

  it('names the field and the rule for a wrong length or a letter', () => {
    expect(checkInn('770708389')).toBe('ИНН: должен состоять из 10 цифр');
    expect(checkInn('77070838a3')).toBe('ИНН: допустимы только цифры');
    expect(checkInn('')).toBe('ИНН: обязательное поле');
    expect(checkOgrn('102770013219')).toBe('ОГРН: должен состоять из 13 цифр');
    expect(checkOgrn('10277001321x5')).toBe('ОГРН: допустимы только цифры');
    expect(checkKpp('77360100')).toBe('КПП: должен состоять из 9 символов');
  });

  it('refuses a registration number of a later record in place of the OGRN', () => {
    // 2027700132194 passes the control digit but starts with 2: the number of a later record.
    expect(checkOgrn('2027700132194')).toBe(
      'ОГРН: должен начинаться с 1 или 5 (это номер другой записи реестра)',
    );
  });

  it('accepts capital Latin letters in the reason part of a KPP and nothing else there', () => {
    expect(checkKpp('7736AB001')).toBeNull();
    const formatRule = 'КПП: формат — 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры';
    expect(checkKpp('7736ab001')).toBe(formatRule);
    expect(checkKpp('7736АБ001')).toBe(formatRule); // Cyrillic А and Б look the same
    expect(checkKpp('A73601001')).toBe(formatRule);
  });

  it('normalises the email and phone of a valid form', () => {
    const parsed = organisationRegistrationSchema.parse(validForm);

    expect(parsed.email).toBe('info@example.ru');
    expect(parsed.phone).toBe('+74955005550');
  });

  it('reports each wrong field of the form under its own name', () => {
    const result = organisationRegistrationSchema.safeParse({
      ...validForm,
      type: 'JSC',
      inn: '7707083894',
      kpp: '77360100',
      phone: '+7 495 500',
      email: 'info@',
      fullName: '   ',
    });

    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      type: ['Тип организации: выберите ООО или НКО'],
      inn: ['ИНН: неверная контрольная цифра'],
      kpp: ['КПП: должен состоять из 9 символов'],
      phone: ['Телефон: формат +7 и 10 цифр'],
      email: ['Почта: неверный формат адреса'],
      fullName: ['Полное наименование: обязательное поле'],
    });
  });

  it('checks a single field as the form does while the user types', () => {
    expect(checkOrganisationField('phone', ' 8 900 000-00-01 ')).toBeNull();
    expect(checkOrganisationField('inn', ' 7707083893 ')).toBeNull();
    expect(checkOrganisationField('shortName', 'x'.repeat(201))).toBe(
      'Сокращённое наименование: не длиннее 200 символов',
    );
  });

  it('reads roubles into kopecks exactly, without floating point', () => {
    expect(rublesToKopecks('15 000')).toBe('1500000');
    expect(rublesToKopecks('0,1')).toBe('10');
    expect(rublesToKopecks('1234567890123,99')).toBe('123456789012399');
    expect(rublesToKopecks('-5')).toBeNull();
    expect(rublesToKopecks('1,234')).toBeNull();
    expect(rublesToKopecks('')).toBeNull();
  });
});
