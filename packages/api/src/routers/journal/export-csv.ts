import { z } from 'zod';
import { exportJournalCsv, moscowDate } from '../../journal/export-journal-csv.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { journalFilterShape } from './filter-input.ts';

/**
 * The filtered journal as a CSV file. Handing the journal out is a view of sensitive data, so
 * it is journalled as 'journal.exported' with the filters and the number of rows.
 */
export const exportCsv = organisationProcedure('journal.view')
  .input(z.object(journalFilterShape))
  .output(z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const { csv, rows } = await exportJournalCsv(ctx.em, ctx.organisation.id, input);
    await ctx.journal(ctx.em, {
      action: 'journal.exported',
      details: {
        rows,
        from: input.from ?? null,
        to: input.to ?? null,
        actorId: input.actorId ?? null,
        action: input.action ?? null,
      },
    });

    return { fileName: `journal-${ctx.organisation.inn}-${moscowDate(new Date())}.csv`, csv, rows };
  });
