import { LockMode } from '@mikro-orm/core';
import { CardApplication, type ApplicationStatus, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import type { JournalInput } from '../journal/write-journal.ts';

/** Statuses in which the applicant may still change the form and the documents. */
export const editableStatuses: readonly ApplicationStatus[] = [
  'draft',
  'awaiting_fee',
  'needs_correction',
];

/** Writes a journal entry as the acting member; `ctx.journal` of a procedure is one. */
export type ApplicationJournal = (
  em: EntityManager,
  entry: Pick<JournalInput, 'action' | 'target' | 'details'>,
) => Promise<unknown>;

/** Who acts on an application: the signed-in user, and how their actions are journaled. */
export interface ApplicationActor {
  userId: string;
  journal: ApplicationJournal;
}

/**
 * The short number people quote for an application: the first eight characters of its id,
 * upper-cased. The id stays the reference; the number is for payment purposes and letters.
 */
export function applicationNumber(applicationId: string): string {
  return applicationId.slice(0, 8).toUpperCase();
}

/** The journal target naming an application. */
export function applicationTarget(applicationId: string) {
  return { type: 'card_application', id: applicationId };
}

/**
 * Finds an application of this organisation. An application of another organisation is "not
 * found", exactly like one that does not exist. `lock` takes a row lock for the transaction,
 * so that concurrent uploads see each other's totals.
 */
export async function findApplication(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
  options: { lock?: boolean } = {},
): Promise<CardApplication> {
  const application = await em.findOne(
    CardApplication,
    { id: applicationId, organisationId },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!application) throw new AppError('not_found', 'Заявление не найдено.');

  return application;
}

/** Refuses a change to an application that has been sent and is not back for correction. */
export function requireEditable(application: CardApplication): void {
  if (editableStatuses.includes(application.status)) return;

  throw new AppError(
    'invalid_state',
    'Заявление отправлено: изменить его можно, только если оператор вернёт его на исправление.',
  );
}
