import { z } from 'zod';
import { listMyOrganisations } from '../../organisations/describe-organisation.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';
import { organisationSummaryOutput } from './outputs.ts';

/** The organisations the caller is an active member of, with their role. */
export const mine = authenticatedProcedure
  .output(z.array(organisationSummaryOutput))
  .query(({ ctx }) => listMyOrganisations(ctx.em, ctx.user.id));
