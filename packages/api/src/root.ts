import { createCallerFactory, router } from './trpc/init.ts';
import { devRouter } from './routers/dev/_router.ts';
import { systemRouter } from './routers/system/_router.ts';
import { journalRouter } from './routers/journal/_router.ts';
import { authRouter } from './routers/auth/_router.ts';
import { accountRouter } from './routers/account/_router.ts';
import { operatorRouter } from './routers/operator/_router.ts';
import { organisationsRouter } from './routers/organisations/_router.ts';
import { membersRouter } from './routers/members/_router.ts';
import { powersRouter } from './routers/powers/_router.ts';
import { applicationsRouter } from './routers/applications/_router.ts';
import { reviewRouter } from './routers/review/_router.ts';
import { cardsRouter } from './routers/cards/_router.ts';

export const appRouter = router({
  system: systemRouter,
  dev: devRouter,
  journal: journalRouter,
  auth: authRouter,
  account: accountRouter,
  operator: operatorRouter,
  organisations: organisationsRouter,
  members: membersRouter,
  powers: powersRouter,
  applications: applicationsRouter,
  review: reviewRouter,
  cards: cardsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: Remix loaders and actions, the CLI and tests use it. */
export const createCaller = createCallerFactory(appRouter);
