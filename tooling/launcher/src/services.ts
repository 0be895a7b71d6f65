import { join } from 'node:path';
import { startPrivatePostgres } from './postgres.ts';
import { startPrivateRedis } from './redis.ts';

export interface Services {
  /** URL of the application database (for `start`) or of the maintenance database (tests). */
  databaseUrl: string;
  redisUrl: string;
  /** Which servers this process started, for the start banner. */
  started: { postgres: boolean; redis: boolean };
  stop(): Promise<void>;
}

interface Options {
  root: string;
  /** `start` keeps data under `.data/`; `test` uses a separate cluster and a disk-less Redis. */
  mode: 'start' | 'test';
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
}

/**
 * Starts private PostgreSQL and Redis unless their URLs are given: with the URLs set the
 * launcher uses those servers and starts none.
 */
export async function startServices(options: Options): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = options.databaseUrl;
  let redisUrl = options.redisUrl;

  try {
    if (!databaseUrl) {
      const postgres = await startPrivatePostgres(join(options.root, '.data', options.mode, 'pg'));
      stops.push(() => postgres.stop());
      if (options.mode === 'start') {
        await postgres.ensureDatabase('orgcard');
        databaseUrl = postgres.urlFor('orgcard');
      } else {
        databaseUrl = postgres.adminUrl;
      }
    }
    if (!redisUrl) {
      const dataDir = options.mode === 'start' ? join(options.root, '.data', 'redis') : undefined;
      const redis = await startPrivateRedis(dataDir);
      stops.push(() => redis.stop());
      redisUrl = redis.url;
    }
  } catch (error) {
    await stopAll(stops);
    throw error;
  }

  return {
    databaseUrl,
    redisUrl,
    started: { postgres: !options.databaseUrl, redis: !options.redisUrl },
    stop: () => stopAll(stops),
  };
}

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}
