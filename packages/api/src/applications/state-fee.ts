import { buildPaymentQr } from '@orgcard/crypto';
import { StateFee, type CardApplication, type EntityManager, type Organisation } from '@orgcard/db';
import QRCode from 'qrcode';
import type { FeePayee } from '../config/fee-settings.ts';
import { AppError } from '../errors.ts';
import {
  applicationNumber,
  applicationTarget,
  findApplication,
  requireEditable,
  type ApplicationActor,
} from './application-basics.ts';
import { missingFormFields } from './completeness.ts';
import { tariffFor } from './tariffs.ts';
import { generateUin } from './uin.ts';

/** What a payment order shows, and what its QR code carries. */
export interface PaymentOrder {
  feeId: string;
  applicationId: string;
  applicationNumber: string;
  status: StateFee['status'];
  paidAt: Date | null;
  amountKopecks: bigint;
  purpose: string;
  uin: string;
  payee: FeePayee;
  payerName: string;
  payerInn: string;
  payerKpp: string;
  /** The ГОСТ Р 56042-2014 payload, shown as text beside the image. */
  qrPayload: string;
  /** The same payload as a PNG QR code, as a data: URL. */
  qrImageDataUrl: string;
}

/** The purpose line of the order (at most 210 characters, the QR code's limit). */
export function feePurpose(applicationId: string): string {
  return `Госпошлина за выпуск мобильной карты организации, заявление №${applicationNumber(applicationId)}`;
}

/**
 * Builds the payment order of a fee: the payee's requisites from configuration, the payer,
 * the amount, the purpose, the УИН, and a QR code by ГОСТ Р 56042-2014 that a banking app
 * reads to fill in the payment.
 */
export async function paymentOrderOf(
  fee: StateFee,
  organisation: Organisation,
  payee: FeePayee,
): Promise<PaymentOrder> {
  const qrPayload = buildPaymentQr({
    Name: payee.name,
    PersonalAcc: payee.account,
    BankName: payee.bankName,
    BIC: payee.bic,
    CorrespAcc: payee.correspondentAccount,
    Sum: fee.amountKopecks,
    Purpose: fee.purpose,
    PayeeINN: payee.inn,
    PayerINN: organisation.inn,
    KPP: payee.kpp,
    CBC: payee.cbc,
    OKTMO: payee.oktmo,
    UIN: fee.uin,
  });
  // Level M keeps the code readable from a slightly creased printout.
  const qrImageDataUrl = await QRCode.toDataURL(qrPayload, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 320,
  });

  return {
    feeId: fee.id,
    applicationId: fee.applicationId,
    applicationNumber: applicationNumber(fee.applicationId),
    status: fee.status,
    paidAt: fee.paidAt ?? null,
    amountKopecks: fee.amountKopecks,
    purpose: fee.purpose,
    uin: fee.uin,
    payee,
    payerName: organisation.shortName,
    payerInn: organisation.inn,
    payerKpp: organisation.kpp,
    qrPayload,
    qrImageDataUrl,
  };
}

function newFee(em: EntityManager, application: CardApplication): StateFee {
  const tariff = application.tariffCode ? tariffFor(application.tariffCode) : undefined;
  const missing = missingFormFields(application);
  if (!tariff || missing.length > 0) {
    throw new AppError('invalid_state', `Заполните анкету: ${missing.join(', ') || 'тариф'}.`);
  }

  return em.create(StateFee, {
    organisationId: application.organisationId,
    applicationId: application.id,
    amountKopecks: tariff.feeKopecks,
    uin: generateUin(),
    purpose: feePurpose(application.id),
    bankPaymentId: null,
    paidAt: null,
  });
}

/**
 * The application's state fee, created on first request with the amount of its tariff and a
 * fresh УИН; later requests return the same fee. Reaching the fee turns a draft into
 * "awaiting fee". The lock on the application keeps two tabs from creating two fees.
 */
export async function requestStateFee(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
  actor: ApplicationActor,
): Promise<StateFee> {
  return em.transactional(async (tx) => {
    const application = await findApplication(tx, organisationId, applicationId, { lock: true });
    const existing = await tx.findOne(StateFee, { applicationId, organisationId });
    if (existing) return existing;

    requireEditable(application);
    const fee = newFee(tx, application);
    application.step = 'fee';
    if (application.status === 'draft') application.status = 'awaiting_fee';
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.fee_order_created',
      target: applicationTarget(application.id),
      details: { feeId: fee.id, uin: fee.uin, amountKopecks: fee.amountKopecks.toString() },
    });

    return fee;
  });
}

/** The fee of an application, or "not found" before the applicant asked for it. */
export async function findStateFee(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
): Promise<StateFee> {
  const fee = await em.findOne(StateFee, { applicationId, organisationId });
  if (!fee)
    throw new AppError('not_found', 'Госпошлина ещё не начислена: перейдите к шагу оплаты.');

  return fee;
}
