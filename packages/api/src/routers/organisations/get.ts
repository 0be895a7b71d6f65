import { describeOrganisation } from '../../organisations/describe-organisation.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { organisationDashboardOutput } from './outputs.ts';

/** The organisation's dashboard: its details, the caller's role and what they may do. */
export const get = organisationProcedure('organisation.view')
  .output(organisationDashboardOutput)
  .query(({ ctx }) => describeOrganisation(ctx));
