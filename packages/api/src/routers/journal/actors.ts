import { z } from 'zod';
import { listJournalActors } from '../../journal/list-journal.ts';
import { organisationProcedure } from '../../trpc/init.ts';

/** The people who appear in the organisation's journal: the choices of the "person" filter. */
export const actors = organisationProcedure('journal.view')
  .output(
    z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['user', 'operator']) })),
  )
  .query(({ ctx }) => listJournalActors(ctx.em, ctx.organisation.id));
