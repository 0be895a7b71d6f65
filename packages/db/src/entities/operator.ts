import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Staff of the platform who review applications. Created by a command, never by sign-up. */
export const Operator = defineEntity({
  name: 'Operator',
  tableName: 'operator',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    fullName: p.string().length(200),
    email: p.string().length(320).unique(),
    phone: p.string().length(12),
    passwordHash: p.string().length(200).hidden(),
    lockedUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type Operator = InferEntity<typeof Operator>;
