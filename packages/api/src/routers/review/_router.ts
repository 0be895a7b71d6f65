import { router } from '../../trpc/init.ts';
import { approve } from './approve.ts';
import { checks } from './checks.ts';
import { document } from './document.ts';
import { get } from './get.ts';
import { history } from './history.ts';
import { queue } from './queue.ts';
import { reject } from './reject.ts';
import { returnForCorrection } from './return-for-correction.ts';

/** Operators review sent applications; members read the checks and history of their own. */
export const reviewRouter = router({
  queue,
  get,
  document,
  approve,
  reject,
  returnForCorrection,
  checks,
  history,
});
