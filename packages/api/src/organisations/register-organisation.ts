import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Member, Organisation, type EntityManager, type User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import type { RequestInfo } from '../trpc/context.ts';
import type { OrganisationRegistration } from './validators.ts';

function innTaken(): AppError {
  return new AppError('conflict', 'ИНН: организация с таким ИНН уже зарегистрирована', {
    field: 'inn',
  });
}

/**
 * Registers an organisation with the person registering it as its head. The organisation stays
 * "pending confirmation" until an approved card application proves the head's authority.
 * The organisation, the membership and the journal entry are written in one transaction; one
 * INN registers once, and the unique index settles two registrations racing each other.
 */
export async function registerOrganisation(
  em: EntityManager,
  user: User,
  registration: OrganisationRegistration,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
): Promise<Organisation> {
  if (!user.phoneConfirmedAt) throw new AppError('invalid_state', 'Сначала подтвердите телефон.');
  // The common case answers before any write; the index below still decides a race.
  if ((await em.count(Organisation, { inn: registration.inn })) > 0) throw innTaken();

  try {
    return await em.transactional(async (tx) => {
      const organisation = tx.create(Organisation, {
        id: randomUUID(),
        ...registration,
        status: 'pending_confirmation',
        idleTimeoutMinutes: 15,
      });
      tx.create(Member, { organisationId: organisation.id, userId: user.id, role: 'head' });
      await writeJournal(tx, {
        organisationId: organisation.id,
        actor: { kind: 'user', id: user.id, name: user.fullName },
        action: 'organisation.registered',
        target: { type: 'organisation', id: organisation.id },
        details: {
          type: organisation.type,
          inn: organisation.inn,
          shortName: organisation.shortName,
        },
        request,
      });

      return organisation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw innTaken();
    throw error;
  }
}
