import express, { type Request, type Response } from 'express';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPCError } from '@trpc/server';
import type { DocumentKind } from '@orgcard/db';
import { createCaller, MAX_DOCUMENT_BYTES, type Context } from '@orgcard/api';
import { toFormErrors } from '@orgcard/api/forms';
import { readCappedBody } from './read-capped-body.ts';

type ContextOf = (request: Request, response: Response) => Context;

const TOO_LARGE = 'Файл: больше 10 МБ.';

function queryText(request: Request, name: string): string | undefined {
  const value = request.query[name];

  return typeof value === 'string' ? value : undefined;
}

/** Answers a refused procedure call with its HTTP status and the form's Russian messages. */
function refuse(response: Response, error: unknown): void {
  const form = toFormErrors(error);
  if (!form) throw error;
  const status = getHTTPStatusCodeFromError(error as TRPCError);
  const message = form.formError ?? Object.values(form.fieldErrors).flat().join(' ');
  response.status(status).json({ error: message, fieldErrors: form.fieldErrors });
}

/**
 * `POST /api/applications/:applicationId/documents?organisationId&kind&fileName[&issuedOn]`
 * with the raw file as the body. The body is read with a hard cap of 10 MB, then handed to
 * the `applications.uploadDocument` procedure in-process: the same authorisation, checks
 * (format by content, totals) and journal as every procedure. A request without a session
 * is turned away before its body is read.
 */
async function upload(request: Request, response: Response, contextOf: ContextOf) {
  const context = contextOf(request, response);
  if (!context.request.sessionToken) {
    request.resume();
    response.status(401).json({ error: 'Войдите в систему.', fieldErrors: {} });

    return;
  }
  const content = await readCappedBody(request, MAX_DOCUMENT_BYTES);
  if (!content) {
    response
      .set('Connection', 'close')
      .status(413)
      .json({ error: TOO_LARGE, fieldErrors: { file: [TOO_LARGE] } });

    return;
  }

  try {
    const issuedOn = queryText(request, 'issuedOn');
    const document = await createCaller(context).applications.uploadDocument({
      organisationId: queryText(request, 'organisationId') ?? '',
      applicationId: String(request.params.applicationId),
      kind: queryText(request, 'kind') as DocumentKind,
      fileName: queryText(request, 'fileName') ?? '',
      ...(issuedOn ? { issuedOn } : {}),
      content,
    });
    response.status(201).json({ document });
  } catch (error) {
    refuse(response, error);
  }
}

/** RFC 6266 `Content-Disposition` with the UTF-8 name (RFC 8187) and an ASCII fallback. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');

  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** `GET /api/applications/:applicationId/documents/:documentId?organisationId=…`: decrypted. */
async function download(request: Request, response: Response, contextOf: ContextOf) {
  try {
    const document = await createCaller(contextOf(request, response)).applications.readDocument({
      organisationId: queryText(request, 'organisationId') ?? '',
      applicationId: String(request.params.applicationId),
      documentId: String(request.params.documentId),
    });
    response
      .status(200)
      .set({
        'Content-Type': document.mediaType,
        'Content-Disposition': attachment(document.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .send(Buffer.from(document.content));
  } catch (error) {
    refuse(response, error);
  }
}

/** The upload and download routes of application documents. */
export function applicationDocumentRoutes(contextOf: ContextOf): express.Router {
  const routes = express.Router();
  routes.post('/api/applications/:applicationId/documents', (request, response) =>
    upload(request, response, contextOf),
  );
  routes.get('/api/applications/:applicationId/documents/:documentId', (request, response) =>
    download(request, response, contextOf),
  );

  return routes;
}
