import { router } from '../../trpc/init.ts';
import { messages } from './messages.ts';
import { sendTestEmail } from './send-test-email.ts';

export const devRouter = router({ sendTestEmail, messages });
