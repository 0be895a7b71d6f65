import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A card holder's X.509 signing certificate. The private key is sealed at rest and used only
 * after the holder's PIN (set at activation) is verified.
 */
export const SigningCertificate = defineEntity({
  name: 'SigningCertificate',
  tableName: 'signing_certificate',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    cardId: p.uuid().unique(),
    serial: p.string().length(64).unique(),
    certificatePem: p.text(),
    privateKeySealed: p.blob().hidden(),
    pinHash: p.string().length(64).nullable().hidden(),
    pinFailures: p.integer().default(0),
    pinLockedAt: p.datetime().nullable(),
    status: p.enum(['awaiting_pin', 'active', 'revoked']).default('awaiting_pin'),
    notBefore: p.datetime(),
    notAfter: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revocationReason: p.string().length(50).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type SigningCertificate = InferEntity<typeof SigningCertificate>;
