import type { FilterQuery } from '@mikro-orm/core';
import { JournalEntry, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';

/** What a reader of the journal narrows it by. Days are Moscow calendar days, `YYYY-MM-DD`. */
export interface JournalFilter {
  /** The first day included. */
  from?: string | undefined;
  /** The last day included. */
  to?: string | undefined;
  /** Entries made by this person (user or operator). */
  actorId?: string | undefined;
  /** An action code, or a prefix ending with a dot ('member.') for a whole family of actions. */
  action?: string | undefined;
}

/** One journal entry as a reader sees it. */
export interface ListedJournalEntry {
  id: string;
  seq: number;
  occurredAt: Date;
  actorKind: JournalEntry['actorKind'];
  actorName: string | null;
  onBehalfOfName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: JournalEntry['outcome'];
  details: JournalEntry['details'];
}

export interface JournalPage {
  entries: ListedJournalEntry[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a Moscow calendar day begins. Moscow has kept UTC+3 all year since 26 October 2014
 * (Federal Law No. 248-FZ), so a fixed offset is exact for every entry the journal can hold.
 */
export function moscowDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+03:00`);
}

/** Escapes LIKE wildcards: action codes contain `_`, which LIKE would read as "any character". */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The conditions of a journal query. The organisation always comes first and from the caller's
 * access, never from a filter, so no filter can reach another organisation's entries.
 */
export function journalConditions(
  organisationId: string,
  filter: JournalFilter,
): FilterQuery<JournalEntry> {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('invalid_input', 'Период: дата «по» раньше даты «с»', { field: 'to' });
  }
  const occurredAt = {
    ...(filter.from ? { $gte: moscowDayStart(filter.from) } : {}),
    ...(filter.to ? { $lt: new Date(moscowDayStart(filter.to).getTime() + DAY_MS) } : {}),
  };
  const action = filter.action?.endsWith('.')
    ? { $like: likePrefix(filter.action) }
    : filter.action;

  return {
    organisationId,
    ...(filter.from || filter.to ? { occurredAt } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(action ? { action } : {}),
  };
}

/** The reader's view of an entry: everything but the chain's own fields. */
export function toListedEntry(entry: JournalEntry): ListedJournalEntry {
  return {
    id: entry.id,
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    actorKind: entry.actorKind,
    actorName: entry.actorName ?? null,
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

/**
 * One page of an organisation's journal, newest first. The cursor is a chain position
 * (`seq`): positions only grow, so pages stay stable while new entries arrive.
 */
export async function listJournal(
  em: EntityManager,
  organisationId: string,
  filter: JournalFilter,
  page: { cursor?: number | undefined; limit: number },
): Promise<JournalPage> {
  const where = journalConditions(organisationId, filter);
  const rows = await em.find(
    JournalEntry,
    page.cursor ? { $and: [where, { seq: { $lt: page.cursor } }] } : where,
    { orderBy: { seq: 'desc' }, limit: page.limit + 1, disableIdentityMap: true },
  );
  const entries = rows.slice(0, page.limit);
  const last = entries.at(-1);

  return {
    entries: entries.map(toListedEntry),
    nextCursor: rows.length > page.limit && last ? last.seq : null,
  };
}

export interface JournalActor {
  id: string;
  name: string;
  kind: 'user' | 'operator';
}

/**
 * The people who appear in an organisation's journal, for the "person" filter. A person who
 * changed their name is listed once, under the name of their latest entry.
 */
export async function listJournalActors(
  em: EntityManager,
  organisationId: string,
): Promise<JournalActor[]> {
  const rows = await em.execute<
    { actor_id: string; actor_name: string | null; actor_kind: string }[]
  >(
    `select distinct on (actor_id) actor_id, actor_name, actor_kind
       from journal_entry
      where organisation_id = ? and actor_id is not null
      order by actor_id, seq desc`,
    [organisationId],
  );

  return rows
    .map((row) => ({
      id: row.actor_id,
      name: row.actor_name ?? row.actor_id,
      kind: row.actor_kind === 'operator' ? ('operator' as const) : ('user' as const),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}
