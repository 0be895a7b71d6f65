import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@orgcard/db/testing';
import { loadSecrets } from '../config/secrets.ts';
import { createLogger } from '../logger.ts';
import { createAppServices, type AppServices, type ServicesInput } from '../services.ts';
import { createContext, type RequestInfo } from '../trpc/context.ts';
import { createCaller } from '../root.ts';

export type Caller = ReturnType<typeof createCaller>;

/** Keeps the session cookie between calls, as a browser does. */
export interface TestBrowser {
  readonly sessionToken: string | null;
  caller(request?: Partial<RequestInfo>): Caller;
  forget(): void;
}

export interface TestApp {
  services: AppServices;
  database: TestDatabase;
  /** A caller without a session (or with the token given). */
  caller(request?: Partial<RequestInfo>): Caller;
  /** A fresh browser: each has its own cookie and address. */
  browser(ip?: string): TestBrowser;
  close(): Promise<void>;
}

function requiredEnv(name: 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests with \`pnpm test\``);

  return value;
}

/**
 * The application wired to a fresh database and a fresh Redis key prefix, for one test file.
 * Everything is real: PostgreSQL, Redis and the procedures themselves; `replacements` points an
 * outside service (the company registry) at a local fake.
 */
export async function createTestApp(
  overrides: Partial<AppServices['config']> = {},
  replacements: Pick<ServicesInput, 'companyRegistry'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'silent', pretty: false });
  const services = createAppServices({
    config: {
      nodeEnv: 'test',
      redisUrl: requiredEnv('REDIS_URL'),
      queuePrefix: `test-${randomBytes(4).toString('hex')}`,
      appUrl: 'http://localhost:3000',
      ...overrides,
    },
    secrets: loadSecrets({ NODE_ENV: 'test' }),
    orm: database.orm,
    logger,
    ...replacements,
  });
  const requestInfo = (request: Partial<RequestInfo>): RequestInfo => ({
    requestId: randomUUID(),
    ip: '127.0.0.1',
    userAgent: 'vitest',
    sessionToken: null,
    ...request,
  });

  return {
    services,
    database,
    caller(request = {}) {
      return createCaller(createContext(services, requestInfo(request)));
    },
    browser(ip = '127.0.0.1') {
      let token: string | null = null;
      const cookies = {
        set: (value: string) => void (token = value),
        clear: () => void (token = null),
      };

      return {
        get sessionToken() {
          return token;
        },
        caller(request = {}) {
          const info = requestInfo({ ip, sessionToken: token, ...request });

          return createCaller(createContext(services, info, cookies));
        },
        forget() {
          token = null;
        },
      };
    },
    async close() {
      await services.close();
      await database.drop();
    },
  };
}
