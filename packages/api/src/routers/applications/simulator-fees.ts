import { z } from 'zod';
import { listUnpaidFees } from '../../applications/bank-simulator.ts';
import { developmentProcedure } from '../../trpc/init.ts';

/** The unpaid fees the development bank simulator may pay. */
export const simulatorFees = developmentProcedure
  .output(
    z.array(
      z.object({
        feeId: z.string(),
        applicationId: z.string(),
        applicationNumber: z.string(),
        organisationName: z.string(),
        amountKopecks: z.bigint(),
        uin: z.string(),
        createdAt: z.date(),
      }),
    ),
  )
  .query(({ ctx }) => listUnpaidFees(ctx.em));
