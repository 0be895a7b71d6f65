import { CardApplication, Organisation, User, type EntityManager } from '@orgcard/db';
import { applicationNumber } from '../applications/application-basics.ts';
import { serviceLevelOf, type ServiceLevel } from './service-level.ts';

/** One application waiting for an operator, as the console lists it. */
export interface QueuedApplication {
  id: string;
  number: string;
  cardType: CardApplication['cardType'];
  organisation: { id: string; shortName: string; inn: string };
  applicantName: string;
  submittedAt: Date | null;
  reviewStartedAt: Date;
  serviceLevel: ServiceLevel;
}

/**
 * The applications waiting for a decision, overdue ones first, then the longest waiting. The
 * service level runs from the moment the automatic checks passed (NPO: 24 hours; LLC: 5
 * business days).
 */
export async function listReviewQueue(
  em: EntityManager,
  now: Date = new Date(),
): Promise<QueuedApplication[]> {
  const waiting = await em.find(
    CardApplication,
    { status: 'in_review' },
    { orderBy: { reviewStartedAt: 'asc', createdAt: 'asc' } },
  );
  const organisations = await em.find(Organisation, {
    id: { $in: waiting.map((row) => row.organisationId) },
  });
  const applicants = await em.find(User, {
    id: { $in: waiting.map((row) => row.applicantUserId) },
  });
  const organisationById = new Map(organisations.map((row) => [row.id, row]));
  const applicantById = new Map(applicants.map((row) => [row.id, row]));

  const queued = waiting.map((application): QueuedApplication => {
    const organisation = organisationById.get(application.organisationId);
    // An application enters review with this moment set; an older row falls back to its submission.
    const startedAt =
      application.reviewStartedAt ?? application.submittedAt ?? application.createdAt;

    return {
      id: application.id,
      number: applicationNumber(application.id),
      cardType: application.cardType,
      organisation: {
        id: application.organisationId,
        shortName: organisation?.shortName ?? '',
        inn: organisation?.inn ?? '',
      },
      applicantName: applicantById.get(application.applicantUserId)?.fullName ?? '',
      submittedAt: application.submittedAt ?? null,
      reviewStartedAt: startedAt,
      serviceLevel: serviceLevelOf(application.cardType, startedAt, now),
    };
  });

  return queued.sort(
    (a, b) =>
      Number(b.serviceLevel.overdue) - Number(a.serviceLevel.overdue) ||
      a.reviewStartedAt.getTime() - b.reviewStartedAt.getTime(),
  );
}
