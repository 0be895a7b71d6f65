import { z } from 'zod';
import { openDocumentForReview } from '../../review/application-for-review.ts';
import { operatorProcedure } from '../../trpc/init.ts';
import { openedDocumentSchema, reviewApplicationIdShape } from './schemas.ts';

/** A document decrypted for the operator's browser; each opening is journaled. */
export const document = operatorProcedure
  .input(
    z.object({
      ...reviewApplicationIdShape,
      documentId: z.uuid({ error: 'Документ: неверный идентификатор' }),
    }),
  )
  .output(openedDocumentSchema)
  .query(({ ctx, input }) =>
    openDocumentForReview(ctx.em, ctx.services.secrets.keyring, ctx.operator, input, ctx.request),
  );
