import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A code sent by SMS or email to prove possession of a phone or mailbox. Stored as a keyed
 * hash; it expires, allows a few tries and is used once.
 */
export const OneTimeCode = defineEntity({
  name: 'OneTimeCode',
  tableName: 'one_time_code',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    purpose: p.enum([
      'sign_in',
      'confirm_phone',
      'confirm_email',
      'sign_power_of_attorney',
      'confirm_action',
    ]),
    /** What the code is for: a user id, an operator id, a power of attorney id... */
    subjectId: p.uuid().index(),
    channel: p.enum(['sms', 'email']),
    destination: p.string().length(320),
    codeHash: p.string().length(64).hidden(),
    attempts: p.integer().default(0),
    sentAt: p.datetime(),
    expiresAt: p.datetime(),
    consumedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type OneTimeCode = InferEntity<typeof OneTimeCode>;
