import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaymentQr } from '@orgcard/crypto';
import { CardApplication, StateFee } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import { feeEnvShape, parseEnv } from '../src/config/env.ts';
import { developmentFeeSettings, loadFeeSettings } from '../src/config/fee-settings.ts';
import { generateUin, isValidUin, uinControlDigit } from '../src/applications/uin.ts';
import { formatKopecks } from '../src/applications/money.ts';
import { confirmPayment, fillForm, organisationWithStaff } from './support/applicants.ts';

describe('the state fee', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function filledApplication(type: 'LLC' | 'NPO' = 'LLC', tariffCode?: string) {
    const staff = await organisationWithStaff(app, type);
    const organisationId = staff.organisation.id;
    const { id: applicationId } = await staff.head.caller().applications.create({ organisationId });
    await fillForm(staff.head, organisationId, applicationId);
    if (tariffCode)
      await staff.head.caller().applications.update({ organisationId, applicationId, tariffCode });

    return { ...staff, organisationId, applicationId };
  }

  it('charges the amount of the tariff: LLC 3 000 ₽ or 5 000 ₽, NPO 1 500 ₽', async () => {
    const cases = [
      ['LLC', 'llc-basic', 300_000n],
      ['LLC', 'llc-business', 500_000n],
      ['NPO', 'npo-basic', 150_000n],
    ] as const;

    for (const [type, tariffCode, amount] of cases) {
      const { head, organisationId, applicationId } = await filledApplication(type, tariffCode);
      const order = await head.caller().applications.fee({ organisationId, applicationId });

      expect(order.amountKopecks).toBe(amount);
    }
  });

  it('charges once: asking again returns the same УИН', async () => {
    const { head, administrator, organisationId, applicationId } = await filledApplication();

    const first = await head.caller().applications.fee({ organisationId, applicationId });
    const second = await administrator.caller().applications.fee({ organisationId, applicationId });
    const read = await head.caller().applications.paymentOrder({ organisationId, applicationId });

    expect(second.uin).toBe(first.uin);
    expect(read.uin).toBe(first.uin);
    expect(await em().count(StateFee, { applicationId })).toBe(1);
  });

  it('turns a draft into "awaiting fee" at the fee step', async () => {
    const { head, organisationId, applicationId } = await filledApplication();

    await head.caller().applications.fee({ organisationId, applicationId });

    expect(await em().findOneOrFail(CardApplication, { id: applicationId })).toMatchObject({
      status: 'awaiting_fee',
      step: 'fee',
    });
  });

  it('refuses to charge a fee before the form names a tariff', async () => {
    const staff = await organisationWithStaff(app);
    const organisationId = staff.organisation.id;
    const { id: applicationId } = await staff.head.caller().applications.create({ organisationId });

    await expect(
      staff.head.caller().applications.fee({ organisationId, applicationId }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'Заполните анкету: цель получения карты, держатель карты, подразделение или проект, тариф.',
    });
    await expect(
      staff.head.caller().applications.paymentOrder({ organisationId, applicationId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prints the payee, the payer, the amount, the purpose and the УИН in a ГОСТ Р 56042 QR code', async () => {
    const { head, organisation, organisationId, applicationId } = await filledApplication();

    const order = await head.caller().applications.fee({ organisationId, applicationId });
    const { fields, encoding } = parsePaymentQr(order.qrPayload);

    expect(order.payee).toEqual(developmentFeeSettings().payee);
    expect(encoding).toBe('utf-8');
    expect(fields).toMatchObject({
      Name: order.payee.name,
      PersonalAcc: '40501810345250000001',
      BankName: 'ПАО Сбербанк',
      BIC: '044525225',
      CorrespAcc: '30101810400000000225',
      Sum: 300_000n,
      Purpose: `Госпошлина за выпуск мобильной карты организации, заявление №${applicationId.slice(0, 8).toUpperCase()}`,
      PayeeINN: '7710474375',
      PayerINN: organisation.inn,
      KPP: '771001001',
      CBC: order.payee.cbc,
      OKTMO: order.payee.oktmo,
      UIN: order.uin,
    });
    expect(order.qrImageDataUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(order.qrImageDataUrl.split(',')[1] ?? '', 'base64');
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('re-prices an unpaid fee when the tariff changes, and keeps the tariff once paid', async () => {
    const { head, organisationId, applicationId } = await filledApplication('LLC', 'llc-basic');
    const order = await head.caller().applications.fee({ organisationId, applicationId });

    await head
      .caller()
      .applications.update({ organisationId, applicationId, tariffCode: 'llc-business' });
    const repriced = await head
      .caller()
      .applications.paymentOrder({ organisationId, applicationId });
    await confirmPayment(app, { uin: order.uin, amountKopecks: repriced.amountKopecks });

    expect(repriced).toMatchObject({ uin: order.uin, amountKopecks: 500_000n });
    await expect(
      head.caller().applications.update({ organisationId, applicationId, tariffCode: 'llc-basic' }),
    ).rejects.toMatchObject({ message: 'Тариф: госпошлина уже оплачена, тариф изменить нельзя.' });
    await expect(
      head.caller().applications.update({ organisationId, applicationId, tariffCode: '' }),
    ).rejects.toMatchObject({ message: 'Тариф: госпошлина уже оплачена, тариф изменить нельзя.' });
  });

  describe('the УИН', () => {
    it('is 25 digits with a control digit, and different for every fee', () => {
      const uins = Array.from({ length: 200 }, () => generateUin());

      expect(uins.every((uin) => /^\d{25}$/.test(uin) && isValidUin(uin))).toBe(true);
      expect(new Set(uins).size).toBe(uins.length);
    });

    it('computes the control digit with weights 1 to 10, then shifted by two on a remainder of 10', () => {
      // 1·1 = 1 → remainder 1.
      expect(uinControlDigit('100000000000000000000000')).toBe(1);
      // 1·1 + 9·10 = 91 → 91 mod 11 = 3.
      expect(uinControlDigit('100000000900000000000000')).toBe(3);
      // 5·2 = 10 → second pass: 5·4 = 20 → 9.
      expect(uinControlDigit('050000000000000000000000')).toBe(9);
    });

    it('rejects a УИН with one digit changed', () => {
      const uin = generateUin();
      const changed = `${uin.slice(0, 5)}${(Number(uin[5]) + 1) % 10}${uin.slice(6)}`;

      expect(isValidUin(changed)).toBe(false);
    });
  });

  describe('configuration', () => {
    const env = (overrides: Record<string, string>) => ({
      NODE_ENV: 'development',
      ...parseEnv(feeEnvShape, overrides),
    });

    it('accepts the development payee, whose accounts pass their control keys', () => {
      expect(loadFeeSettings(env({})).payee.account).toBe('40501810345250000001');
    });

    it('refuses a payee account whose control key does not match the BIC', () => {
      expect(() => loadFeeSettings(env({ FEE_PAYEE_ACCOUNT: '40501810445250000001' }))).toThrow(
        'Неверная настройка FEE_PAYEE_ACCOUNT: контрольный ключ не сходится с БИК FEE_PAYEE_BIC',
      );
    });

    it('requires a webhook secret of its own in production', () => {
      expect(() => loadFeeSettings({ ...env({}), NODE_ENV: 'production' })).toThrow(
        'Неверная настройка BANK_WEBHOOK_SECRET: не задана',
      );
    });
  });

  it('formats kopecks as rubles without floating point', () => {
    // Russian groups digits with a no-break space.
    expect(formatKopecks(300_000n)).toBe('3\u00a0000,00 ₽');
    expect(formatKopecks(123_456_789_012_345_678n)).toBe(
      '1\u00a0234\u00a0567\u00a0890\u00a0123\u00a0456,78 ₽',
    );
  });
});
