import { chainHash } from '@orgcard/crypto';
import { JournalEntry, type EntityManager } from '@orgcard/db';
import type { RequestInfo } from '../trpc/context.ts';

export type JournalActor =
  | { kind: 'user'; id: string; name: string }
  | { kind: 'operator'; id: string; name: string }
  | { kind: 'system' }
  | { kind: 'anonymous' };

export interface JournalInput {
  /** Null for the platform chain (no organisation known, such as an unknown sign-in address). */
  organisationId: string | null;
  actor: JournalActor;
  /** The principal when the actor acts under a power of attorney: "B on behalf of A". */
  onBehalfOf?: { id: string; name: string } | null;
  action: string;
  target?: { type: string; id: string } | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, string | number | boolean | null>;
  request?: Pick<RequestInfo, 'ip' | 'userAgent'> | null;
}

type EntryFields = Omit<JournalEntry, 'id' | 'hash' | 'prevHash'>;

/** The fields a hash covers, in the one shape used to write and to verify. */
export function hashedContent(entry: EntryFields) {
  return {
    organisationId: entry.organisationId ?? null,
    seq: entry.seq,
    occurredAt: entry.occurredAt.toISOString(),
    actorKind: entry.actorKind,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    onBehalfOfId: entry.onBehalfOfId ?? null,
    onBehalfOfName: entry.onBehalfOfName ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    outcome: entry.outcome,
    details: entry.details,
  };
}

/** One advisory lock per chain, so concurrent writers append one after another. */
function chainLockKey(organisationId: string | null): string {
  return `journal:${organisationId ?? 'platform'}`;
}

async function appendLocked(em: EntityManager, input: JournalInput): Promise<JournalEntry> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
    chainLockKey(input.organisationId),
  ]);
  const last = await em.findOne(
    JournalEntry,
    { organisationId: input.organisationId },
    { orderBy: { seq: 'desc' }, fields: ['seq', 'hash'] },
  );
  const actor = input.actor;
  const fields: EntryFields = {
    organisationId: input.organisationId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorKind: actor.kind,
    actorId: 'id' in actor ? actor.id : null,
    actorName: 'name' in actor ? actor.name : null,
    onBehalfOfId: input.onBehalfOf?.id ?? null,
    onBehalfOfName: input.onBehalfOf?.name ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    ip: input.request?.ip ?? null,
    userAgent: input.request?.userAgent?.slice(0, 500) ?? null,
    outcome: input.outcome ?? 'success',
    details: input.details ?? {},
  };
  const prevHash = last?.hash ?? null;
  const hash = chainHash(prevHash, hashedContent(fields));

  return em.create(JournalEntry, { ...fields, prevHash, hash });
}

/**
 * Appends an entry to the organisation's chain inside the caller's transaction, so the entry
 * and the change it records commit or roll back together. Outside a transaction it opens one.
 */
export async function writeJournal(em: EntityManager, input: JournalInput): Promise<JournalEntry> {
  if (em.isInTransaction()) {
    const entry = await appendLocked(em, input);
    await em.flush();

    return entry;
  }

  return em.transactional((tx) => appendLocked(tx, input));
}
