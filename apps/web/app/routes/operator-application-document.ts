import type { Route } from './+types/operator-application-document';
import { throwIfOperatorRefused } from '../lib/review.ts';

/** `filename*` of RFC 6266 (UTF-8, RFC 8187), with a plain ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A document of an application, decrypted and sent for the operator's browser to show inline.
 * The procedure journals each opening as a view of sensitive data.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  try {
    const document = await context.api.review.document({
      applicationId: params.applicationId,
      documentId: params.documentId,
    });

    return new Response(new Uint8Array(document.content), {
      headers: {
        'Content-Type': document.mediaType,
        'Content-Disposition': contentDisposition(document.fileName),
        'Content-Length': String(document.content.byteLength),
        // Personal data: never kept by a shared cache or the browser's history cache.
        'Cache-Control': 'no-store, private',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    throwIfOperatorRefused(error, request);
    throw error;
  }
}
