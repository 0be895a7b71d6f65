import { z } from 'zod';
import { verifyJournal } from '../../journal/verify-journal.ts';
import { organisationProcedure } from '../../trpc/init.ts';

const verificationOutput = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    brokenEntry: z.object({ id: z.string(), seq: z.number().int() }),
    reason: z.enum(['changed', 'removed_or_reordered', 'unreadable']),
  }),
]);

/**
 * Recomputes the organisation's hash chain and names the first broken entry. The check itself
 * is journalled, with its verdict, after the entries it covered.
 */
export const verify = organisationProcedure('journal.view')
  .output(verificationOutput)
  .mutation(({ ctx }) =>
    ctx.em.transactional(async (em) => {
      const verdict = await verifyJournal(em, ctx.organisation.id);
      await ctx.journal(em, {
        action: 'journal.verified',
        outcome: verdict.ok ? 'success' : 'failure',
        details: verdict.ok
          ? { entries: verdict.entries }
          : {
              entries: verdict.entries,
              brokenSeq: verdict.brokenEntry.seq,
              reason: verdict.reason,
            },
      });

      return verdict;
    }),
  );
