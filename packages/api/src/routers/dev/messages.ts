import { listDevMessages } from '../../dev/list-messages.ts';
import { developmentProcedure } from '../../trpc/init.ts';

/** The emails and SMS caught in development, newest first. */
export const messages = developmentProcedure.query(async ({ ctx }) => {
  const rows = await listDevMessages(ctx.em);

  return rows.map(({ id, channel, recipient, subject, text, html, createdAt }) => ({
    id,
    channel,
    recipient,
    subject,
    text,
    html,
    createdAt,
  }));
});
