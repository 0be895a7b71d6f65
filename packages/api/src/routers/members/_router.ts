import { router } from '../../trpc/init.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { cancelInvitation } from './cancel-invitation.ts';
import { changeRole } from './change-role.ts';
import { invite } from './invite.ts';
import { list } from './list.ts';
import { remove } from './remove.ts';
import { viewInvitation } from './view-invitation.ts';

export const membersRouter = router({
  list,
  invite,
  cancelInvitation,
  viewInvitation,
  acceptInvitation,
  changeRole,
  remove,
});
