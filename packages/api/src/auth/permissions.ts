import type { MemberRole, PowerOfAttorneyScope } from '@orgcard/db';

/** What an organisation-scoped procedure may require of its caller. */
export const permissions = [
  'organisation.view',
  'organisation.manage',
  'members.view',
  'members.manage',
  'powers.manage',
  'journal.view',
  'applications.view',
  'applications.manage',
  'cards.view',
  'cards.manage',
  'documents.sign',
  'payments.make',
  'export',
] as const;

export type Permission = (typeof permissions)[number];

const everything = [...permissions];
const readOnly: Permission[] = [
  'organisation.view',
  'members.view',
  'journal.view',
  'applications.view',
  'cards.view',
];

/** What each role may do by itself, before any power of attorney. */
export const rolePermissions: Record<MemberRole, readonly Permission[]> = {
  head: everything,
  administrator: everything.filter((permission) => permission !== 'powers.manage'),
  accountant: [...readOnly, 'payments.make', 'export'],
  employee: ['organisation.view', 'members.view', 'cards.view'],
  auditor: readOnly,
};

/** What an active power of attorney adds to its representative. */
export const scopePermissions: Record<PowerOfAttorneyScope, readonly Permission[]> = {
  sign_documents: ['documents.sign'],
  make_payments: ['payments.make'],
  manage_cards: ['cards.manage', 'cards.view'],
  manage_members: ['members.manage', 'members.view'],
  export: ['export'],
};

export function roleGrants(role: MemberRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
