import { memberRoles } from '@orgcard/db';
import { z } from 'zod';
import { permissions } from '../../auth/permissions.ts';
import { organisationTypes } from '../../organisations/validators.ts';

/** An organisation as listed for one of its members. */
export const organisationSummaryOutput = z.object({
  id: z.uuid(),
  type: z.enum(organisationTypes),
  fullName: z.string(),
  shortName: z.string(),
  inn: z.string(),
  ogrn: z.string(),
  kpp: z.string(),
  status: z.enum(['pending_confirmation', 'confirmed']),
  role: z.enum(memberRoles),
});

export const organisationDashboardOutput = organisationSummaryOutput.extend({
  legalAddress: z.string(),
  postalAddress: z.string(),
  email: z.string(),
  phone: z.string(),
  idleTimeoutMinutes: z.number().int(),
  createdAt: z.date(),
  permissions: z.array(z.enum(permissions)),
  activeMembers: z.number().int(),
});
