import { z } from 'zod';
import { listPowers } from '../../powers/list-powers.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { powerOutput } from './inputs.ts';

/** The organisation's powers of attorney, newest first, with where each stands today. */
export const list = organisationProcedure('members.view')
  .output(z.array(powerOutput))
  .query(({ ctx }) => listPowers(ctx.em, ctx.organisation.id));
