import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** A person with an account. Their roles live in memberships, one per organisation. */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    fullName: p.string().length(200),
    /** Lower-cased; one account per address. */
    email: p.string().length(320).unique(),
    phone: p.string().length(12),
    passwordHash: p.string().length(200).hidden(),
    passwordChangedAt: p.datetime(),
    emailConfirmedAt: p.datetime().nullable(),
    phoneConfirmedAt: p.datetime().nullable(),
    secondFactor: p.enum(['sms', 'totp']).default('sms'),
    /**
     * The authenticator secret, sealed with envelope encryption bound to this row. Not marked
     * hidden: MikroORM's typing of hidden nullable properties refuses null; the value is
     * ciphertext, and procedures declare their outputs, so entities never reach a client.
     */
    totpSecretSealed: p.blob().nullable(),
    /** A secret being enrolled, sealed the same way; it replaces the active one once confirmed. */
    totpPendingSealed: p.blob().nullable(),
    /** The last TOTP time step accepted, so one code cannot be used twice. */
    totpLastStep: p.bigint('number').nullable(),
    lockedUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type User = InferEntity<typeof User>;
