import { checkHealth } from '../../health.ts';
import { publicProcedure } from '../../trpc/init.ts';

/** Database, Redis and per-queue waiting / active / failed counts. */
export const health = publicProcedure.query(({ ctx }) => checkHealth(ctx.services));
