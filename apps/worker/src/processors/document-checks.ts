import { UnrecoverableError, type Job } from 'bullmq';
import type { Orm } from '@orgcard/db';
import {
  runDocumentChecks,
  type DocumentChecksDeps,
  type DocumentChecksOutcome,
} from '@orgcard/api';
import { documentChecksJobSchema } from '@orgcard/api/jobs';

/** `document-checks`: checks one submission of an application; a stale or repeated job is skipped. */
export function createDocumentChecksProcessor(orm: Orm, deps: DocumentChecksDeps) {
  return async (job: Job): Promise<DocumentChecksOutcome> => {
    const parsed = documentChecksJobSchema.safeParse(job.data);
    // A payload that does not match the contract will never succeed: do not retry it.
    if (!parsed.success) throw new UnrecoverableError('payload does not match the contract');

    return runDocumentChecks(orm.em.fork(), deps, parsed.data);
  };
}
