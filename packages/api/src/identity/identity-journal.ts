import { Member, type EntityManager } from '@orgcard/db';
import { writeJournal, type JournalActor, type JournalInput } from '../journal/write-journal.ts';
import type { RequestInfo } from '../trpc/context.ts';

export interface IdentityEvent {
  action: string;
  outcome?: JournalInput['outcome'];
  details?: JournalInput['details'];
  target?: JournalInput['target'];
}

/**
 * Journals something a person did to their own account (a sign-in, a password change): into
 * the chain of every organisation they are an active member of, so each organisation sees
 * it, or into the platform chain when they belong to none. Operators and strangers always go
 * to the platform chain.
 */
export async function journalIdentityEvent(
  em: EntityManager,
  actor: JournalActor,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  event: IdentityEvent,
): Promise<void> {
  const memberships =
    actor.kind === 'user'
      ? await em.find(
          Member,
          { userId: actor.id, status: 'active' },
          { orderBy: { organisationId: 'asc' } },
        )
      : [];
  // Chains are locked in one order (by id) in every transaction, so two cannot deadlock.
  const organisationIds = memberships.map((member) => member.organisationId);
  const chains = organisationIds.length > 0 ? organisationIds : [null];
  const write = async (tx: EntityManager) => {
    for (const organisationId of chains) {
      await writeJournal(tx, { ...event, organisationId, actor, request });
    }
  };

  // Several chains are written together or not at all.
  if (em.isInTransaction()) await write(em);
  else await em.transactional(write);
}
