import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const powerOfAttorneyScopes = [
  'sign_documents',
  'make_payments',
  'manage_cards',
  'manage_members',
  'export',
] as const;
export type PowerOfAttorneyScope = (typeof powerOfAttorneyScopes)[number];

/**
 * A grant from the organisation, signed by its head, to a member: scopes, an optional amount
 * ceiling, a validity period. Its id is the GUID number of the machine-readable document.
 */
export const PowerOfAttorney = defineEntity({
  name: 'PowerOfAttorney',
  tableName: 'power_of_attorney',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    /** The head who grants it. */
    principalUserId: p.uuid(),
    representativeMemberId: p.uuid().index(),
    representativeUserId: p.uuid(),
    scopes: p.array<PowerOfAttorneyScope>(),
    /** In kopecks; null means no ceiling. */
    amountCeilingKopecks: p.bigint('bigint').nullable(),
    validFrom: p.datetime(),
    validTo: p.datetime(),
    status: p.enum(['awaiting_signature', 'active', 'revoked']).default('awaiting_signature'),
    signedAt: p.datetime().nullable(),
    /** How the head signed: a confirmation code now, a CMS signature once cards exist. */
    signatureMethod: p.enum(['code', 'cms']).nullable(),
    signature: p.blob().nullable(),
    revokedAt: p.datetime().nullable(),
    revocationReason: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type PowerOfAttorney = InferEntity<typeof PowerOfAttorney>;
