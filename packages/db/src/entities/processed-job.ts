import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Marks a job whose effect has happened, keyed by queue and job id. Processors check it so that
 * a job run twice (a retry after a crash, a duplicate delivery) has the effect of running once.
 */
export const ProcessedJob = defineEntity({
  name: 'ProcessedJob',
  tableName: 'processed_job',
  properties: (p) => ({
    key: p.string().length(200).primary(),
    processedAt: p.datetime().onCreate(() => new Date()),
  }),
});

export type ProcessedJob = InferEntity<typeof ProcessedJob>;
