import { JournalEntry, type ApplicationStatus, type EntityManager } from '@orgcard/db';
import { applicationTarget, findApplication } from '../applications/application-basics.ts';
import { latestCheckResults, type CheckResultView } from './check-results.ts';

/** What the applicant's status page shows of the automatic checks. */
export interface ApplicationChecksView {
  status: ApplicationStatus;
  /** The current run: it may be newer than the results while the checks are still running. */
  checkRun: number;
  /** The run the results belong to; null before the first run finishes. */
  run: number | null;
  correctionRemarks: string | null;
  decisionReason: string | null;
  results: CheckResultView[];
}

/** The latest check results of an application of this organisation. */
export async function applicationChecks(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
): Promise<ApplicationChecksView> {
  const application = await findApplication(em, organisationId, applicationId);
  const latest = await latestCheckResults(em, organisationId, applicationId);

  return {
    status: application.status,
    checkRun: application.checkRun,
    run: latest.run,
    correctionRemarks: application.correctionRemarks ?? null,
    decisionReason: application.decisionReason ?? null,
    results: latest.results,
  };
}

/** One event in an application's history, as the applicant sees it. */
export interface ApplicationEvent {
  id: string;
  occurredAt: Date;
  action: string;
  actorKind: JournalEntry['actorKind'];
  /** The member who acted; operators are shown by role, not by name. */
  actorName: string | null;
  outcome: JournalEntry['outcome'];
  run: number | null;
}

/**
 * The journal entries about an application, newest first: its own entries (created, sent,
 * checked, decided...) and the issuance of the card made from it.
 */
export async function applicationHistory(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
): Promise<ApplicationEvent[]> {
  const application = await findApplication(em, organisationId, applicationId);
  const target = applicationTarget(application.id);
  const entries = await em.find(
    JournalEntry,
    {
      organisationId,
      $or: [
        { targetType: target.type, targetId: target.id },
        { action: 'card.issued', details: { applicationId: application.id } },
      ],
    },
    { orderBy: { seq: 'desc' }, limit: 200 },
  );

  return entries.map((entry) => ({
    id: entry.id,
    occurredAt: entry.occurredAt,
    action: entry.action,
    actorKind: entry.actorKind,
    actorName: entry.actorKind === 'user' ? (entry.actorName ?? null) : null,
    outcome: entry.outcome,
    run: typeof entry.details.run === 'number' ? entry.details.run : null,
  }));
}
