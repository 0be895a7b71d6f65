import { z } from 'zod';
import { updateOrganisationSettings } from '../../organisations/update-settings.ts';
import { idleTimeoutMinutesSchema } from '../../organisations/validators.ts';
import { organisationProcedure } from '../../trpc/init.ts';

/** Changes the organisation's settings (the members' idle timeout, 5 to 120 minutes). */
export const updateSettings = organisationProcedure('organisation.manage')
  .input(z.object({ idleTimeoutMinutes: idleTimeoutMinutesSchema }))
  .output(z.object({ idleTimeoutMinutes: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const organisation = await updateOrganisationSettings(ctx, input);

    return { idleTimeoutMinutes: organisation.idleTimeoutMinutes };
  });
