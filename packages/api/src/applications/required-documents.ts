import type { DocumentKind } from '@orgcard/db';
import type { CardType } from './tariffs.ts';

/** How a document kind is named to the applicant and in refusals. */
export const documentKindNames: Record<DocumentKind, string> = {
  registry_extract: 'Выписка из ЕГРЮЛ',
  charter: 'Устав',
  founders_decision: 'Решение учредителей о получении карты',
  authorised_body_decision: 'Решение уполномоченного органа',
  power_of_attorney: 'Доверенность заявителя',
  bank_certificate: 'Справка об открытии банковского счёта',
  registration_certificate: 'Свидетельство о регистрации НКО',
};

// The lists of the issue, in the order the applicant meets them. An NPO's "founding
// documents" are its charter, so they share the kind 'charter'.
const requiredByType: Record<CardType, readonly DocumentKind[]> = {
  LLC: [
    'registry_extract',
    'charter',
    'founders_decision',
    'power_of_attorney',
    'bank_certificate',
  ],
  NPO: [
    'registry_extract',
    'charter',
    'authorised_body_decision',
    'power_of_attorney',
    'bank_certificate',
    'registration_certificate',
  ],
};

/**
 * The document kinds an application must carry. The applicant's power of attorney proves
 * they may act for the organisation; the head acts by law, so they need none.
 */
export function requiredDocumentKinds(
  cardType: CardType,
  applicantIsHead: boolean,
): DocumentKind[] {
  return requiredByType[cardType].filter(
    (kind) => !(kind === 'power_of_attorney' && applicantIsHead),
  );
}

/** Kinds an applicant may upload for this card type: the required ones, whoever applies. */
export function acceptedDocumentKinds(cardType: CardType): readonly DocumentKind[] {
  return requiredByType[cardType];
}
