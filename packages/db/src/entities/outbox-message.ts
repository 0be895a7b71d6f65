import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A job waiting to reach its queue. It is written in the same transaction as the change that
 * caused it, so a job is never lost when Redis is away and never sent for a rolled-back change.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    queue: p.string().length(64),
    jobName: p.string().length(64),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(['pending', 'sent']).default('pending').index(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  }),
});

export type OutboxMessage = InferEntity<typeof OutboxMessage>;
