import { verifyChain } from '@orgcard/crypto';
import { JournalEntry, type EntityManager } from '@orgcard/db';
import { hashedContent } from './write-journal.ts';

export type JournalVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** The first entry whose link does not hold. */
      brokenEntry: { id: string; seq: number };
      reason: 'changed' | 'removed_or_reordered' | 'unreadable';
    };

const reasons = {
  hash_mismatch: 'changed',
  prev_mismatch: 'removed_or_reordered',
  bad_entry: 'unreadable',
} as const;

/** Recomputes the organisation's whole chain and names the first broken entry. */
export async function verifyJournal(
  em: EntityManager,
  organisationId: string | null,
): Promise<JournalVerification> {
  const rows = await em.find(JournalEntry, { organisationId }, { orderBy: { seq: 'asc' } });
  const result = verifyChain(
    rows.map((row) => ({
      hash: row.hash,
      prevHash: row.prevHash ?? null,
      data: hashedContent(row),
    })),
  );
  if (result.ok) return { ok: true, entries: rows.length };
  const broken = rows[result.brokenAt];
  const gap = rows.findIndex((row, index) => row.seq !== index + 1);
  const first = gap >= 0 && gap <= result.brokenAt ? rows[gap] : broken;

  return {
    ok: false,
    entries: rows.length,
    brokenEntry: { id: first?.id ?? '', seq: first?.seq ?? 0 },
    reason: gap >= 0 && gap <= result.brokenAt ? 'removed_or_reordered' : reasons[result.reason],
  };
}
