import { describe, expect, it } from 'vitest';

import { CryptoError } from './errors';
import { buildPaymentQr, parsePaymentQr } from './payment-qr';
import type { PaymentQrFields } from './payment-qr';
import { catchError } from './test-support/catch-error';

const STATE_FEE: PaymentQrFields = {
  Name: 'УФК по г. Москве (ИФНС России № 36 по г. Москве)',
  PersonalAcc: '03100643000000017300',
  BankName: 'ГУ Банка России по ЦФО//УФК по г. Москве',
  BIC: '004525988',
  CorrespAcc: '40102810545370000003',
  Sum: 400000n,
  Purpose: 'Государственная пошлина за выдачу мобильной карты организации',
  PayeeINN: '7736207543',
  PayerINN: '7707083893',
  KPP: '773601001',
  CBC: '18210807010011000110',
  OKTMO: '45397000',
  UIN: '18209965254312345678',
};

function fieldError(action: () => unknown): { code: string; field: string | undefined } {
  const error = catchError(action);
  if (!(error instanceof CryptoError)) {
    throw new Error('expected a CryptoError');
  }

  return { code: error.code, field: error.field };
}

describe('buildPaymentQr', () => {
  it('writes the service block, then the required items in order, then the optional ones', () => {
    const payload = buildPaymentQr(STATE_FEE);

    expect(payload).toBe(
      'ST00012|Name=УФК по г. Москве (ИФНС России № 36 по г. Москве)' +
        '|PersonalAcc=03100643000000017300|BankName=ГУ Банка России по ЦФО//УФК по г. Москве' +
        '|BIC=004525988|CorrespAcc=40102810545370000003|Sum=400000' +
        '|Purpose=Государственная пошлина за выдачу мобильной карты организации' +
        '|PayeeINN=7736207543|PayerINN=7707083893|KPP=773601001|CBC=18210807010011000110' +
        '|OKTMO=45397000|UIN=18209965254312345678',
    );
  });

  it('writes the required items first whatever the order of the object', () => {
    const { Name, ...rest } = STATE_FEE;
    const payload = buildPaymentQr({ ...rest, Name });

    expect(
      payload
        .split('|')
        .slice(1, 6)
        .map((item) => item.split('=')[0]),
    ).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']);
  });

  it('refuses a value containing the separator, naming the field', () => {
    expect(
      fieldError(() => buildPaymentQr({ ...STATE_FEE, Purpose: 'за карту | срочно' })),
    ).toEqual({
      code: 'bad_format',
      field: 'Purpose',
    });
  });

  it.each([
    ['Name', { Name: 'Я'.repeat(161) }],
    ['BankName', { BankName: 'Б'.repeat(46) }],
    ['Purpose', { Purpose: 'П'.repeat(211) }],
    ['PersonalAcc', { PersonalAcc: '0310064300000001730' }],
    ['BIC', { BIC: '04452522X' }],
    ['CorrespAcc', { CorrespAcc: '401028105453700000031' }],
    ['Sum', { Sum: 10n ** 18n }],
    ['Sum', { Sum: -1n }],
    ['PayeeINN', { PayeeINN: '7736207543000' }],
    ['KPP', { KPP: '7736010010' }],
    ['OKTMO', { OKTMO: '453970000000' }],
    ['UIN', { UIN: '1'.repeat(26) }],
    ['TechCode', { TechCode: '1' }],
    ['Purpose', { Purpose: 'строка\nвторая' }],
  ] as [string, Partial<PaymentQrFields>][])('refuses a bad %s and names it', (field, change) => {
    expect(fieldError(() => buildPaymentQr({ ...STATE_FEE, ...change }))).toEqual({
      code: 'bad_format',
      field,
    });
  });

  it('accepts values exactly at their limits', () => {
    const payload = buildPaymentQr({
      ...STATE_FEE,
      Name: 'Я'.repeat(160),
      Purpose: 'П'.repeat(210),
      Sum: 10n ** 18n - 1n,
    });

    expect(parsePaymentQr(payload).fields.Sum).toBe(999_999_999_999_999_999n);
  });

  it('refuses a missing required item', () => {
    const { BIC: _bic, ...withoutBic } = STATE_FEE;

    expect(fieldError(() => buildPaymentQr(withoutBic as PaymentQrFields))).toEqual({
      code: 'bad_format',
      field: 'BIC',
    });
  });
});

describe('parsePaymentQr', () => {
  it('round-trips every field it builds', () => {
    const full: PaymentQrFields = {
      ...STATE_FEE,
      DrawerStatus: '01',
      PaytReason: 'ТП',
      TaxPeriod: 'МС.03.2025',
      DocNo: '0',
      DocDate: '01.03.2025',
      TaxPaytKind: '0',
      LastName: 'Иванов',
      FirstName: 'Иван',
      MiddleName: 'Иванович',
      PayerAddress: 'Москва, ул. Льва Толстого, д. 16',
      Contract: 'Д-17/2025',
      TechCode: '02',
    };
    const parsed = parsePaymentQr(buildPaymentQr(full));

    expect(parsed).toEqual({ encoding: 'utf-8', fields: full, extra: {} });
  });

  it('reads a payload as issuers write it: other key case, empty items, unknown keys', () => {
    const payload =
      'ST00012|Name=ООО «Ромашка»|PersonalAcc=40702810438000034726|BankName=ПАО Сбербанк' +
      '|BIC=044525225|CorrespAcc=30101810400000000225|Sum=383296|lastName=|payerAddress=Тверь' +
      '|uin=0|serviceName=5000|Color=blue|';

    expect(parsePaymentQr(payload)).toEqual({
      encoding: 'utf-8',
      fields: {
        Name: 'ООО «Ромашка»',
        PersonalAcc: '40702810438000034726',
        BankName: 'ПАО Сбербанк',
        BIC: '044525225',
        CorrespAcc: '30101810400000000225',
        Sum: 383296n,
        PayerAddress: 'Тверь',
        UIN: '0',
        ServiceName: '5000',
      },
      extra: { Color: 'blue' },
    });
  });

  it('decodes a Windows-1251 payload from raw bytes', () => {
    const text =
      'ST00011|Name=ООО Ромашка|PersonalAcc=40702810438000034726|BankName=ПАО Сбербанк' +
      '|BIC=044525225|CorrespAcc=30101810400000000225';

    const parsed = parsePaymentQr(encodeWindows1251(text));

    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.fields.BankName).toBe('ПАО Сбербанк');
  });

  it('refuses required items out of order', () => {
    const payload = buildPaymentQr(STATE_FEE).replace(
      /\|PersonalAcc=(\d+)\|BankName=([^|]+)/,
      '|BankName=$2|PersonalAcc=$1',
    );

    expect(fieldError(() => parsePaymentQr(payload))).toEqual({
      code: 'bad_format',
      field: 'PersonalAcc',
    });
  });

  it('refuses a payload with a missing required item, a repeated item or a broken header', () => {
    expect(
      fieldError(() => parsePaymentQr('ST00012|Name=А|PersonalAcc=40702810438000034726')),
    ).toEqual({
      code: 'bad_format',
      field: 'BankName',
    });
    expect(fieldError(() => parsePaymentQr(`${buildPaymentQr(STATE_FEE)}|Sum=1`))).toEqual({
      code: 'bad_format',
      field: 'Sum',
    });
    expect(() => parsePaymentQr('ST00022|Name=А')).toThrow(/ST0001/);
    expect(() => parsePaymentQr('XX00012|Name=А')).toThrow(/ST0001/);
  });

  it('applies the length limits when reading', () => {
    const payload = buildPaymentQr(STATE_FEE).replace('|Sum=400000', `|Sum=${'9'.repeat(19)}`);

    expect(fieldError(() => parsePaymentQr(payload))).toEqual({ code: 'bad_format', field: 'Sum' });
  });
});

/** Windows-1251 for ASCII and the basic Cyrillic alphabet, written from the code page table. */
function encodeWindows1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x80) return code;
      if (code >= 0x0410 && code <= 0x044f) return code - 0x0410 + 0xc0;
      throw new Error(`no Windows-1251 byte for ${char} in this helper`);
    }),
  );
}
