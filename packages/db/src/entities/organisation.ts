import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** A legal entity: an LLC (ООО) or an NPO (НКО). */
export const Organisation = defineEntity({
  name: 'Organisation',
  tableName: 'organisation',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    type: p.enum(['LLC', 'NPO']),
    fullName: p.string().length(500),
    shortName: p.string().length(200),
    /** Unique: one organisation per INN, enforced by the database against concurrent sign-ups. */
    inn: p.string().length(10).unique(),
    ogrn: p.string().length(13),
    kpp: p.string().length(9),
    legalAddress: p.string().length(500),
    postalAddress: p.string().length(500),
    email: p.string().length(320),
    phone: p.string().length(12),
    /** Confirmed once an approved card application proves the head's authority. */
    status: p.enum(['pending_confirmation', 'confirmed']).default('pending_confirmation'),
    /** Minutes of inactivity after which a member's session ends; set by an administrator. */
    idleTimeoutMinutes: p.integer().default(15),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type Organisation = InferEntity<typeof Organisation>;
