import { z } from 'zod';
import { enqueueJob } from '../../outbox/enqueue.ts';
import { developmentProcedure } from '../../trpc/init.ts';

export const sendTestEmailInput = z.object({
  to: z.email({ error: 'Адрес почты: неверный формат' }),
  name: z.string().trim().min(1).max(100).optional(),
});

/** Asks for a test email; it travels through the outbox, the relay and the worker. */
export const sendTestEmail = developmentProcedure
  .input(sendTestEmailInput)
  .output(z.object({ outboxId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const message = enqueueJob(ctx.em, 'notifications', {
      channel: 'email',
      to: input.to,
      template: 'test-email',
      data: input.name ? { name: input.name } : {},
    });
    await ctx.em.flush();

    return { outboxId: message.id };
  });
