import { z } from 'zod';
import { removeDocument as deleteDocument } from '../../applications/documents.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape } from './schemas.ts';

/** Removes a document while the application may still be changed. */
export const removeDocument = organisationProcedure('applications.manage')
  .input(
    z.object({
      ...applicationIdShape,
      documentId: z.uuid({ error: 'Документ: неверный идентификатор' }),
    }),
  )
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteDocument(
      ctx.em,
      {
        organisationId: ctx.organisation.id,
        applicationId: input.applicationId,
        documentId: input.documentId,
      },
      actorOf(ctx),
    );

    return { removed: true as const };
  });
