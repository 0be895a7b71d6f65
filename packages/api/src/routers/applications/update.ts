import { z } from 'zod';
import { updateApplication } from '../../applications/update-application.ts';
import { applicationSummary } from '../../applications/view-application.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { actorOf, applicationIdShape, applicationSummarySchema } from './schemas.ts';

/** An empty text clears the field: the draft is saved as it stands at every step. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const updateApplicationInput = z.object({
  ...applicationIdShape,
  purpose: optionalText(500, 'Цель получения карты: не длиннее 500 символов'),
  holderMemberId: z
    .union([z.uuid({ error: 'Держатель карты: выберите участника из списка' }), z.literal('')])
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  department: optionalText(200, 'Подразделение или проект: не длиннее 200 символов'),
  tariffCode: optionalText(50, 'Тариф: неизвестный тариф'),
  step: z.enum(['form', 'documents', 'fee', 'submit']).optional(),
});

/**
 * Saves the form at any step: purpose, holder (an active member), department or project,
 * tariff (of the organisation's card type) and the wizard step reached.
 */
export const update = organisationProcedure('applications.manage')
  .input(updateApplicationInput)
  .output(applicationSummarySchema)
  .mutation(async ({ ctx, input }) => {
    const { applicationId, ...changes } = input;
    const application = await updateApplication(
      ctx.em,
      ctx.organisation.id,
      applicationId,
      changes,
      actorOf(ctx),
    );

    return applicationSummary(application);
  });
