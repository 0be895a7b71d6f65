import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { DevMessage, type EntityManager } from '@orgcard/db';

export interface SmtpCatcher {
  port: number;
  close(): Promise<void>;
}

/**
 * Development SMTP server: accepts every message without authentication and keeps it in the
 * database for `/dev/outbox`. It listens on the loopback interface only.
 */
export async function startSmtpCatcher(em: EntityManager, port: number): Promise<SmtpCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const fork = em.fork();
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ');
          fork.create(DevMessage, {
            channel: 'email',
            recipient: recipients,
            subject: mail.subject ?? null,
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : null,
          });
          await fork.flush();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
