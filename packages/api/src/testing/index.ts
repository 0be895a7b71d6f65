import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@orgcard/db/testing';
import { createLogger } from '../logger.ts';
import { createAppServices, type AppServices } from '../services.ts';
import { createContext, type RequestInfo } from '../trpc/context.ts';
import { createCaller } from '../root.ts';

export interface TestApp {
  services: AppServices;
  database: TestDatabase;
  /** A caller as if from a browser at the given address. */
  caller(request?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

function requiredEnv(name: 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests with \`pnpm test\``);

  return value;
}

/**
 * The application wired to a fresh database and a fresh Redis key prefix, for one test file.
 * Everything is real: PostgreSQL, Redis and the procedures themselves.
 */
export async function createTestApp(
  overrides: Partial<AppServices['config']> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'silent', pretty: false });
  const services = createAppServices(
    {
      nodeEnv: 'test',
      redisUrl: requiredEnv('REDIS_URL'),
      queuePrefix: `test-${randomBytes(4).toString('hex')}`,
      appUrl: 'http://localhost:3000',
      ...overrides,
    },
    database.orm,
    logger,
  );

  return {
    services,
    database,
    caller(request = {}) {
      return createCaller(
        createContext(services, {
          requestId: randomUUID(),
          ip: '127.0.0.1',
          userAgent: 'vitest',
          ...request,
        }),
      );
    },
    async close() {
      await services.close();
      await database.drop();
    },
  };
}
