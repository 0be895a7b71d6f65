import { z } from 'zod';
import { uploadDocument as storeDocument } from '../../applications/upload-document.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape, documentKindSchema, documentSchema } from './schemas.ts';

export const uploadDocumentInput = z.object({
  ...applicationIdShape,
  kind: documentKindSchema,
  fileName: z.string().trim().min(1, { error: 'Файл: нет имени файла' }).max(1000),
  issuedOn: z.iso.date({ error: 'Дата документа: укажите дату в формате ГГГГ-ММ-ДД' }).optional(),
  /** The file's bytes. Only an in-process caller can pass them: the upload route of the web app. */
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
    error: 'Файл: нет содержимого',
  }),
});

/**
 * Stores a document of an application. The web app's upload route streams the file with a
 * size cap and calls this in-process, so the upload is authorised, checked and journaled
 * exactly like every other procedure.
 */
export const uploadDocument = organisationProcedure('applications.manage')
  .input(uploadDocumentInput)
  .output(documentSchema)
  .mutation(async ({ ctx, input }) => {
    const document = await storeDocument(
      ctx.em,
      ctx.services.secrets.keyring,
      { ...input, organisationId: ctx.organisation.id, issuedOn: input.issuedOn ?? null },
      actorOf(ctx),
    );

    return {
      id: document.id,
      kind: document.kind,
      fileName: document.fileName,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      issuedOn: document.issuedOn ?? null,
      uploadedAt: document.uploadedAt,
    };
  });
