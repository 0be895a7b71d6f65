import { z } from 'zod';
import { listJournal } from '../../journal/list-journal.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { journalEntryOutput, journalFilterShape } from './filter-input.ts';

export const listInput = z.object({
  ...journalFilterShape,
  cursor: z.number({ error: 'Страница: неверная позиция' }).int().positive().optional(),
  limit: z.number().int().min(1).max(100, { error: 'Не больше 100 записей за раз' }).default(50),
});

/** The organisation's journal, newest first, filtered by period, person and action. */
export const list = organisationProcedure('journal.view')
  .input(listInput)
  .output(
    z.object({ entries: z.array(journalEntryOutput), nextCursor: z.number().int().nullable() }),
  )
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;

    return listJournal(ctx.em, ctx.organisation.id, filter, { cursor, limit });
  });
