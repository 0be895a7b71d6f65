import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const memberRoles = ['head', 'administrator', 'accountant', 'employee', 'auditor'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** A person's membership in an organisation, with one role. */
export const Member = defineEntity({
  name: 'Member',
  tableName: 'member',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    userId: p.uuid().index(),
    role: p.enum([...memberRoles]),
    status: p.enum(['active', 'removed']).default('active'),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
  uniques: [{ properties: ['organisationId', 'userId'] }],
});

export type Member = InferEntity<typeof Member>;
