import { LockMode } from '@mikro-orm/core';
import { open, type Keyring } from '@orgcard/crypto';
import {
  ApplicationDocument,
  CardApplication,
  DocumentCheck,
  Member,
  Organisation,
  type EntityManager,
} from '@orgcard/db';
import { applicationNumber, applicationTarget } from '../applications/application-basics.ts';
import { requiredDocumentKinds } from '../applications/required-documents.ts';
import { documentSealContext } from '../applications/upload-document.ts';
import type { DocumentChecksJob } from '../jobs/application-jobs.ts';
import { writeJournal } from '../journal/write-journal.ts';
import {
  checkApplication,
  checkDocument,
  kindInSentence,
  type CheckResult,
} from './document-checks.ts';
import { applicationPageUrl, notifyUser } from './notify-user.ts';
import { reviewDueAt } from './service-level.ts';

/** What the checks need from the running process. */
export interface DocumentChecksDeps {
  secrets: { keyring: Keyring };
  config: { appUrl: string };
}

export type DocumentChecksOutcome =
  { outcome: 'skipped' } | { outcome: 'needs_correction' | 'in_review'; failed: number };

/** Statuses in which a run may (still) be carried out; anything else means the job is stale. */
const runnableStatuses = new Set(['submitted', 'checking']);

const moscowDateTime = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Moscow',
});

/** Locks the application and tells whether this job's run is still the one to perform. */
async function lockCurrentRun(em: EntityManager, job: DocumentChecksJob) {
  const application = await em.findOne(
    CardApplication,
    { id: job.applicationId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  const current =
    application !== null &&
    application.checkRun === job.run &&
    runnableStatuses.has(application.status);

  return current ? application : null;
}

/** Marks the run as started, so the applicant sees "checking" while the files are read. */
async function startRun(
  em: EntityManager,
  job: DocumentChecksJob,
): Promise<CardApplication | null> {
  return em.transactional(async (tx) => {
    const application = await lockCurrentRun(tx, job);
    if (application?.status === 'submitted') application.status = 'checking';

    return application;
  });
}

async function loadContent(em: EntityManager, keyring: Keyring, document: ApplicationDocument) {
  const [row] = await em
    .getConnection()
    .execute<{ content_sealed: Buffer }[]>(
      'select content_sealed from application_document where id = ?',
      [document.id],
    );
  if (!row) return Buffer.alloc(0);

  return open(keyring, row.content_sealed, documentSealContext(document.id));
}

/** Runs every check; reads and decrypts one document at a time, outside any transaction. */
async function evaluate(
  em: EntityManager,
  deps: DocumentChecksDeps,
  application: CardApplication,
  now: Date,
): Promise<{
  organisation: Organisation;
  documents: ApplicationDocument[];
  results: CheckResult[];
}> {
  const organisation = await em.findOneOrFail(Organisation, { id: application.organisationId });
  const documents = await em.find(
    ApplicationDocument,
    { applicationId: application.id, organisationId: organisation.id },
    { orderBy: { uploadedAt: 'asc' } },
  );
  const applicant = await em.findOne(Member, {
    organisationId: organisation.id,
    userId: application.applicantUserId,
    status: 'active',
  });

  const results: CheckResult[] = [];
  for (const document of documents) {
    const content = await loadContent(em, deps.secrets.keyring, document);
    results.push(...(await checkDocument({ ...document, content }, organisation, now)));
  }
  const required = requiredDocumentKinds(application.cardType, applicant?.role === 'head');
  const present = new Set(documents.map((document) => document.kind));
  results.push(...checkApplication(organisation, required, present));

  return { organisation, documents, results };
}

/** The failures as the applicant reads them, one per line, each naming its document. */
function remarksOf(results: CheckResult[], documents: ApplicationDocument[]): string {
  const byId = new Map(documents.map((document) => [document.id, document]));

  return results
    .filter((result) => !result.passed)
    .map((result) => {
      const document = result.documentId ? byId.get(result.documentId) : undefined;
      const subject = document ? `${kindInSentence(document.kind)} «${document.fileName}»: ` : '';

      return `— ${subject}${result.reason}`;
    })
    .join('\n');
}

/**
 * The `document-checks` job: checks every document of one submission of an application and
 * moves it to "needs correction" (with the list of failures) or "in review". The results, the
 * new status, the journal entry and the applicant's notifications are written in one
 * transaction under a row lock; a stale job (the applicant resubmitted, or the run already
 * finished) changes nothing, so a job run twice has the effect of running once.
 */
export async function runDocumentChecks(
  em: EntityManager,
  deps: DocumentChecksDeps,
  job: DocumentChecksJob,
  now: Date = new Date(),
): Promise<DocumentChecksOutcome> {
  const started = await startRun(em.fork(), job);
  if (!started) return { outcome: 'skipped' };

  const { organisation, documents, results } = await evaluate(em.fork(), deps, started, now);
  const failed = results.filter((result) => !result.passed).length;

  return em.fork().transactional(async (tx) => {
    const application = await lockCurrentRun(tx, job);
    if (application?.status !== 'checking') return { outcome: 'skipped' } as const;

    for (const result of results) {
      tx.create(DocumentCheck, {
        ...result,
        organisationId: organisation.id,
        applicationId: application.id,
        run: job.run,
      });
    }
    const outcome = failed > 0 ? 'needs_correction' : 'in_review';
    application.status = outcome;
    application.correctionRemarks = failed > 0 ? remarksOf(results, documents) : null;
    if (outcome === 'in_review') application.reviewStartedAt = now;
    await writeJournal(tx, {
      organisationId: organisation.id,
      actor: { kind: 'system' },
      action: failed > 0 ? 'application.checks_failed' : 'application.checks_passed',
      target: applicationTarget(application.id),
      outcome: failed > 0 ? 'failure' : 'success',
      details: { run: job.run, checks: results.length, failed },
    });
    await notifyUser(
      tx,
      application.applicantUserId,
      outcome === 'in_review' ? 'application-in-review' : 'application-needs-correction',
      {
        applicationNumber: applicationNumber(application.id),
        organisation: organisation.shortName,
        remarks: application.correctionRemarks ?? '',
        dueAt: moscowDateTime.format(reviewDueAt(application.cardType, now)),
        link: applicationPageUrl(deps.config.appUrl, organisation.id, application.id),
      },
    );

    return { outcome, failed };
  });
}
