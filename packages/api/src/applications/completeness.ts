import {
  ApplicationDocument,
  Member,
  StateFee,
  type CardApplication,
  type DocumentKind,
  type EntityManager,
} from '@orgcard/db';
import { documentKindNames, requiredDocumentKinds } from './required-documents.ts';

type FormView = Pick<CardApplication, 'purpose' | 'holderMemberId' | 'department' | 'tariffCode'>;

const formFieldNames: Record<keyof FormView, string> = {
  purpose: 'цель получения карты',
  holderMemberId: 'держатель карты',
  department: 'подразделение или проект',
  tariffCode: 'тариф',
};

/** The form fields still empty, named in Russian. */
export function missingFormFields(application: FormView): string[] {
  return (Object.keys(formFieldNames) as (keyof FormView)[])
    .filter((field) => !application[field])
    .map((field) => formFieldNames[field]);
}

/** The required kinds with no uploaded document yet. */
export async function missingDocumentKinds(
  em: EntityManager,
  application: CardApplication,
  applicantIsHead: boolean,
): Promise<DocumentKind[]> {
  const documents = await em.find(
    ApplicationDocument,
    { applicationId: application.id, organisationId: application.organisationId },
    { fields: ['kind'] },
  );
  const present = new Set(documents.map((document) => document.kind));

  return requiredDocumentKinds(application.cardType, applicantIsHead).filter(
    (kind) => !present.has(kind),
  );
}

/** Whether the applicant is the organisation's head, who needs no power of attorney. */
export async function isHead(em: EntityManager, organisationId: string, userId: string) {
  const member = await em.findOne(Member, { organisationId, userId, status: 'active' });

  return member?.role === 'head';
}

/**
 * Everything that keeps an application from being sent, as Russian phrases: empty form
 * fields, a holder who has left, missing documents by kind, an unpaid state fee. Empty when
 * it may be sent.
 */
export async function missingForSubmission(
  em: EntityManager,
  application: CardApplication,
  applicantUserId: string,
): Promise<string[]> {
  const missing = missingFormFields(application).map((field) => `анкета: ${field}`);
  if (application.holderMemberId) {
    const holder = await em.findOne(Member, {
      id: application.holderMemberId,
      organisationId: application.organisationId,
      status: 'active',
    });
    if (!holder) missing.push('держатель карты больше не участник организации');
  }

  const head = await isHead(em, application.organisationId, applicantUserId);
  for (const kind of await missingDocumentKinds(em, application, head)) {
    missing.push(`документ «${documentKindNames[kind]}»`);
  }

  const fee = await em.findOne(StateFee, { applicationId: application.id });
  if (fee?.status !== 'paid') missing.push('оплата госпошлины');

  return missing;
}
