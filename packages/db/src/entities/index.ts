import { ApplicationDocument } from './application-document.ts';
import { Card } from './card.ts';
import { CardApplication } from './card-application.ts';
import { DevMessage } from './dev-message.ts';
import { DocumentCheck } from './document-check.ts';
import { PlatformKey } from './platform-key.ts';
import { SigningCertificate } from './signing-certificate.ts';
import { StateFee } from './state-fee.ts';
import { WebhookReceipt } from './webhook-receipt.ts';
import { Invitation } from './invitation.ts';
import { JournalEntry } from './journal-entry.ts';
import { Member } from './member.ts';
import { OneTimeCode } from './one-time-code.ts';
import { Operator } from './operator.ts';
import { Organisation } from './organisation.ts';
import { OutboxMessage } from './outbox-message.ts';
import { PowerOfAttorney } from './power-of-attorney.ts';
import { ProcessedJob } from './processed-job.ts';
import { Session } from './session.ts';
import { SignInChallenge } from './sign-in-challenge.ts';
import { User } from './user.ts';

export {
  ApplicationDocument,
  Card,
  CardApplication,
  DocumentCheck,
  PlatformKey,
  SigningCertificate,
  StateFee,
  WebhookReceipt,
  DevMessage,
  Invitation,
  JournalEntry,
  Member,
  OneTimeCode,
  Operator,
  Organisation,
  OutboxMessage,
  PowerOfAttorney,
  ProcessedJob,
  Session,
  SignInChallenge,
  User,
};
export { memberRoles, type MemberRole } from './member.ts';
export { powerOfAttorneyScopes, type PowerOfAttorneyScope } from './power-of-attorney.ts';

/** Every entity of the application, in one list for the ORM configuration. */
export const entities = [
  OutboxMessage,
  DevMessage,
  ProcessedJob,
  User,
  Operator,
  Session,
  SignInChallenge,
  OneTimeCode,
  Organisation,
  Member,
  Invitation,
  PowerOfAttorney,
  JournalEntry,
  CardApplication,
  ApplicationDocument,
  DocumentCheck,
  StateFee,
  WebhookReceipt,
  Card,
  SigningCertificate,
  PlatformKey,
];
export { applicationStatuses, type ApplicationStatus } from './card-application.ts';
export { documentKinds, type DocumentKind } from './application-document.ts';
export type { CardLimits } from './card.ts';
