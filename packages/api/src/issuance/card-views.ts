import { Card, Member, SigningCertificate, User, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';

/** A card as members read it: the number masked, never decrypted by a read. */
export interface CardSummary {
  id: string;
  applicationId: string;
  numberMasked: string;
  status: Card['status'];
  holder: { memberId: string; fullName: string };
  department: string | null;
  validFrom: Date;
  validTo: Date;
  limits: Card['limits'];
  issuedAt: Date;
}

async function holderNames(em: EntityManager, cards: Card[]): Promise<Map<string, string>> {
  const users = await em.find(
    User,
    { id: { $in: cards.map((card) => card.holderUserId) } },
    { fields: ['id', 'fullName'] },
  );

  return new Map(users.map((user) => [user.id, user.fullName]));
}

function summaryOf(card: Card, names: Map<string, string>): CardSummary {
  return {
    id: card.id,
    applicationId: card.applicationId,
    numberMasked: card.numberMasked,
    status: card.status,
    holder: { memberId: card.holderMemberId, fullName: names.get(card.holderUserId) ?? '' },
    department: card.department ?? null,
    validFrom: card.validFrom,
    validTo: card.validTo,
    limits: card.limits,
    issuedAt: card.issuedAt,
  };
}

/** The organisation's cards, newest first. */
export async function listCards(em: EntityManager, organisationId: string): Promise<CardSummary[]> {
  const cards = await em.find(Card, { organisationId }, { orderBy: { issuedAt: 'desc' } });
  const names = await holderNames(em, cards);

  return cards.map((card) => summaryOf(card, names));
}

/** One card of the organisation with its signing certificate's state; another's is "not found". */
export async function getCard(em: EntityManager, organisationId: string, cardId: string) {
  const card = await em.findOne(Card, { id: cardId, organisationId });
  if (!card) throw new AppError('not_found', 'Карта не найдена.');
  const certificate = await em.findOne(SigningCertificate, { cardId: card.id, organisationId });
  const holder = await em.findOne(Member, { id: card.holderMemberId, organisationId });

  return {
    ...summaryOf(card, await holderNames(em, [card])),
    holderRole: holder?.role ?? null,
    statusListIndex: card.statusListIndex,
    certificate: certificate
      ? {
          serial: certificate.serial,
          status: certificate.status,
          notBefore: certificate.notBefore,
          notAfter: certificate.notAfter,
        }
      : null,
  };
}
