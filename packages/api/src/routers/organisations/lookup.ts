import { z } from 'zod';
import { innSchema, organisationTypes } from '../../organisations/validators.ts';
import { authenticatedProcedure } from '../../trpc/init.ts';

/** What the company registry knows of an INN, to pre-fill the registration form. */
export const lookup = authenticatedProcedure
  .input(z.object({ inn: innSchema }))
  .output(
    z
      .object({
        inn: z.string(),
        known: z.boolean(),
        type: z.enum(organisationTypes).optional(),
        ogrn: z.string().optional(),
        kpp: z.string().optional(),
        fullName: z.string().optional(),
        shortName: z.string().optional(),
        legalAddress: z.string().optional(),
      })
      .nullable(),
  )
  .query(({ ctx, input }) => ctx.services.companyRegistry.findByInn(input.inn));
