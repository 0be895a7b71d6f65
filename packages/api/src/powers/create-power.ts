import { randomUUID } from 'node:crypto';
import {
  Member,
  PowerOfAttorney,
  User,
  type EntityManager,
  type PowerOfAttorneyScope,
} from '@orgcard/db';
import { issueCode } from '../auth/one-time-codes.ts';
import { AppError } from '../errors.ts';
import type { OrganisationCall } from '../organisations/organisation-call.ts';
import { findPower } from './find-power.ts';

export interface PowerOfAttorneyDraft {
  representativeMemberId: string;
  scopes: PowerOfAttorneyScope[];
  /** In kopecks; null means no ceiling. */
  amountCeilingKopecks: bigint | null;
  validFrom: Date;
  validTo: Date;
}

/** The head grants powers of attorney: only the head acts for the organisation without one. */
export function requireHead(call: OrganisationCall): void {
  if (call.member.role !== 'head') {
    throw new AppError('forbidden', 'Доверенность выдаёт и подписывает только руководитель.');
  }
}

async function representativeOf(call: OrganisationCall, memberId: string) {
  const member = await call.em.findOne(Member, {
    id: memberId,
    organisationId: call.organisation.id,
    status: 'active',
  });
  const field = { field: 'representativeMemberId' };
  if (!member) throw new AppError('invalid_input', 'Представитель: участник не найден', field);
  if (member.id === call.member.id) {
    throw new AppError(
      'invalid_input',
      'Представитель: руководитель действует без доверенности',
      field,
    );
  }

  return { member, user: await call.em.findOneOrFail(User, { id: member.userId }) };
}

function checkValidity(draft: PowerOfAttorneyDraft, now: Date): void {
  const field = { field: 'validTo' };
  if (draft.validTo <= draft.validFrom) {
    throw new AppError('invalid_input', 'Действует до: должна быть позже даты начала', field);
  }
  if (draft.validTo <= now) {
    throw new AppError('invalid_input', 'Действует до: дата уже прошла', field);
  }
}

/** Sends the head a code to sign the power of attorney with, in the caller's unit of work. */
async function sendSigningCode(
  em: EntityManager,
  codeKey: Uint8Array,
  head: User,
  power: PowerOfAttorney,
  representativeName: string,
  now: Date,
) {
  return issueCode(
    em,
    codeKey,
    {
      purpose: 'sign_power_of_attorney',
      subjectId: power.id,
      channel: 'sms',
      destination: head.phone,
      template: 'power-of-attorney-code',
      data: { representative: representativeName },
    },
    now,
  );
}

/**
 * Drafts a power of attorney from the organisation (its head) to a member and texts the head a
 * code to sign it with. It grants nothing until signed.
 */
export async function createPowerOfAttorney(
  call: OrganisationCall,
  draft: PowerOfAttorneyDraft,
  codeKey: Uint8Array,
  now = new Date(),
): Promise<PowerOfAttorney> {
  requireHead(call);
  const representative = await representativeOf(call, draft.representativeMemberId);
  checkValidity(draft, now);

  return call.em.transactional(async (em) => {
    const power = em.create(PowerOfAttorney, {
      id: randomUUID(),
      organisationId: call.organisation.id,
      principalUserId: call.user.id,
      representativeMemberId: representative.member.id,
      representativeUserId: representative.user.id,
      scopes: [...new Set(draft.scopes)],
      amountCeilingKopecks: draft.amountCeilingKopecks,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      status: 'awaiting_signature',
      signedAt: null,
      signatureMethod: null,
      signature: null,
      revokedAt: null,
      revocationReason: null,
    });
    await sendSigningCode(em, codeKey, call.user, power, representative.user.fullName, now);
    await call.journal(em, {
      action: 'power_of_attorney.created',
      target: { type: 'power_of_attorney', id: power.id },
      details: {
        representativeMemberId: representative.member.id,
        scopes: power.scopes.join(','),
        amountCeilingKopecks: draft.amountCeilingKopecks?.toString() ?? null,
        validFrom: draft.validFrom.toISOString(),
        validTo: draft.validTo.toISOString(),
      },
    });

    return power;
  });
}

/** Sends a fresh signing code for a power still awaiting signature (at most once a minute). */
export async function resendSigningCode(
  call: OrganisationCall,
  powerId: string,
  codeKey: Uint8Array,
  now = new Date(),
): Promise<void> {
  requireHead(call);
  const power = await findPower(call.em, call.organisation.id, powerId);
  if (power.status !== 'awaiting_signature') {
    throw new AppError('invalid_state', 'Доверенность уже подписана или отозвана.');
  }
  const representative = await call.em.findOneOrFail(User, { id: power.representativeUserId });

  await call.em.transactional((em) =>
    sendSigningCode(em, codeKey, call.user, power, representative.fullName, now),
  );
}
