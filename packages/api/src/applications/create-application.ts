import { CardApplication, type EntityManager, type Organisation } from '@orgcard/db';
import { applicationTarget, type ApplicationActor } from './application-basics.ts';

/**
 * Opens a draft application of an organisation. The card type follows the organisation's
 * type; the form starts empty and the wizard at its first step.
 */
export async function createApplication(
  em: EntityManager,
  organisation: Organisation,
  actor: ApplicationActor,
): Promise<CardApplication> {
  return em.transactional(async (tx) => {
    const application = tx.create(CardApplication, {
      organisationId: organisation.id,
      applicantUserId: actor.userId,
      cardType: organisation.type,
      purpose: null,
      holderMemberId: null,
      department: null,
      tariffCode: null,
      submittedAt: null,
      reviewStartedAt: null,
      decidedAt: null,
      decidedByOperatorId: null,
      decisionReason: null,
      correctionRemarks: null,
    });
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.created',
      target: applicationTarget(application.id),
      details: { cardType: application.cardType },
    });

    return application;
  });
}
