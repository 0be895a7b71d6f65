import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { memberRoles } from './member.ts';

/** An invitation by email to join an organisation with a role; accepted through a link. */
export const Invitation = defineEntity({
  name: 'Invitation',
  tableName: 'invitation',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    email: p.string().length(320),
    role: p.enum([...memberRoles]),
    tokenHash: p.string().length(64).unique().hidden(),
    invitedByUserId: p.uuid(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedByUserId: p.uuid().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type Invitation = InferEntity<typeof Invitation>;
