import { LockMode } from '@mikro-orm/core';
import { CardApplication, Organisation, type EntityManager } from '@orgcard/db';
import { applicationNumber, applicationTarget } from '../applications/application-basics.ts';
import { AppError } from '../errors.ts';
import { writeJournal } from '../journal/write-journal.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { TemplateName } from '../notifications/templates.ts';
import type { RequestInfo } from '../trpc/context.ts';
import { applicationPageUrl, notifyUser } from './notify-user.ts';

/** An operator's decision on an application in review. */
export type ReviewDecision =
  { kind: 'approve' } | { kind: 'reject'; reason: string } | { kind: 'return'; remarks: string };

export interface DecidingOperator {
  id: string;
  fullName: string;
}

const decisionEffects = {
  approve: { status: 'approved', action: 'application.approved', template: 'application-approved' },
  reject: { status: 'rejected', action: 'application.rejected', template: 'application-rejected' },
  return: {
    status: 'needs_correction',
    action: 'application.returned',
    template: 'application-returned',
  },
} as const satisfies Record<
  ReviewDecision['kind'],
  { status: CardApplication['status']; action: string; template: TemplateName }
>;

function apply(
  application: CardApplication,
  decision: ReviewDecision,
  operatorId: string,
  now: Date,
): Record<string, string> {
  application.status = decisionEffects[decision.kind].status;
  if (decision.kind === 'return') {
    application.correctionRemarks = decision.remarks;

    return { remarks: decision.remarks };
  }
  application.decidedAt = now;
  application.decidedByOperatorId = operatorId;
  if (decision.kind === 'reject') {
    application.decisionReason = decision.reason;

    return { reason: decision.reason };
  }

  return {};
}

/**
 * Records an operator's decision on an application in review: approve (which queues the card's
 * issuance), reject with a reason, or return for correction with remarks. The status change,
 * the journal entry in the organisation's chain, the applicant's notifications and the job are
 * written in one transaction. The application row is locked first, so of two operators
 * deciding at once the second finds it decided and is refused: one approval, one job.
 */
export async function decideApplication(
  em: EntityManager,
  operator: DecidingOperator,
  applicationId: string,
  decision: ReviewDecision,
  context: { request?: RequestInfo; appUrl: string; now?: Date },
): Promise<CardApplication> {
  const now = context.now ?? new Date();

  return em.transactional(async (tx) => {
    const application = await tx.findOne(
      CardApplication,
      { id: applicationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!application) throw new AppError('not_found', 'Заявление не найдено.');
    if (application.status !== 'in_review') {
      throw new AppError(
        'invalid_state',
        'Решение уже принято или заявление ещё не готово к рассмотрению.',
      );
    }

    const details = apply(application, decision, operator.id, now);
    const effect = decisionEffects[decision.kind];
    if (decision.kind === 'approve') enqueueJob(tx, 'card-issuance', { applicationId });
    await writeJournal(tx, {
      organisationId: application.organisationId,
      actor: { kind: 'operator', id: operator.id, name: operator.fullName },
      action: effect.action,
      target: applicationTarget(application.id),
      details,
      request: context.request ?? null,
    });
    const organisation = await tx.findOneOrFail(Organisation, { id: application.organisationId });
    await notifyUser(tx, application.applicantUserId, effect.template, {
      applicationNumber: applicationNumber(application.id),
      organisation: organisation.shortName,
      ...details,
      link: applicationPageUrl(context.appUrl, application.organisationId, application.id),
    });

    return application;
  });
}
