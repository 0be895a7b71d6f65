import type { MemberRole } from '@orgcard/db';

/** Roles as they are named in messages to people (the pages have their own texts). */
export const roleLabels: Record<MemberRole, string> = {
  head: 'руководитель',
  administrator: 'администратор',
  accountant: 'бухгалтер',
  employee: 'сотрудник',
  auditor: 'аудитор (только просмотр)',
};

/** Every role but head: an organisation has one head, who registered it. */
export const invitableRoles = ['administrator', 'accountant', 'employee', 'auditor'] as const;
export type InvitableRole = (typeof invitableRoles)[number];
