import { z } from 'zod';
import { listApplications, mayManageApplications } from '../../applications/view-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { applicationSummarySchema } from './schemas.ts';

/** The organisation's applications, newest first, and whether the caller may open a new one. */
export const list = organisationProcedure('applications.view')
  .output(z.object({ applications: z.array(applicationSummarySchema), canManage: z.boolean() }))
  .query(async ({ ctx }) => ({
    applications: await listApplications(ctx.em, ctx.organisation.id),
    canManage: await mayManageApplications(ctx.em, ctx.user.id, ctx.organisation.id),
  }));
