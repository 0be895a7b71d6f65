import { createCallerFactory, router } from './trpc/init.ts';
import { devRouter } from './routers/dev/_router.ts';
import { systemRouter } from './routers/system/_router.ts';

export const appRouter = router({
  system: systemRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: Remix loaders and actions, the CLI and tests use it. */
export const createCaller = createCallerFactory(appRouter);
