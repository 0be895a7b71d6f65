import { DevMessage, type EntityManager } from '@orgcard/db';

/** Sends one SMS. Production providers implement this over their HTTP API. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/** Development provider: keeps every SMS in the database, shown at `/dev/outbox`. */
export class DevSmsProvider implements SmsProvider {
  constructor(private readonly em: EntityManager) {}

  async send(to: string, text: string): Promise<void> {
    const em = this.em.fork();
    em.create(DevMessage, { channel: 'sms', recipient: to, subject: null, text, html: null });
    await em.flush();
  }
}
