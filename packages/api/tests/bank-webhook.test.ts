import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalEntry, OutboxMessage, StateFee, WebhookReceipt } from '@orgcard/db';
import { createTestApp, type TestApp } from '../src/testing/index.ts';
import {
  receiveBankConfirmation,
  signBankDelivery,
  type BankDelivery,
} from '../src/applications/bank-webhook.ts';
import { fillForm, organisationWithStaff } from './support/applicants.ts';

describe('the bank’s payment confirmation', () => {
  let app: TestApp;
  const em = () => app.services.orm.em.fork();
  const secret = () => app.services.bankWebhookSecret;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  async function chargedFee() {
    const { organisation, head } = await organisationWithStaff(app);
    const organisationId = organisation.id;
    const { id: applicationId } = await head.caller().applications.create({ organisationId });
    await fillForm(head, organisationId, applicationId);
    const order = await head.caller().applications.fee({ organisationId, applicationId });

    return { organisationId, applicationId, order, head };
  }

  function delivery(
    payment: { uin: string; amountKopecks: bigint | string; paymentId?: string },
    options: { deliveryId?: string; at?: Date; secret?: string; signature?: string } = {},
  ): BankDelivery {
    const body = JSON.stringify({
      paymentId: payment.paymentId ?? `PAY-${randomUUID()}`,
      uin: payment.uin,
      amountKopecks: payment.amountKopecks.toString(),
      paidAt: '2026-12-03T10:00:00+03:00',
    });
    const timestamp = String(Math.floor((options.at ?? new Date()).getTime() / 1000));

    return {
      deliveryId: options.deliveryId ?? randomUUID(),
      timestamp,
      signature: options.signature ?? signBankDelivery(options.secret ?? secret(), timestamp, body),
      rawBody: Buffer.from(body),
    };
  }

  const receive = (input: BankDelivery) => receiveBankConfirmation(em(), secret(), input);

  async function feeOf(applicationId: string) {
    return em().findOneOrFail(StateFee, { applicationId });
  }

  it('marks the fee paid, journals it as the system and emails the applicant', async () => {
    const { organisationId, applicationId, order, head } = await chargedFee();

    const answer = await receive(delivery({ ...order, paymentId: 'PAY-1' }));

    expect(answer).toEqual({ httpStatus: 200, body: { status: 'paid' } });
    expect(await feeOf(applicationId)).toMatchObject({
      status: 'paid',
      bankPaymentId: 'PAY-1',
      paidAt: new Date('2026-12-03T07:00:00Z'),
    });
    const [entry] = await em().find(JournalEntry, {
      organisationId,
      action: 'application.fee_paid',
    });
    expect(entry).toMatchObject({ actorKind: 'system', targetId: applicationId });
    const emails = await em().find(OutboxMessage, { queue: 'notifications' });
    expect(emails.map((row) => row.payload)).toContainEqual(
      expect.objectContaining({ to: head.user.email, template: 'application-fee-paid' }),
    );
  });

  it('answers 401 to a wrong, missing or stale signature, and changes nothing', async () => {
    const { organisationId, applicationId, order } = await chargedFee();
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const forged = delivery(order);
    const tampered = {
      ...forged,
      rawBody: Buffer.from(forged.rawBody.toString().replace('PAY', 'PAX')),
    };

    const receipts = await em().count(WebhookReceipt, {});
    const answers = [
      await receive(delivery(order, { secret: 'an-attacker-who-guessed-a-secret-of-32+' })),
      await receive(delivery(order, { signature: '' })),
      await receive({ ...delivery(order), signature: undefined, timestamp: undefined }),
      await receive(delivery(order, { at: sixMinutesAgo })),
      await receive(tampered),
    ];

    expect(answers.map((answer) => answer.httpStatus)).toEqual([401, 401, 401, 401, 401]);
    expect(await feeOf(applicationId)).toMatchObject({ status: 'unpaid', bankPaymentId: null });
    expect(await em().count(WebhookReceipt, {})).toBe(receipts);
    expect(await em().count(JournalEntry, { organisationId, action: 'application.fee_paid' })).toBe(
      0,
    );
  });

  it('ignores a replayed delivery id: 200 "duplicate" and nothing changes', async () => {
    const { applicationId, order } = await chargedFee();
    const first = delivery({ ...order, paymentId: 'PAY-REPLAY' });
    await receive(first);
    const receipts = await em().count(WebhookReceipt, {});

    const replay = await receive(first);

    expect(replay).toEqual({ httpStatus: 200, body: { status: 'duplicate' } });
    expect(await em().count(WebhookReceipt, {})).toBe(receipts);
    expect((await feeOf(applicationId)).bankPaymentId).toBe('PAY-REPLAY');
  });

  it('applies the same payment in a new delivery once: 200 with no second effect', async () => {
    const { organisationId, order } = await chargedFee();
    await receive(delivery({ ...order, paymentId: 'PAY-TWICE' }));

    const again = await receive(delivery({ ...order, paymentId: 'PAY-TWICE' }));

    expect(again).toEqual({ httpStatus: 200, body: { status: 'already_paid' } });
    expect(await em().count(JournalEntry, { organisationId, action: 'application.fee_paid' })).toBe(
      1,
    );
  });

  it('applies one payment once when its deliveries race each other', async () => {
    const { organisationId, order } = await chargedFee();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => receive(delivery({ ...order, paymentId: 'PAY-RACE' }))),
    );

    expect(answers.map((answer) => answer.body.status).sort()).toEqual([
      'already_paid',
      'already_paid',
      'already_paid',
      'already_paid',
      'paid',
    ]);
    expect(await em().count(JournalEntry, { organisationId, action: 'application.fee_paid' })).toBe(
      1,
    );
  });

  it('answers 404 to an unknown УИН and 422 to a wrong amount, changing nothing', async () => {
    const { applicationId, order } = await chargedFee();
    const receipts = await em().count(WebhookReceipt, {});

    const unknown = await receive(
      delivery({ uin: '0'.repeat(25), amountKopecks: order.amountKopecks }),
    );
    const short = await receive(
      delivery({ uin: order.uin, amountKopecks: order.amountKopecks - 1n }),
    );

    expect(unknown.httpStatus).toBe(404);
    expect(short).toMatchObject({ httpStatus: 422, body: { status: 'refused' } });
    expect(await feeOf(applicationId)).toMatchObject({ status: 'unpaid' });
    expect(await em().count(WebhookReceipt, {})).toBe(receipts);
  });

  it('refuses a second, different payment of a fee already paid', async () => {
    const { applicationId, order } = await chargedFee();
    await receive(delivery({ ...order, paymentId: 'PAY-FIRST' }));

    const second = await receive(delivery({ ...order, paymentId: 'PAY-SECOND' }));

    expect(second.httpStatus).toBe(409);
    expect((await feeOf(applicationId)).bankPaymentId).toBe('PAY-FIRST');
  });

  it('answers 400 to a body that is not a confirmation, with a valid signature', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = '{"paymentId": 42}';

    const answer = await receive({
      deliveryId: randomUUID(),
      timestamp,
      signature: signBankDelivery(secret(), timestamp, body),
      rawBody: Buffer.from(body),
    });

    expect(answer.httpStatus).toBe(400);
  });
});
