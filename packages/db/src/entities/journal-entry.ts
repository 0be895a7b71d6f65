import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * One line of the journal: who, on whose behalf, what, to what, when, from where, with what
 * outcome. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained per organisation;
 * entries of no organisation (a failed sign-in with an unknown address) form the platform chain.
 */
export const JournalEntry = defineEntity({
  name: 'JournalEntry',
  tableName: 'journal_entry',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    organisationId: p.uuid().nullable(),
    /** Position in the organisation's chain, from 1. */
    seq: p.integer(),
    occurredAt: p.datetime(),
    actorKind: p.enum(['user', 'operator', 'system', 'anonymous']),
    actorId: p.uuid().nullable(),
    actorName: p.string().length(200).nullable(),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOfName: p.string().length(200).nullable(),
    action: p.string().length(100),
    targetType: p.string().length(50).nullable(),
    targetId: p.string().length(100).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(500).nullable(),
    outcome: p.enum(['success', 'failure', 'denied']),
    details: p.json<Record<string, string | number | boolean | null>>(),
    prevHash: p.string().length(64).nullable(),
    hash: p.string().length(64),
  }),
  indexes: [{ properties: ['organisationId', 'occurredAt'] }],
  uniques: [{ properties: ['organisationId', 'seq'] }],
});

export type JournalEntry = InferEntity<typeof JournalEntry>;
