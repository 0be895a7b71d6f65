import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Every webhook delivery id seen, so a replayed delivery is recognised and ignored. */
export const WebhookReceipt = defineEntity({
  name: 'WebhookReceipt',
  tableName: 'webhook_receipt',
  properties: (p) => ({
    deliveryId: p.string().length(100).primary(),
    source: p.string().length(50),
    receivedAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type WebhookReceipt = InferEntity<typeof WebhookReceipt>;
