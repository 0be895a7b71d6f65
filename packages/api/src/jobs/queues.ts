/** Queue names shared by the API (which enqueues through the outbox) and the worker. */
export const QUEUES = {
  documentChecks: 'document-checks',
  cardIssuance: 'card-issuance',
  cardRenewals: 'card-renewals',
  accountingExports: 'accounting-exports',
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const queueNames = Object.values(QUEUES) as QueueName[];
