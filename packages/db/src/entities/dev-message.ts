import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * An email caught by the development SMTP catcher or an SMS kept by the development SMS
 * provider, shown at `/dev/outbox`. Never written in production.
 */
export const DevMessage = defineEntity({
  name: 'DevMessage',
  tableName: 'dev_message',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    channel: p.enum(['email', 'sms']),
    recipient: p.string().length(320),
    subject: p.string().length(500).nullable(),
    text: p.text(),
    html: p.text().nullable(),
    createdAt: p
      .datetime()
      .onCreate(() => new Date())
      .index(),
  }),
});

export type DevMessage = InferEntity<typeof DevMessage>;
