import { Member, StateFee, type CardApplication, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import {
  applicationTarget,
  findApplication,
  requireEditable,
  type ApplicationActor,
} from './application-basics.ts';
import { missingFormFields } from './completeness.ts';
import { tariffFor } from './tariffs.ts';

export type WizardStep = CardApplication['step'];

/** The fields of the form; `undefined` leaves a field as it is, `null` clears it. */
export interface ApplicationChanges {
  purpose?: string | null;
  holderMemberId?: string | null;
  department?: string | null;
  tariffCode?: string | null;
  step?: WizardStep;
}

const stepsAfterForm: readonly WizardStep[] = ['fee', 'submit'];

async function checkHolder(em: EntityManager, organisationId: string, memberId: string) {
  const holder = await em.findOne(Member, { id: memberId, organisationId, status: 'active' });
  if (holder) return;

  throw new AppError(
    'invalid_input',
    'Держатель карты: выберите действующего участника организации.',
    {
      field: 'holderMemberId',
    },
  );
}

/**
 * A tariff of another card type, or one changed after the fee was paid, is refused. Returns
 * the unpaid fee to re-price, if there is one.
 */
async function checkTariff(
  em: EntityManager,
  application: CardApplication,
  code: string | null,
): Promise<{ fee: StateFee; amountKopecks: bigint } | null> {
  const tariff = code === null ? null : tariffFor(code);
  if (code !== null && tariff?.cardType !== application.cardType) {
    throw new AppError('invalid_input', 'Тариф: недоступен для организаций этого типа.', {
      field: 'tariffCode',
    });
  }
  const fee = await em.findOne(StateFee, { applicationId: application.id });
  // Clearing the tariff counts as a change too: the paid amount belongs to it.
  if (fee?.status === 'paid' && application.tariffCode !== code) {
    throw new AppError('invalid_input', 'Тариф: госпошлина уже оплачена, тариф изменить нельзя.', {
      field: 'tariffCode',
    });
  }

  return fee && tariff ? { fee, amountKopecks: tariff.feeKopecks } : null;
}

const formFields = ['purpose', 'holderMemberId', 'department', 'tariffCode', 'step'] as const;

/** Moving on to the fee needs the whole form, since the fee depends on the tariff. */
function checkReadyForFee(application: CardApplication, changes: ApplicationChanges): void {
  if (!changes.step || !stepsAfterForm.includes(changes.step)) return;
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  const missing = missingFormFields({ ...application, ...defined });
  if (missing.length === 0) return;

  throw new AppError('invalid_state', `Заполните анкету: ${missing.join(', ')}.`);
}

function applyChanges(application: CardApplication, changes: ApplicationChanges): string[] {
  const changed: string[] = [];
  for (const field of formFields) {
    const value = changes[field];
    if (value === undefined || application[field] === value) continue;
    Object.assign(application, { [field]: value });
    changed.push(field);
  }
  if (changes.step && stepsAfterForm.includes(changes.step) && application.status === 'draft') {
    application.status = 'awaiting_fee';
    changed.push('status');
  }

  return changed;
}

/**
 * Saves the form at any step of the wizard, so the applicant can leave and resume. The holder
 * must be an active member of the organisation and the tariff one of its card type. Moving
 * on to the fee needs the form complete, and turns a draft into "awaiting fee".
 */
export async function updateApplication(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
  changes: ApplicationChanges,
  actor: ApplicationActor,
): Promise<CardApplication> {
  return em.transactional(async (tx) => {
    const application = await findApplication(tx, organisationId, applicationId, { lock: true });
    requireEditable(application);
    if (changes.holderMemberId) await checkHolder(tx, organisationId, changes.holderMemberId);
    const repricing =
      changes.tariffCode === undefined
        ? null
        : await checkTariff(tx, application, changes.tariffCode);
    checkReadyForFee(application, changes);

    const changed = applyChanges(application, changes);
    // An unpaid fee follows the tariff; its УИН stays the same accrual.
    if (repricing) repricing.fee.amountKopecks = repricing.amountKopecks;
    if (changed.length === 0) return application;
    await tx.flush();
    await actor.journal(tx, {
      action: 'application.updated',
      target: applicationTarget(application.id),
      details: { fields: changed.join(','), step: application.step, status: application.status },
    });

    return application;
  });
}
