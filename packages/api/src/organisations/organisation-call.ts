import type { EntityManager, JournalEntry, Member, Organisation, User } from '@orgcard/db';
import type { JournalInput } from '../journal/write-journal.ts';

/** A journal entry of an organisation-scoped action: who and on whose behalf are filled in. */
export type ScopedJournalEntry = Omit<
  JournalInput,
  'organisationId' | 'actor' | 'onBehalfOf' | 'request'
>;

/**
 * What a domain service of an organisation needs to know of its caller. The context of an
 * organisation procedure has exactly this shape, so routers pass `ctx` as it is; the journal
 * writes "B on behalf of A" when the member acts under a power of attorney.
 */
export interface OrganisationCall {
  em: EntityManager;
  organisation: Organisation;
  member: Member;
  user: User;
  journal: (em: EntityManager, entry: ScopedJournalEntry) => Promise<JournalEntry>;
}
