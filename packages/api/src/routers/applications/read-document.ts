import { z } from 'zod';
import { readDocument as openDocument } from '../../applications/documents.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape } from './schemas.ts';

/** A document decrypted for download; each reading is journaled. */
export const readDocument = organisationProcedure('applications.view')
  .input(
    z.object({
      ...applicationIdShape,
      documentId: z.uuid({ error: 'Документ: неверный идентификатор' }),
    }),
  )
  .output(
    z.object({
      fileName: z.string(),
      mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
      sha256: z.string(),
      content: z.custom<Buffer>((value) => value instanceof Uint8Array),
    }),
  )
  .query(({ ctx, input }) =>
    openDocument(
      ctx.em,
      ctx.services.secrets.keyring,
      {
        organisationId: ctx.organisation.id,
        applicationId: input.applicationId,
        documentId: input.documentId,
      },
      actorOf(ctx),
    ),
  );
