import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBankDelivery } from '@orgcard/api';
import { JournalEntry, StateFee, WebhookReceipt } from '@orgcard/db';
import { fillForm, organisationWithStaff } from '../../../packages/api/tests/support/applicants.ts';
import { startHttpApp, type HttpApp } from './http-app.ts';

describe('POST /webhooks/bank over HTTP', () => {
  let http: HttpApp;
  const em = () => http.app.services.orm.em.fork();

  beforeAll(async () => {
    http = await startHttpApp();
  });

  afterAll(async () => {
    await http?.close();
  });

  async function chargedFee() {
    const { organisation, head } = await organisationWithStaff(http.app);
    const organisationId = organisation.id;
    const { id: applicationId } = await head.caller().applications.create({ organisationId });
    await fillForm(head, organisationId, applicationId);
    const order = await head.caller().applications.fee({ organisationId, applicationId });

    return { organisationId, applicationId, order, head };
  }

  interface Post {
    uin: string;
    amountKopecks: bigint;
    paymentId?: string;
    deliveryId?: string;
    secret?: string;
  }

  /** Posts a confirmation as the bank does: no Origin, no cookie, an HMAC signature. */
  async function post(payment: Post) {
    const body = JSON.stringify({
      paymentId: payment.paymentId ?? `PAY-${randomUUID()}`,
      uin: payment.uin,
      amountKopecks: payment.amountKopecks.toString(),
      paidAt: new Date().toISOString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const secret = payment.secret ?? http.app.services.bankWebhookSecret;
    const response = await fetch(`${http.baseUrl}/webhooks/bank`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bank-delivery-id': payment.deliveryId ?? randomUUID(),
        'x-bank-timestamp': timestamp,
        'x-bank-signature': signBankDelivery(secret, timestamp, body),
      },
      body,
    });

    return { status: response.status, body: (await response.json()) as { status: string } };
  }

  const paidCount = (organisationId: string) =>
    em().count(JournalEntry, { organisationId, action: 'application.fee_paid' });

  it('refuses a bad signature with 401 and changes nothing', async () => {
    const { organisationId, applicationId, order } = await chargedFee();

    const answer = await post({ ...order, secret: 'not-the-bank-but-someone-else-entirely' });

    expect(answer).toMatchObject({ status: 401, body: { status: 'refused' } });
    expect(await em().findOneOrFail(StateFee, { applicationId })).toMatchObject({
      status: 'unpaid',
    });
    expect(await paidCount(organisationId)).toBe(0);
  });

  it('marks the fee paid, ignores the replayed delivery and the repeated payment', async () => {
    const { organisationId, applicationId, order } = await chargedFee();
    const deliveryId = randomUUID();

    const first = await post({ ...order, paymentId: 'PAY-HTTP', deliveryId });
    const replay = await post({ ...order, paymentId: 'PAY-HTTP', deliveryId });
    const repeated = await post({ ...order, paymentId: 'PAY-HTTP' });

    expect([first, replay, repeated]).toEqual([
      { status: 200, body: { status: 'paid' } },
      { status: 200, body: { status: 'duplicate' } },
      { status: 200, body: { status: 'already_paid' } },
    ]);
    expect(await em().findOneOrFail(StateFee, { applicationId })).toMatchObject({
      status: 'paid',
      bankPaymentId: 'PAY-HTTP',
    });
    expect(await paidCount(organisationId)).toBe(1);
    expect(await em().count(WebhookReceipt, { deliveryId })).toBe(1);
  });

  it('answers 404 to an unknown УИН and 422 to a wrong amount', async () => {
    const { applicationId, order } = await chargedFee();

    const unknown = await post({ uin: '1'.repeat(25), amountKopecks: order.amountKopecks });
    const wrongAmount = await post({ uin: order.uin, amountKopecks: order.amountKopecks + 100n });

    expect([unknown.status, wrongAmount.status]).toEqual([404, 422]);
    expect(await em().findOneOrFail(StateFee, { applicationId })).toMatchObject({
      status: 'unpaid',
    });
  });

  it('refuses a body far larger than a confirmation with 413', async () => {
    const response = await fetch(`${http.baseUrl}/webhooks/bank`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(64 * 1024),
    });

    expect(response.status).toBe(413);
  });

  it('is the only POST spared the same-origin check', async () => {
    const response = await fetch(`${http.baseUrl}/webhooks/bank-other`, {
      method: 'POST',
      body: '{}',
    });

    expect(response.status).toBe(403);
  });

  it('is what the development bank simulator pays through', async () => {
    const { organisationId, applicationId } = await chargedFee();
    const unpaid = await http.app.caller().applications.simulatorFees();
    const fee = unpaid.find((candidate) => candidate.applicationId === applicationId);

    const payment = await http.app
      .caller()
      .applications.simulatePayment({ feeId: fee?.feeId ?? '' });

    expect(payment.answer).toEqual({ httpStatus: 200, body: { status: 'paid' } });
    expect(await em().findOneOrFail(StateFee, { applicationId })).toMatchObject({
      status: 'paid',
      bankPaymentId: payment.paymentId,
    });
    expect(await paidCount(organisationId)).toBe(1);
  });
});
