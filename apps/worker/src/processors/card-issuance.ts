import { UnrecoverableError, type Job } from 'bullmq';
import type { Orm } from '@orgcard/db';
import { AppError, issueCard, type IssuanceDeps, type IssuanceOutcome } from '@orgcard/api';
import { cardIssuanceJobSchema } from '@orgcard/api/jobs';

/** `card-issuance`: issues the card of an approved application, once however often it runs. */
export function createCardIssuanceProcessor(orm: Orm, deps: IssuanceDeps) {
  return async (job: Job): Promise<IssuanceOutcome> => {
    const parsed = cardIssuanceJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('payload does not match the contract');

    try {
      return await issueCard(orm.em.fork(), deps, parsed.data.applicationId);
    } catch (error) {
      // An application without a holder or a tariff stays so: retrying cannot help.
      if (error instanceof AppError && error.code === 'invalid_state') {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  };
}
