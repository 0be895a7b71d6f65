import type { Request, RequestHandler, Response } from 'express';
import { publishedJwks, statusListCredential, type AppServices } from '@orgcard/api';

// Public endpoints for verifiers of card credentials: anyone may fetch them, from any origin,
// since they hold public keys and status bits only.

function publicHeaders(response: Response, mediaType: string): void {
  response.setHeader('Content-Type', mediaType);
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Cache-Control', 'public, max-age=300');
}

/** `GET /.well-known/jwks.json`: the credential signing keys (RFC 7517, media type of 8.5). */
export function jwksHandler(services: AppServices): RequestHandler {
  return async (_request: Request, response: Response) => {
    const jwks = await publishedJwks(services.orm.em.fork());
    publicHeaders(response, 'application/jwk-set+json');
    response.send(JSON.stringify(jwks));
  };
}

/**
 * `GET /credentials/status/:list`: the signed Bitstring Status List credential (W3C Bitstring
 * Status List v1.0) as a compact JWS, media type `application/vc+jwt` (VC-JOSE-COSE).
 */
export function statusListHandler(services: AppServices): RequestHandler {
  return async (request: Request, response: Response) => {
    const list = String(request.params.list);
    if (!/^[1-9]\d{0,5}$/.test(list)) {
      response.status(404).json({ error: 'Список статусов не найден.' });

      return;
    }
    const jws = await statusListCredential(services.orm.em.fork(), services, Number(list));
    publicHeaders(response, 'application/vc+jwt');
    response.send(jws);
  };
}
