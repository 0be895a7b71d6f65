import { createHmac, timingSafeEqual } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { CardApplication, StateFee, User, WebhookReceipt, type EntityManager } from '@orgcard/db';
import { z } from 'zod';
import { writeJournal } from '../journal/write-journal.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import { applicationNumber, applicationTarget } from './application-basics.ts';
import { formatKopecks } from './money.ts';

/** How far the bank's clock may be from ours before a delivery counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
const SOURCE = 'bank';

/** One delivery as it arrived: the three headers and the body byte for byte. */
export interface BankDelivery {
  deliveryId: string | undefined;
  /** Unix seconds, from `X-Bank-Timestamp`. */
  timestamp: string | undefined;
  /** `sha256=<hex>`, from `X-Bank-Signature`. */
  signature: string | undefined;
  rawBody: Buffer;
}

export type BankAnswerStatus = 'paid' | 'already_paid' | 'duplicate' | 'refused';

/** The HTTP status and JSON body to answer the bank with. */
export interface BankAnswer {
  httpStatus: 200 | 400 | 401 | 404 | 409 | 422;
  body: { status: BankAnswerStatus; message?: string };
}

const confirmationSchema = z.object({
  paymentId: z.string().trim().min(1).max(100),
  uin: z.string().regex(/^\d{25}$/),
  amountKopecks: z.string().regex(/^\d{1,18}$/),
  paidAt: z.iso.datetime({ offset: true }),
});

type Confirmation = z.infer<typeof confirmationSchema>;

const refused = (httpStatus: BankAnswer['httpStatus'], message: string): BankAnswer => ({
  httpStatus,
  body: { status: 'refused', message },
});

/**
 * The signature header for a delivery: `sha256=` and the hex HMAC-SHA256, keyed by the
 * shared secret, of `<timestamp>.<raw body>`. Binding the timestamp makes an old delivery
 * unusable once it leaves the tolerance window.
 */
export function signBankDelivery(
  secret: string,
  timestamp: string,
  rawBody: Buffer | string,
): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');

  return `sha256=${mac}`;
}

/** Checks the signature in constant time, and that the timestamp is within five minutes. */
function authentic(secret: string, delivery: BankDelivery, now: Date): boolean {
  const { timestamp, signature } = delivery;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signBankDelivery(secret, timestamp, delivery.rawBody));
  const given = Buffer.from(signature);

  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseConfirmation(rawBody: Buffer): Confirmation | null {
  try {
    const parsed = confirmationSchema.safeParse(JSON.parse(rawBody.toString('utf8')));

    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Tells the applicant by email; the outbox row commits with the payment. */
async function notifyApplicant(em: EntityManager, fee: StateFee): Promise<void> {
  const application = await em.findOneOrFail(CardApplication, { id: fee.applicationId });
  const applicant = await em.findOne(User, { id: application.applicantUserId });
  if (!applicant) return;
  enqueueJob(em, 'notifications', {
    channel: 'email',
    to: applicant.email,
    template: 'application-fee-paid',
    data: {
      applicationNumber: applicationNumber(application.id),
      amount: formatKopecks(fee.amountKopecks),
      uin: fee.uin,
    },
  });
}

async function markPaid(
  em: EntityManager,
  fee: StateFee,
  payment: Confirmation,
  deliveryId: string,
) {
  fee.status = 'paid';
  fee.bankPaymentId = payment.paymentId;
  fee.paidAt = new Date(payment.paidAt);
  em.create(WebhookReceipt, { deliveryId, source: SOURCE });
  await notifyApplicant(em, fee);
  await em.flush();
  await writeJournal(em, {
    organisationId: fee.organisationId,
    actor: { kind: 'system' },
    action: 'application.fee_paid',
    target: applicationTarget(fee.applicationId),
    details: {
      feeId: fee.id,
      uin: fee.uin,
      paymentId: payment.paymentId,
      amountKopecks: fee.amountKopecks.toString(),
      deliveryId,
    },
  });
}

/** Applies one authentic confirmation; every refusal returns before anything is written. */
async function applyConfirmation(
  em: EntityManager,
  deliveryId: string,
  payment: Confirmation,
): Promise<BankAnswer> {
  if (await em.findOne(WebhookReceipt, { deliveryId })) {
    return { httpStatus: 200, body: { status: 'duplicate' } };
  }
  // The row lock makes two deliveries of one payment apply one after the other.
  const fee = await em.findOne(
    StateFee,
    { uin: payment.uin },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!fee) return refused(404, 'Начисление с таким УИН не найдено.');
  if (fee.amountKopecks !== BigInt(payment.amountKopecks)) {
    return refused(
      422,
      `Сумма платежа не совпадает с начислением: ожидается ${fee.amountKopecks} коп.`,
    );
  }
  if (fee.status === 'paid') {
    if (fee.bankPaymentId !== payment.paymentId) {
      return refused(409, 'Начисление уже оплачено другим платежом.');
    }
    em.create(WebhookReceipt, { deliveryId, source: SOURCE });

    return { httpStatus: 200, body: { status: 'already_paid' } };
  }
  if (await em.findOne(StateFee, { bankPaymentId: payment.paymentId })) {
    return refused(409, 'Этот платёж уже зачтён в другое начисление.');
  }
  await markPaid(em, fee, payment, deliveryId);

  return { httpStatus: 200, body: { status: 'paid' } };
}

/**
 * Handles the bank's confirmation that a state fee was paid. A missing or wrong signature, or
 * a timestamp more than five minutes away, is 401 and changes nothing. A delivery id seen
 * before is a replay: 200 "duplicate", nothing changes. A payment already applied, in a new
 * delivery, is 200 "already_paid" with no second effect. An unknown УИН is 404; an amount
 * other than the fee's is 422. A good one marks the fee paid, records the delivery, journals
 * it as the system and emails the applicant, all in one transaction.
 */
export async function receiveBankConfirmation(
  em: EntityManager,
  secret: string,
  delivery: BankDelivery,
  now = new Date(),
): Promise<BankAnswer> {
  if (!authentic(secret, delivery, now))
    return refused(401, 'Подпись запроса неверна или устарела.');
  const deliveryId = delivery.deliveryId?.trim();
  if (!deliveryId || deliveryId.length > 100) return refused(400, 'Нет идентификатора доставки.');
  const payment = parseConfirmation(delivery.rawBody);
  if (!payment) return refused(400, 'Тело запроса не соответствует формату подтверждения оплаты.');

  try {
    return await em.transactional((tx) => applyConfirmation(tx, deliveryId, payment));
  } catch (error) {
    // The same delivery arriving twice at once: the second insert of its id loses the race.
    if (error instanceof UniqueConstraintViolationException) {
      return { httpStatus: 200, body: { status: 'duplicate' } };
    }
    throw error;
  }
}
