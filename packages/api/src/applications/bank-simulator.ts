import { randomUUID } from 'node:crypto';
import { Organisation, StateFee, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { applicationNumber } from './application-basics.ts';
import { signBankDelivery, type BankAnswer } from './bank-webhook.ts';

export interface UnpaidFee {
  feeId: string;
  applicationId: string;
  applicationNumber: string;
  organisationName: string;
  amountKopecks: bigint;
  uin: string;
  createdAt: Date;
}

/** Every unpaid fee of every organisation, newest first: what the simulated bank may pay. */
export async function listUnpaidFees(em: EntityManager, limit = 50): Promise<UnpaidFee[]> {
  const fees = await em.find(
    StateFee,
    { status: 'unpaid' },
    { orderBy: { createdAt: 'desc' }, limit },
  );
  const organisations = await em.find(Organisation, {
    id: { $in: [...new Set(fees.map((fee) => fee.organisationId))] },
  });
  const names = new Map(
    organisations.map((organisation) => [organisation.id, organisation.shortName]),
  );

  return fees.map((fee) => ({
    feeId: fee.id,
    applicationId: fee.applicationId,
    applicationNumber: applicationNumber(fee.applicationId),
    organisationName: names.get(fee.organisationId) ?? '',
    amountKopecks: fee.amountKopecks,
    uin: fee.uin,
    createdAt: fee.createdAt,
  }));
}

export interface SimulatedPayment {
  paymentId: string;
  answer: BankAnswer;
}

/**
 * Pays a fee as the bank would: a confirmation signed with the shared secret, posted over
 * HTTP to the application's own `/webhooks/bank`, so the simulator exercises exactly the
 * path a real bank takes. Development only.
 */
export async function payThroughWebhook(
  em: EntityManager,
  settings: { appUrl: string; secret: string },
  feeId: string,
  now = new Date(),
): Promise<SimulatedPayment> {
  const fee = await em.findOne(StateFee, { id: feeId });
  if (!fee) throw new AppError('not_found', 'Начисление не найдено.');

  const paymentId = `SIM-${randomUUID()}`;
  const body = JSON.stringify({
    paymentId,
    uin: fee.uin,
    amountKopecks: fee.amountKopecks.toString(),
    paidAt: now.toISOString(),
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const response = await fetch(new URL('/webhooks/bank', settings.appUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-bank-delivery-id': randomUUID(),
      'x-bank-timestamp': timestamp,
      'x-bank-signature': signBankDelivery(settings.secret, timestamp, body),
    },
    body,
  }).catch((error: unknown) => {
    throw new AppError('unavailable', 'Банк-симулятор: сервер не ответил на адресе APP_URL.', {
      cause: error,
    });
  });

  return {
    paymentId,
    answer: {
      httpStatus: response.status as BankAnswer['httpStatus'],
      body: (await response.json()) as BankAnswer['body'],
    },
  };
}
