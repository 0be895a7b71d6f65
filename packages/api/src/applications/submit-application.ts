import { User, type CardApplication, type EntityManager } from '@orgcard/db';
import { issueCode, requireCode } from '../auth/one-time-codes.ts';
import { AppError } from '../errors.ts';
import { enqueueJob } from '../outbox/enqueue.ts';
import {
  applicationNumber,
  applicationTarget,
  findApplication,
  requireEditable,
  type ApplicationActor,
} from './application-basics.ts';
import { missingForSubmission } from './completeness.ts';

interface ApplicationRef {
  organisationId: string;
  applicationId: string;
}

/** Refuses an application that is not complete and paid, naming everything still missing. */
async function requireComplete(em: EntityManager, application: CardApplication, userId: string) {
  requireEditable(application);
  const missing = await missingForSubmission(em, application, userId);
  if (missing.length === 0) return;

  throw new AppError(
    'invalid_state',
    `Заявление пока нельзя отправить. Не хватает: ${missing.join('; ')}.`,
  );
}

/** A phone number with only its last two digits readable. */
function maskedPhone(phone: string): string {
  return `+7 *** ***-**-${phone.slice(-2)}`;
}

/**
 * Sends the applicant an SMS code that confirms sending the application, but only once it is
 * complete (form filled, every required document present) and its fee is paid. The code is
 * bound to this application.
 */
export async function requestSubmitCode(
  em: EntityManager,
  codeKey: Uint8Array,
  ref: ApplicationRef,
  actor: ApplicationActor,
): Promise<{ sentTo: string }> {
  const application = await findApplication(em, ref.organisationId, ref.applicationId);
  await requireComplete(em, application, actor.userId);
  const applicant = await em.findOneOrFail(User, { id: actor.userId });

  await em.transactional(async (tx) => {
    await issueCode(tx, codeKey, {
      purpose: 'confirm_action',
      subjectId: application.id,
      channel: 'sms',
      destination: applicant.phone,
      template: 'application-submit-code',
      data: { applicationNumber: applicationNumber(application.id) },
    });
  });

  return { sentTo: maskedPhone(applicant.phone) };
}

function markSubmitted(application: CardApplication, applicantUserId: string, now: Date): number {
  application.status = 'submitted';
  application.checkRun += 1;
  application.submittedAt = now;
  application.applicantUserId = applicantUserId;
  application.step = 'submit';

  return application.checkRun;
}

/**
 * Sends the application for checks, confirmed by the applicant's code: status "submitted",
 * a new check run, the journal entry and the `document-checks` job, in one transaction. A
 * resubmission after correction works the same way; the fee stays paid. A wrong code counts
 * as a try even though the submission is refused.
 */
export async function submitApplication(
  em: EntityManager,
  codeKey: Uint8Array,
  ref: ApplicationRef & { code: string },
  actor: ApplicationActor,
  now = new Date(),
): Promise<CardApplication> {
  const application = await findApplication(em, ref.organisationId, ref.applicationId);
  await requireComplete(em, application, actor.userId);
  await requireCode(em, codeKey, 'confirm_action', application.id, ref.code);

  return em.transactional(async (tx) => {
    // Locked and read again: a second tab submitting at the same time finds it sent.
    const locked = await findApplication(tx, ref.organisationId, ref.applicationId, { lock: true });
    await requireComplete(tx, locked, actor.userId);
    const run = markSubmitted(locked, actor.userId, now);
    const applicant = await tx.findOneOrFail(User, { id: actor.userId });
    enqueueJob(tx, 'document-checks', { applicationId: locked.id, run });
    enqueueJob(tx, 'notifications', {
      channel: 'email',
      to: applicant.email,
      template: 'application-submitted',
      data: { applicationNumber: applicationNumber(locked.id) },
    });
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.submitted',
      target: applicationTarget(locked.id),
      details: { run },
    });

    return locked;
  });
}
