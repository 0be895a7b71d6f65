import { z } from 'zod';
import { operatorProcedure } from '../../trpc/init.ts';

/** The signed-in operator, for the operator console. */
export const me = operatorProcedure
  .output(z.object({ id: z.string(), fullName: z.string() }))
  .query(({ ctx }) => ({ id: ctx.operator.id, fullName: ctx.operator.fullName }));
