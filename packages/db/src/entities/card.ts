import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export interface CardLimits {
  perOperationKopecks: string;
  perDayKopecks: string;
  perMonthKopecks: string;
}

/** The mobile card. Its number is stored encrypted; only the masked form is readable. */
export const Card = defineEntity({
  name: 'Card',
  tableName: 'card',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    /** One card per application: a second issuance of the same application is refused. */
    applicationId: p.uuid().unique(),
    holderMemberId: p.uuid(),
    holderUserId: p.uuid(),
    department: p.string().length(200).nullable(),
    numberSealed: p.blob().hidden(),
    numberMasked: p.string().length(19),
    /** HMAC of the number, to find a card by number and keep numbers unique without decrypting. */
    numberDigest: p.string().length(64).unique().hidden(),
    status: p.enum(['issued', 'active', 'blocked', 'expired', 'revoked']).default('issued'),
    validFrom: p.datetime(),
    validTo: p.datetime(),
    /** Amounts in kopecks as decimal strings (JSON has no 64-bit integers). */
    limits: p.json<CardLimits>(),
    statusListIndex: p.integer().unique(),
    credentialJws: p.text(),
    issuedAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type Card = InferEntity<typeof Card>;
