import type { createCaller, RequestInfo } from '@orgcard/api';

declare module 'react-router' {
  interface AppLoadContext {
    /** Procedures called in-process, with the same checks as over HTTP. */
    api: ReturnType<typeof createCaller>;
    request: RequestInfo;
    nodeEnv: 'development' | 'production' | 'test';
  }
}

export {};
