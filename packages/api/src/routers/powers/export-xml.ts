import { z } from 'zod';
import { exportPowerOfAttorneyXml } from '../../powers/export-power-xml.ts';
import { organisationProcedure } from '../../trpc/init.ts';
import { powerIdInput } from './inputs.ts';

/**
 * The signed power of attorney as an XML document with its file name. A mutation, not a query:
 * each reading is written to the journal, and a GET must not change anything.
 */
export const exportXml = organisationProcedure('members.view')
  .input(z.object({ powerId: powerIdInput }))
  .output(z.object({ fileName: z.string(), xml: z.string() }))
  .mutation(({ ctx, input }) => exportPowerOfAttorneyXml(ctx, input.powerId));
