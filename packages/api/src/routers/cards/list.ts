import { z } from 'zod';
import { listCards } from '../../issuance/card-views.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { cardSummarySchema } from './schemas.ts';

/** The organisation's cards, numbers masked. */
export const list = organisationProcedure('cards.view')
  .output(z.array(cardSummarySchema))
  .query(({ ctx }) => listCards(ctx.em, ctx.organisation.id));
