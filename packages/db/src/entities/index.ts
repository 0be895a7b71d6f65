import { DevMessage } from './dev-message.ts';
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
import { User } from './user.ts';

export {
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
  OneTimeCode,
  Organisation,
  Member,
  Invitation,
  PowerOfAttorney,
  JournalEntry,
];
