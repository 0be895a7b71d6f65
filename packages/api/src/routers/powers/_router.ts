import { router } from '../../trpc/init.ts';
import { create } from './create.ts';
import { exportXml } from './export-xml.ts';
import { list } from './list.ts';
import { revoke } from './revoke.ts';
import { sendCode } from './send-code.ts';
import { sign } from './sign.ts';

export const powersRouter = router({ list, create, sendCode, sign, revoke, exportXml });
