import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The state fee of an application, with the payment order and the bank's confirmation. */
export const StateFee = defineEntity({
  name: 'StateFee',
  tableName: 'state_fee',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    applicationId: p.uuid().unique(),
    amountKopecks: p.bigint('bigint'),
    /** Unique payment identifier (УИН) printed in the order and the QR code. */
    uin: p.string().length(25).unique(),
    purpose: p.string().length(210),
    status: p.enum(['unpaid', 'paid']).default('unpaid'),
    /** The bank's payment id: a confirmation is applied once per id. */
    bankPaymentId: p.string().length(100).nullable().unique(),
    paidAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type StateFee = InferEntity<typeof StateFee>;
