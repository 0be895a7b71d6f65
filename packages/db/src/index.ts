export * from './entities/index.ts';
export { createOrmConfig, type OrmConfigInput } from './config.ts';
export { connectOrm, migrate, type Orm } from './orm.ts';
export type { EntityManager } from '@mikro-orm/postgresql';
