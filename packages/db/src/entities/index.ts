import { DevMessage } from './dev-message.ts';
import { OutboxMessage } from './outbox-message.ts';
import { ProcessedJob } from './processed-job.ts';

export { DevMessage, OutboxMessage, ProcessedJob };

/** Every entity of the application, in one list for the ORM configuration. */
export const entities = [OutboxMessage, DevMessage, ProcessedJob];
