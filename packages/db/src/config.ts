import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.ts';
import { migrationsList } from './migrations/index.ts';

export interface OrmConfigInput {
  databaseUrl: string;
  /** Connection pool size; web and worker each hold their own pool. */
  poolMax?: number;
  debug?: boolean;
}

/**
 * The one MikroORM configuration. Migrations come from an explicit list rather than a folder
 * scan, so that the bundled web server finds them as well as tsx does.
 */
export function createOrmConfig(input: OrmConfigInput): Options {
  return defineConfig({
    clientUrl: input.databaseUrl,
    entities,
    extensions: [Migrator],
    debug: input.debug ?? false,
    pool: { min: 0, max: input.poolMax ?? 10 },
    // Entities are plain schemas; discovery must not try to read TypeScript metadata.
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: new URL('./migrations', import.meta.url).pathname,
      pathTs: new URL('./migrations', import.meta.url).pathname,
      emit: 'ts',
    },
  });
}
