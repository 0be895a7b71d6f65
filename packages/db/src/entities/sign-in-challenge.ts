import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * The step between a correct password and a session: the second factor is still owed. It
 * lives five minutes and allows five tries, after which the person starts again.
 */
export const SignInChallenge = defineEntity({
  name: 'SignInChallenge',
  tableName: 'sign_in_challenge',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    kind: p.enum(['user', 'operator']),
    userId: p.uuid().nullable().index(),
    operatorId: p.uuid().nullable().index(),
    method: p.enum(['sms', 'totp']),
    attempts: p.integer().default(0),
    expiresAt: p.datetime(),
    consumedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type SignInChallenge = InferEntity<typeof SignInChallenge>;
