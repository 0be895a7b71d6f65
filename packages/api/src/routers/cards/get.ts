import { z } from 'zod';
import { getCard } from '../../issuance/card-views.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { cardDetailSchema } from './schemas.ts';

/** One card of the organisation, number masked, with its signing certificate's state. */
export const get = organisationProcedure('cards.view')
  .input(z.object({ cardId: z.uuid({ error: 'Карта: неверный идентификатор' }) }))
  .output(cardDetailSchema)
  .query(({ ctx, input }) => getCard(ctx.em, ctx.organisation.id, input.cardId));
