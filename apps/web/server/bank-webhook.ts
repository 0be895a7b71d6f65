import express, { type Request, type Response } from 'express';
import { receiveBankConfirmation, type AppServices } from '@orgcard/api';
import { readCappedBody } from './read-capped-body.ts';

/** A payment confirmation is a few hundred bytes; anything much larger is not one. */
const MAX_WEBHOOK_BYTES = 16 * 1024;

/**
 * `POST /webhooks/bank`: the bank's payment confirmation. Server to server, so it is exempt
 * from the same-origin check and authenticated by its HMAC signature instead. The raw body
 * is kept byte for byte, since the signature covers exactly those bytes.
 */
async function receive(request: Request, response: Response, services: AppServices) {
  const rawBody = await readCappedBody(request, MAX_WEBHOOK_BYTES);
  if (!rawBody) {
    response
      .set('Connection', 'close')
      .status(413)
      .json({ status: 'refused', message: 'Слишком большой запрос.' });

    return;
  }
  const deliveryId = request.get('x-bank-delivery-id');
  const answer = await receiveBankConfirmation(services.orm.em.fork(), services.bankWebhookSecret, {
    deliveryId,
    timestamp: request.get('x-bank-timestamp'),
    signature: request.get('x-bank-signature'),
    rawBody,
  });
  services.logger.info(
    {
      route: 'webhooks/bank',
      deliveryId,
      httpStatus: answer.httpStatus,
      outcome: answer.body.status,
    },
    'bank webhook',
  );
  response.status(answer.httpStatus).json(answer.body);
}

/** The bank's webhook route. */
export function bankWebhookRoutes(services: AppServices): express.Router {
  const routes = express.Router();
  routes.post('/webhooks/bank', (request, response) => receive(request, response, services));

  return routes;
}
