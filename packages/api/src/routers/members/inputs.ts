import { z } from 'zod';
import { invitableRoles } from '../../members/role-labels.ts';

/** A role to give a member: any but head, since an organisation has the one head. */
export const invitableRoleInput = z.enum(invitableRoles, {
  error: 'Роль: выберите администратора, бухгалтера, сотрудника или аудитора',
});

export const memberIdInput = z.uuid({ error: 'Участник: неверный идентификатор' });

export const invitationTokenInput = z
  .string({ error: 'Приглашение: неверная ссылка' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Приглашение: неверная ссылка' });
